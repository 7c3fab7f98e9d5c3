import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { BELGIUM_BOUNDS, type GazetteerData, PROVINCES, parseGazetteerCsv } from '../gazetteer.models.ts';

const file = new URL('./be-gazetteer.csv', import.meta.url);
let data: GazetteerData;

beforeAll(() => {
  const result = parseGazetteerCsv(readFileSync(file));
  if (!result.ok)
    throw new Error(`shipped gazetteer is invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
  data = result.data;
});

const municipality = (nis: string) => data.municipalities.find((m) => m.nisCode === nis);
const postcodesOf = (nis: string) =>
  [...new Set(data.places.filter((p) => p.nisCode === nis).map((p) => p.postcode))].sort();
const placesOf = (postcode: string) =>
  data.places
    .filter((p) => p.postcode === postcode)
    .map((p) => p.placeName)
    .sort();

describe('the shipped gazetteer (be-gazetteer.csv)', () => {
  it('is strict UTF-8 without a byte order mark, with the documented header', () => {
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const [header] = parse(bytes.toString('utf8'), { to_line: 1 }) as string[][];
    expect(header).toEqual([
      'nis_code',
      'name_nl',
      'name_fr',
      'region',
      'province',
      'lat',
      'lng',
      'centroid_source',
      'postcode',
      'place_name',
      'place_lat',
      'place_lng',
      'place_point_source',
    ]);
  });

  it('holds the municipalities in force since 1 January 2025: 285 Flemish, 19 Brussels, 261 Walloon', () => {
    const count = (region: string) => data.municipalities.filter((m) => m.region === region).length;
    expect([count('VLG'), count('BRU'), count('WAL')]).toEqual([285, 19, 261]);
  });

  it('uses the new NIS codes of merged municipalities and none of the codes they replaced', () => {
    expect(municipality('23106')?.nameNl).toBe('Pajottegem');
    expect(municipality('46030')?.nameNl).toBe('Beveren-Kruibeke-Zwijndrecht');
    expect(municipality('71072')?.nameNl).toBe('Hasselt');
    expect(municipality('82039')?.nameFr).toBe('Bastogne');
    for (const gone of ['11007', '11056', '23023', '44012', '44045', '46003', '71022', '73040', '82003'])
      expect(municipality(gone), gone).toBeUndefined();
    expect(postcodesOf('11002')).toContain('2150');
    expect(postcodesOf('46030')).toEqual(['2070', '9120', '9130', '9150']);
    expect(municipality('46030')?.province).toBe('BE-VOV');
  });

  it('has no duplicate key and gives every municipality at least one postcode', () => {
    const keys = data.places.map((p) => `${p.postcode}|${p.nisCode}|${p.placeName}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(data.municipalities.map((m) => m.nisCode)).size).toBe(data.municipalities.length);
    const withPostcodes = new Set(data.places.map((p) => p.nisCode));
    expect(data.municipalities.filter((m) => !withPostcodes.has(m.nisCode))).toEqual([]);
  });

  it('writes every postcode as four digits and every NIS code as five', () => {
    expect(data.places.filter((p) => !/^[1-9][0-9]{3}$/.test(p.postcode))).toEqual([]);
    expect(data.municipalities.filter((m) => !/^[0-9]{5}$/.test(m.nisCode))).toEqual([]);
  });

  it('keeps every point inside Belgium', () => {
    const { minLat, maxLat, minLng, maxLng } = BELGIUM_BOUNDS;
    const outside = [...data.municipalities, ...data.places].filter(
      (p) => p.lat < minLat || p.lat > maxLat || p.lng < minLng || p.lng > maxLng,
    );
    expect(outside).toEqual([]);
  });

  it('puts Flemish and Brussels postcodes in their own ranges', () => {
    const regionOf = new Map(data.municipalities.map((m) => [m.nisCode, m.region]));
    for (const p of data.places) {
      const n = Number(p.postcode);
      const region = regionOf.get(p.nisCode);
      if (n < 1300) expect(region, p.postcode).toBe('BRU');
      else if (n < 1500 || (n >= 4000 && n < 8000)) expect(region, p.postcode).toBe('WAL');
      else expect(region, p.postcode).toBe('VLG');
    }
  });

  it('knows Brugge, Oostende, Poperinge, Kortrijk and Roeselare with their postcodes and places', () => {
    expect(municipality('31005')).toMatchObject({ nameNl: 'Brugge', nameFr: 'Bruges', province: 'BE-VWV' });
    expect(postcodesOf('31005')).toEqual(['8000', '8200', '8310', '8380']);
    expect(placesOf('8380')).toEqual(['Dudzele', 'Lissewege', 'Zeebrugge']);
    expect(placesOf('8310')).toEqual(['Assebroek', 'Sint-Kruis']);
    expect(municipality('35013')).toMatchObject({ nameNl: 'Oostende', nameFr: 'Ostende' });
    expect(postcodesOf('35013')).toEqual(['8400']);
    expect(placesOf('8400')).toEqual(['Oostende', 'Stene', 'Zandvoorde']);
    expect(municipality('33021')?.nameNl).toBe('Poperinge');
    expect(postcodesOf('33021')).toEqual(['8970', '8972', '8978']);
    expect(municipality('34022')).toMatchObject({ nameNl: 'Kortrijk', nameFr: 'Courtrai' });
    expect(postcodesOf('34022')).toEqual(['8500', '8501', '8510', '8511']);
    expect(municipality('36015')).toMatchObject({ nameNl: 'Roeselare', nameFr: 'Roulers' });
    expect(postcodesOf('36015')).toEqual(['8800']);
    expect(placesOf('8800')).toEqual(['Beveren', 'Oekene', 'Roeselare', 'Rumbeke']);
  });

  it('gives the Brussels municipalities their French names and no province', () => {
    const brussels = data.municipalities.filter((m) => m.region === 'BRU');
    expect(brussels.every((m) => m.province === null && m.nisCode.startsWith('21'))).toBe(true);
    const fr = Object.fromEntries(brussels.map((m) => [m.nameNl, m.nameFr]));
    expect(fr).toMatchObject({
      Brussel: 'Bruxelles',
      Elsene: 'Ixelles',
      Oudergem: 'Auderghem',
      Schaarbeek: 'Schaerbeek',
      'Sint-Jans-Molenbeek': 'Molenbeek-Saint-Jean',
      'Sint-Lambrechts-Woluwe': 'Woluwe-Saint-Lambert',
      Ukkel: 'Uccle',
      Vorst: 'Forest',
      'Watermaal-Bosvoorde': 'Watermael-Boitsfort',
    });
    expect(placesOf('1000')).toEqual(['Brussel', 'Bruxelles']);
  });

  it('puts every municipality in a province of its own region', () => {
    for (const m of data.municipalities)
      if (m.province) expect(PROVINCES[m.province].region, m.nisCode).toBe(m.region);
  });
});
