import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { GazetteerFileError } from './gazetteer.errors.ts';
import {
  ensureGazetteerLoaded,
  findMunicipalities,
  getMunicipality,
  importGazetteer,
  lookupPostcode,
  shippedGazetteerPath,
} from './gazetteer.usecases.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const HEADER = 'nis_code,name_nl,name_fr,region,province,lat,lng,postcode,place_name,place_lat,place_lng';
const TINY = [
  HEADER,
  '31005,Brugge,Bruges,VLG,BE-VWV,51.20892,3.22424,8000,Brugge,51.20892,3.22424',
  '21004,Brussel,Bruxelles,BRU,,50.85045,4.34878,1000,Brussel,50.85045,4.34878',
].join('\n');

const names = async (query: string, region?: 'VLG' | 'BRU' | 'WAL') =>
  (await findMunicipalities({ ctx, query, region })).map((m) => m.municipality.nameNl);

async function expectAppError(promise: Promise<unknown>, code: string, status: number) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code, status });
}

describe('loading and importing the gazetteer', () => {
  it('loads the shipped gazetteer into empty tables, once, even when two starters race', async () => {
    const results = await Promise.all([ensureGazetteerLoaded(ctx), ensureGazetteerLoaded(ctx)]);
    expect(results.filter((r) => r.loaded)).toHaveLength(1);
    const count = await ctx.db
      .selectFrom('gazetteer_municipalities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(565);
    expect(await ensureGazetteerLoaded(ctx)).toEqual({ loaded: false });
  });

  it('replaces the whole gazetteer and leaves tenant municipalities that refer to NIS codes alone', async () => {
    const regionId = newId();
    await ctx.db.insertInto('regions').values({ id: regionId, name: 'Westhoek' }).execute();
    await ctx.db
      .insertInto('municipalities')
      .values({
        id: newId(),
        region_id: regionId,
        nis_code: '33021',
        name_nl: 'Poperinge',
        name_fr: 'Poperinge',
      })
      .execute();

    const progress: number[] = [];
    const result = await importGazetteer({ ctx, csv: TINY, onProgress: (done) => progress.push(done) });
    expect(result).toEqual({ municipalities: 2, places: 2 });
    expect(progress.at(-1)).toBe(4);
    expect(await names('')).toEqual(['Brugge', 'Brussel']);
    const tenant = await ctx.db.selectFrom('municipalities').select('nis_code').execute();
    expect(tenant).toEqual([{ nis_code: '33021' }]);

    await importGazetteer({ ctx, csv: readFileSync(shippedGazetteerPath), file: 'be-gazetteer.csv' });
    expect((await getMunicipality({ ctx, nisCode: '33021' })).nameNl).toBe('Poperinge');
  });

  it('changes nothing when the file has a problem, and lists every problem', async () => {
    const bad = `${TINY}\n34022,Kortrijk,Courtrai,VLG,BE-VWV,51.2,3.2,850,Kortrijk,51.2,3.2\n36015,Roeselare,Roulers,VLX,BE-VWV,50.9,3.1,8800,Roeselare,50.9,3.1`;
    const error = await importGazetteer({ ctx, csv: bad, file: 'bad.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GazetteerFileError);
    expect((error as GazetteerFileError).problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [4, 'postcode', 'gazetteer.csv.postcode'],
      [5, 'region', 'gazetteer.csv.region'],
    ]);
    const count = await ctx.db
      .selectFrom('gazetteer_municipalities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(565);
    expect((await lookupPostcode({ ctx, postcode: '8500' })).municipalities[0]?.nisCode).toBe('34022');
  });
});

describe('looking things up', () => {
  it('finds Brugge and its three places behind postcode 8380', async () => {
    const lookup = await lookupPostcode({ ctx, postcode: '8380' });
    expect(lookup.municipalities.map((m) => m.nisCode)).toEqual(['31005']);
    expect(lookup.places.map((p) => p.name)).toEqual(['Dudzele', 'Lissewege', 'Zeebrugge']);
    expect(lookup.point.lat).toBeGreaterThan(51.2);
    expect(lookup.point.lat).toBeLessThan(51.4);
  });

  it('maps Zwijndrecht’s postcode to the municipality it merged into in 2025', async () => {
    const lookup = await lookupPostcode({ ctx, postcode: '2070' });
    expect(lookup.municipalities).toMatchObject([
      { nisCode: '46030', nameNl: 'Beveren-Kruibeke-Zwijndrecht' },
    ]);
  });

  it('answers an unknown postcode with gazetteer.unknown_postcode and a malformed one with a field error', async () => {
    await expectAppError(lookupPostcode({ ctx, postcode: '9999' }), 'gazetteer.unknown_postcode', 404);
    await expectAppError(lookupPostcode({ ctx, postcode: '0800' }), 'validation.failed', 400);
  });

  it('searches Dutch and French names without caring about accents, case or hyphens', async () => {
    expect((await names('LIEGE'))[0]).toBe('Luik');
    expect(await names('sint jans')).toContain('Sint-Jans-Molenbeek');
    expect((await names('courtrai'))[0]).toBe('Kortrijk');
  });

  it('ranks an exact name before names that merely contain the text', async () => {
    expect((await names('gent'))[0]).toBe('Gent');
  });

  it('finds the municipality of a deelgemeente and says which place matched', async () => {
    const [match] = await findMunicipalities({ ctx, query: 'Zeebrugge' });
    expect(match).toMatchObject({ municipality: { nisCode: '31005' }, matchedPlace: 'Zeebrugge' });
  });

  it('limits a search to one region', async () => {
    expect(await names('sint', 'BRU')).toEqual([
      'Sint-Agatha-Berchem',
      'Sint-Gillis',
      'Sint-Jans-Molenbeek',
      'Sint-Joost-ten-Node',
      'Sint-Lambrechts-Woluwe',
      'Sint-Pieters-Woluwe',
    ]);
  });

  it('matches nothing for text without letters or digits, such as a lone wildcard', async () => {
    expect(await names('%')).toEqual([]);
    expect(await names(' - ')).toEqual([]);
  });

  it('gives a municipality with its postcodes, places and centroid', async () => {
    const detail = await getMunicipality({ ctx, nisCode: '31005' });
    expect(detail).toMatchObject({
      nameFr: 'Bruges',
      region: 'VLG',
      province: 'BE-VWV',
      lat: expect.any(Number),
    });
    expect(detail.postcodes.map((p) => p.postcode)).toEqual(['8000', '8200', '8310', '8380']);
    expect(detail.postcodes[1]?.places.map((p) => p.name)).toEqual(['Sint-Andries', 'Sint-Michiels']);
    await expectAppError(getMunicipality({ ctx, nisCode: '99999' }), 'gazetteer.unknown_municipality', 404);
  });
});
