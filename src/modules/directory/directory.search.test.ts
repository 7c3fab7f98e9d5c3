import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { platformAdmin as admin, createTenant } from '../../../test/harness/factories.ts';
import { FACETS } from '../../contracts/directory-vocabulary.ts';
import { type App, buildApp } from '../../platform/http/app.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';
import { sampleEntry } from './directory.fixtures.ts';
import { type EntryInput, parseQuery } from './directory.models.ts';
import { directoryRoutes } from './directory.routes.ts';
import { resolveEditorScope } from './directory.scope.usecases.ts';
import { closeWords } from './directory.search.repository.ts';
import { changeStatus, createEntry, updateEntry } from './directory.usecases.ts';

let ctx: TestContext;
let app: App;
let scope: Awaited<ReturnType<typeof resolveEditorScope>>;
const ids = new Map<string, string>();

const oostende = { latitude: 51.2254, longitude: 2.9196, postalCode: '8400', city: 'Oostende' };

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGazetteerLoaded(ctx);
  app = await buildApp({ ctx, modules: [directoryRoutes], version: 't' });
  await app.ready();
  const t = await createTenant(ctx, { nisCode: '31005' });
  scope = await resolveEditorScope({ ctx, principal: admin });
  const base = sampleEntry();
  const place = (p: Partial<(typeof base.locations)[number]>) => [
    { ...base.locations[0], ...p } as EntryInput['locations'][number],
  ];
  const entries: [string, Partial<EntryInput>][] = [
    ['koffie', { name: 'Koffiebabbel De Zonnebloem' }],
    [
      'soep',
      {
        name: 'Soepcafé Het Warme Hart',
        type: 'soup_cafe',
        description: 'Een kom soep en gezelschap.',
        costOption: 'contribution',
      },
    ],
    [
      'bezoek',
      {
        name: 'Vriendschappelijk huisbezoek',
        type: 'home_visits',
        description: 'Vrijwilligers komen op bezoek bij wie alleen woont.',
        howToJoin: 'register',
        locations: [],
        schedules: [],
      },
    ],
    [
      'zee',
      {
        name: 'Wandelclub Zeewind',
        type: 'sport',
        description: 'Samen wandelen langs de zee.',
        locations: place({ ...oostende, accessibility: [] }),
        schedules: [{ ...base.schedules[0], byday: 'TH' } as EntryInput['schedules'][number]],
      },
    ],
    ['draft', { name: 'Koffieklets in ontwerp' }],
  ];
  for (const [key, e] of entries) {
    const { id } = await createEntry({
      ctx,
      principal: admin,
      scope,
      ip: '127.0.0.1',
      organisationId: t.organisation.id,
      municipalityId: t.municipality.id,
      entry: sampleEntry(e),
    });
    if (key !== 'draft')
      await changeStatus({ ctx, principal: admin, scope, ip: '127.0.0.1', id, action: 'publish' });
    ids.set(key, id);
  }
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const search = async (qs: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/directory/search?${qs}` });
  return { status: res.statusCode, body: res.json() };
};
const found = async (qs: string) => {
  const { status, body } = await search(qs);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.results.map((r: { id: string }) => [...ids].find(([, v]) => v === r.id)?.[0]);
};

describe('GET /api/directory/search', () => {
  it('finds "café" when typed without the accent, and a compound from its first part', async () => {
    expect(await found('q=cafe')).toEqual(['soep']);
    expect(await found('q=koffie')).toEqual(['koffie']);
  });

  it('uses Dutch stemming and the synonym list', async () => {
    expect(await found('q=wandelingen')).toEqual(['zee']);
    expect(await found('q=bezoekje')).toEqual(['bezoek']);
    expect(await found('q=eenzaam')).toEqual(expect.arrayContaining(['bezoek', 'koffie']));
  });

  it('forgives a small typo', async () => {
    expect(await found('q=zonnebleom')).toEqual(['koffie']);
  });

  it('tests a close word only where the typed word’s own stems and prefixes would miss it', async () => {
    // "koffiebabbel" is close to "koffie" but starts with it: the prefix finds it, no row is searched for it.
    expect(await closeWords(ctx.db, parseQuery('koffie'))).toEqual([[]]);
    const [typo] = await closeWords(ctx.db, parseQuery('zonnebleom'));
    expect(typo).toContain('zonnebloem');
  });

  it('never shows drafts', async () => {
    expect(await found('q=ontwerp')).toEqual([]);
  });

  it('limits to a radius around a postcode, nearest first, with distance and next meeting', async () => {
    const { body } = await search('near=8400&radius_km=5');
    expect(body.results.map((r: { id: string }) => r.id)[0]).toBe(ids.get('zee'));
    expect(body.results[0].distance_km).toBeLessThan(3);
    // Test clock: Monday 2 March 2026; the walk is on Thursdays 14:00 Brussels time.
    expect(body.results[0].next_occurrence).toEqual({
      startsAt: '2026-03-05T13:00:00.000Z',
      endsAt: '2026-03-05T15:00:00.000Z',
    });
    expect(await found('near=8400&radius_km=5')).not.toContain('koffie');
  });

  it('finds a place by municipality name and by coordinates', async () => {
    expect(await found('near=Oostende&radius_km=5')).toContain('zee');
    expect(await found('near=51.2194,3.2138&radius_km=2')).toEqual(
      expect.arrayContaining(['koffie', 'soep']),
    );
  });

  it('counts each facet under the other filters only', async () => {
    const { body } = await search('type=meeting_place');
    expect(body.total).toBe(1);
    expect(body.facets.type).toMatchObject({ meeting_place: 1, soup_cafe: 1, sport: 1, home_visits: 1 });
    expect(body.facets.day).toEqual({ TU: 1 });
    expect(await found('day=TH')).toEqual(['zee']);
    expect(await found('cost=contribution')).toEqual(['soep']);
  });

  it('counts a row failing one filter for that facet only, and a row failing two for none', async () => {
    // Koffie fails the day only, Zee the type only; Soep and Bezoek fail two or three filters.
    const { body } = await search('type=meeting_place&day=TH&cost=free');
    expect(body.total).toBe(0);
    expect(body.facets).toEqual({
      type: { sport: 1 },
      target_group: {},
      day: { TU: 1 },
      cost: {},
      accessibility: {},
      language: {},
    });
    const groups = await search('target_group=youth&type=meeting_place');
    expect(groups.body.facets.target_group).toEqual({ older_people: 1 });
    expect(groups.body.facets.type).toEqual({});
  });

  it('keeps each row’s search facets grouped in the order of FACETS, with where each starts', async () => {
    const { rows } = await sql<{ codes: string[]; bounds: number[] }>`
      select * from directory_search_facets(array['language:nl', 'how_to_join:walk_in', 'day:TU', 'type:sport',
        'target_group:youth', 'language:fr', 'target_group:adults']::text[])`.execute(ctx.db);
    const [row] = rows;
    expect(row?.codes).toEqual([
      'type:sport',
      'target_group:adults',
      'target_group:youth',
      'day:TU',
      'language:fr',
      'language:nl',
    ]);
    // facet_codes[bounds[k] : bounds[k + 1] - 1] holds the k-th facet of FACETS.
    FACETS.forEach((facet, n) => {
      const slice = row?.codes.slice((row.bounds[n] ?? 0) - 1, (row.bounds[n + 1] ?? 0) - 1);
      expect(slice?.every((c) => c.startsWith(`${facet}:`))).toBe(true);
      expect(slice?.length).toBe(row?.codes.filter((c) => c.startsWith(`${facet}:`)).length);
    });
  });

  it('says "postcode onbekend" for an unknown postcode, naming the parameter', async () => {
    const { status, body } = await search('near=9999');
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      field: 'querystring.near',
      message: expect.stringContaining('Postcode 9999 onbekend'),
    });
  });

  it('refuses a 10,000-character query and unknown filter values, naming the parameter', async () => {
    const long = await search(`q=${'a'.repeat(10_000)}`);
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('querystring.q');
    const bad = await search('type=casino&radius_km=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'querystring.radius_km',
      'querystring.type.0',
    ]);
  });

  it('treats an injection attempt as plain words', async () => {
    expect(await found(`q=${encodeURIComponent("'; drop table directory_services; --")}`)).toEqual([]);
    expect(await found('q=koffie')).toEqual(['koffie']);
  });
});

describe('the search projection', () => {
  const act = (id: string, action: 'publish' | 'archive' | 'reopen') =>
    changeStatus({ ctx, principal: admin, scope, ip: '127.0.0.1', id, action });

  it('follows edits at once: a moved meeting place, an archived initiative, a new word to forgive', async () => {
    const id = ids.get('zee') ?? '';
    const brugge = { latitude: 51.2094, longitude: 3.2247, postalCode: '8000', city: 'Brugge' };
    const walk = sampleEntry({
      name: 'Wandelclub Zeewind',
      type: 'sport',
      description: 'Samen wandelen langs de zee, daarna een pannenkoek.',
      locations: [
        { ...sampleEntry().locations[0], ...brugge, accessibility: [] } as EntryInput['locations'][number],
      ],
      schedules: [{ ...sampleEntry().schedules[0], byday: 'TH' } as EntryInput['schedules'][number]],
    });
    await updateEntry({ ctx, principal: admin, scope, ip: '127.0.0.1', id, entry: walk });
    expect(await found('near=8400&radius_km=5')).not.toContain('zee');
    expect(await found('near=8000&radius_km=3')).toContain('zee');
    expect(await found('q=pannenkeok')).toEqual(['zee']);
    expect((await search('near=8000&radius_km=3')).body.facets.day).toHaveProperty('TH', 1);

    await act(id, 'archive');
    expect(await found('q=wandelingen')).toEqual([]);
    expect((await search('near=8000&radius_km=3')).body.facets.day).not.toHaveProperty('TH');

    await act(id, 'publish');
    await updateEntry({
      ctx,
      principal: admin,
      scope,
      ip: '127.0.0.1',
      id,
      entry: sampleEntry({
        ...walk,
        description: 'Samen wandelen langs de zee.',
        locations: [
          {
            ...sampleEntry().locations[0],
            ...oostende,
            accessibility: [],
          } as EntryInput['locations'][number],
        ],
      }),
    });
    expect(await found('near=8400&radius_km=5')).toContain('zee');
  });
});

describe('the sociale kaart', () => {
  it('lists every published initiative of a municipality by type, without drafts', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/directory/maps' })).json();
    expect(list.municipalities).toEqual([expect.objectContaining({ nisCode: '31005', entries: 4 })]);
    const map = (await app.inject({ method: 'GET', url: '/api/directory/maps/31005' })).json();
    expect(map.groups.map((g: { type: string }) => g.type)).toEqual([
      'home_visits',
      'meeting_place',
      'soup_cafe',
      'sport',
    ]);
    expect(JSON.stringify(map)).not.toContain('ontwerp');
    const unknown = await app.inject({ method: 'GET', url: '/api/directory/maps/99999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('directory.unknown_map');
  });
});
