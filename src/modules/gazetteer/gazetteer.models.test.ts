import { describe, expect, it } from 'vitest';
import { decodeUtf8, foldName, meanPoint, parseGazetteerCsv } from './gazetteer.models.ts';

const HEADER = 'nis_code,name_nl,name_fr,region,province,lat,lng,postcode,place_name,place_lat,place_lng';
const BRUGGE = '31005,Brugge,Bruges,VLG,BE-VWV,51.20892,3.22424';
const LIEGE = '62063,Luik,Liège,WAL,BE-WLG,50.63373,5.56749';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

function problemsOf(input: string | Uint8Array) {
  const result = parseGazetteerCsv(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parsing a gazetteer CSV', () => {
  it('groups rows into municipalities and postcode places', () => {
    const result = parseGazetteerCsv(
      csv(
        `${BRUGGE},8000,Brugge,51.20892,3.22424`,
        `${BRUGGE},8380,Zeebrugge,51.32,3.2`,
        `${LIEGE},4000,Liège,50.63373,5.56749`,
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.data.municipalities).toEqual([
      {
        nisCode: '31005',
        nameNl: 'Brugge',
        nameFr: 'Bruges',
        region: 'VLG',
        province: 'BE-VWV',
        lat: 51.20892,
        lng: 3.22424,
      },
      {
        nisCode: '62063',
        nameNl: 'Luik',
        nameFr: 'Liège',
        region: 'WAL',
        province: 'BE-WLG',
        lat: 50.63373,
        lng: 5.56749,
      },
    ]);
    expect(result.data.places).toContainEqual({
      postcode: '8380',
      nisCode: '31005',
      placeName: 'Zeebrugge',
      lat: 51.32,
      lng: 3.2,
    });
    expect(result.data.places).toHaveLength(3);
  });

  it('accepts a Brussels municipality without a province, a UTF-8 BOM and the optional source columns', () => {
    const text = `\uFEFF${HEADER},centroid_source,place_point_source\n21004,Brussel,Bruxelles,BRU,,50.85045,4.34878,1000,Brussel,50.85045,4.34878,geonames,centroid\n`;
    const result = parseGazetteerCsv(new TextEncoder().encode(text));
    expect(result.ok && result.data.municipalities[0]?.province).toBeNull();
  });

  it('names the line, column and problem of every bad row and returns no data', () => {
    const result = parseGazetteerCsv(
      csv(
        `${BRUGGE},800,Brugge,51.2,3.2`,
        '3100,Brugge,Bruges,VLX,BE-VWV,51.2,3.2,8000,Brugge,51.2,3.2',
        `${BRUGGE},8000,Koolkerke,48.1,3.2`,
        `${BRUGGE},8200,,51.2,3.2`,
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { line: 2, column: 'postcode', code: 'gazetteer.csv.postcode', params: { value: '800' } },
      { line: 3, column: 'nis_code', code: 'gazetteer.csv.nis_code', params: { value: '3100' } },
      { line: 3, column: 'region', code: 'gazetteer.csv.region', params: { value: 'VLX' } },
      { line: 4, column: 'place_lat', code: 'gazetteer.csv.coordinate', params: { value: '48.1' } },
      { line: 5, column: 'place_name', code: 'gazetteer.csv.required', params: undefined },
    ]);
  });

  it('refuses a province that does not belong to the region, and a province in Brussels', () => {
    const problems = problemsOf(
      csv(
        '31005,Brugge,Bruges,VLG,BE-WHT,51.2,3.2,8000,Brugge,51.2,3.2',
        '21004,Brussel,Bruxelles,BRU,BE-VBR,50.8,4.3,1000,Brussel,50.8,4.3',
        '62063,Luik,Liège,WAL,,50.6,5.5,4000,Liège,50.6,5.5',
        '62064,X,X,WAL,BE-XXX,50.6,5.5,4001,X,50.6,5.5',
      ),
    );
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'gazetteer.csv.province_region'],
      [3, 'gazetteer.csv.province_region'],
      [4, 'gazetteer.csv.province_region'],
      [5, 'gazetteer.csv.province'],
    ]);
  });

  it('refuses municipality fields that differ between rows of the same NIS code', () => {
    const problems = problemsOf(
      csv(
        `${BRUGGE},8000,Brugge,51.2,3.2`,
        '31005,Brugge,Brugge,VLG,BE-VWV,51.20892,3.22424,8200,Sint-Andries,51.2,3.2',
      ),
    );
    expect(problems).toEqual([
      { line: 3, column: 'name_fr', code: 'gazetteer.csv.inconsistent', params: { row: 2 } },
    ]);
  });

  it('refuses the same postcode, municipality and place twice', () => {
    const problems = problemsOf(csv(`${BRUGGE},8000,Brugge,51.2,3.2`, `${BRUGGE},8000,Brugge,51.3,3.3`));
    expect(problems).toEqual([
      { line: 3, column: 'place_name', code: 'gazetteer.csv.duplicate', params: { row: 2 } },
    ]);
  });

  it('refuses a row with too few fields', () => {
    const problems = problemsOf(csv(`${BRUGGE},8000,Brugge,51.2`));
    expect(problems).toEqual([
      { line: 2, column: null, code: 'gazetteer.csv.column_count', params: { expected: 11, found: 10 } },
    ]);
  });

  it('refuses missing and unknown columns before looking at any row', () => {
    const problems = problemsOf(`${HEADER.replace(',province', '')},remarks\n${BRUGGE},8000,Brugge,51.2,3.2`);
    expect(problems).toEqual([
      { line: 1, column: 'province', code: 'gazetteer.csv.missing_column' },
      { line: 1, column: 'remarks', code: 'gazetteer.csv.unknown_column' },
    ]);
  });

  it('refuses a file with only a header', () => {
    expect(problemsOf(`${HEADER}\n`)).toEqual([{ line: 1, column: null, code: 'gazetteer.csv.empty' }]);
  });

  it('refuses an unknown value in a provenance column', () => {
    const problems = problemsOf(`${HEADER},centroid_source\n${BRUGGE},8000,Brugge,51.2,3.2,guess`);
    expect(problems[0]).toMatchObject({ line: 2, column: 'centroid_source', code: 'gazetteer.csv.one_of' });
  });
});

describe('file encoding', () => {
  it('refuses a Windows-1252 file and names the first line that is not UTF-8', () => {
    const latin1 = Buffer.from(
      csv(`${BRUGGE},8000,Brugge,51.2,3.2`, `${LIEGE},4000,Liège,50.6,5.5`),
      'latin1',
    );
    expect(problemsOf(latin1)).toEqual([{ line: 3, column: null, code: 'gazetteer.csv.not_utf8' }]);
  });

  it('decodes valid UTF-8 unchanged', () => {
    expect(decodeUtf8(new TextEncoder().encode('Liège\nÉcaussinnes'))).toEqual({
      ok: true,
      text: 'Liège\nÉcaussinnes',
    });
  });
});

describe('helpers', () => {
  it('folds accents and case so typed text matches official names', () => {
    expect(foldName('  Écaussinnes-d’Enghien ')).toBe('ecaussinnes-d’enghien');
    expect(foldName('LIÈGE')).toBe('liege');
  });

  it('places a postcode at the mean of its places, and nowhere without places', () => {
    expect(
      meanPoint([
        { lat: 51, lng: 3 },
        { lat: 52, lng: 4 },
      ]),
    ).toEqual({ lat: 51.5, lng: 3.5 });
    expect(meanPoint([])).toBeNull();
  });
});
