import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type { App } from '../../platform/http/app.ts';
import { copy, mapWithMembers, networkTeam, widower } from './networks.routes.fixture.ts';

let ctx: TestContext;
let app: App;
let team: Awaited<ReturnType<typeof networkTeam>>;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  team = await networkTeam(ctx, app);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const url = (clientId: string, rest = '') => `/api/clients/${clientId}/network${rest}`;
const get = (clientId: string, headers = team.sessions.worker.headers) =>
  app.inject({ method: 'GET', url: url(clientId), headers });
const put = (
  clientId: string,
  payload: { document: NetworkMapDocument; version: number } | object,
  headers = team.sessions.worker.headers,
) => app.inject({ method: 'PUT', url: url(clientId), payload, headers });

const auditActions = async (clientId: string) =>
  (
    await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', clientId)
      .orderBy('at')
      .execute()
  ).map((r) => r.action);

describe('who may use a network map', () => {
  it('answers 401 without login, 403 to an organisation admin and 404 to another organisation, on every route', async () => {
    const client = await team.newClient();
    const routes: { method: 'GET' | 'PUT' | 'POST'; url: string; payload?: unknown }[] = [
      { method: 'GET', url: url(client.id) },
      { method: 'PUT', url: url(client.id), payload: { document: widower().before, version: 0 } },
      { method: 'POST', url: url(client.id, '/snapshots'), payload: { takenOn: '2026-03-01' } },
      { method: 'GET', url: url(client.id, '/snapshots') },
      { method: 'GET', url: url(client.id, '/analysis') },
      { method: 'GET', url: url(client.id, '/suggestions') },
      { method: 'GET', url: url(client.id, '/ecogram.svg') },
      { method: 'GET', url: url(client.id, '/genogram.svg') },
      { method: 'GET', url: `/api/clients/${client.id}/network.pdf` },
    ];
    for (const route of routes) {
      await expectGuarded(app, route, {
        allowed: team.sessions.worker,
        wrongRole: team.sessions.admin,
        wrongTenant: team.sessions.outsider,
      });
    }
    const outsider = await get(client.id, team.sessions.outsider.headers);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().code).toBe('clients.not_found');
  });

  it('lets an assigned volunteer read the map but not change it', async () => {
    const read = await get(team.client.id, team.sessions.volunteer.headers);
    expect(read.statusCode).toBe(200);
    const write = await put(
      team.client.id,
      { document: widower().before, version: read.json().version },
      team.sessions.volunteer.headers,
    );
    expect(write.statusCode).toBe(403);
  });

  it('refuses changes once the person withdrew their consent, but still shows the map to the team', async () => {
    const client = await team.newClient();
    expect((await put(client.id, { document: widower().before, version: 0 })).statusCode).toBe(200);
    await ctx.db
      .updateTable('client_consents')
      .set({ withdrawn_at: ctx.clock.now(), withdrawn_by: team.worker.id, withdrawal_method: 'phone' })
      .where('client_id', '=', client.id)
      .execute();
    const write = await put(client.id, { document: widower().now, version: 1 });
    expect(write.statusCode).toBe(409);
    expect(write.json().code).toBe('clients.consent_withdrawn');
    const snapshot = await app.inject({
      method: 'POST',
      url: url(client.id, '/snapshots'),
      payload: { takenOn: '2026-03-01' },
      headers: team.sessions.worker.headers,
    });
    expect(snapshot.statusCode).toBe(409);
    const read = await get(client.id, team.sessions.coordinator.headers);
    expect(read.statusCode).toBe(200);
    expect(read.json().document).toEqual(widower().before);
  });
});

describe('GET and PUT /api/clients/:id/network', () => {
  it('shows an empty map at version 0 before the first save, and audits the read', async () => {
    const client = await team.newClient();
    const res = await get(client.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      document: {
        ecogram: { members: [], ties: [] },
        genogram: { people: [], partnerships: [], parentage: [], bonds: [] },
        strengths: { cards: [] },
      },
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });
    expect(await auditActions(client.id)).toEqual(['networks.map_read']);
  });

  it('saves a map, gives it back with who saved it, and adds counts (never names) to the timeline', async () => {
    const client = await team.newClient();
    const story = widower();
    const saved = await put(client.id, { document: story.before, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ version: 1, updatedAt: ctx.clock.now().toISOString() });
    const res = await get(client.id);
    expect(res.json()).toMatchObject({
      document: story.before,
      version: 1,
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: { id: team.worker.id, name: team.worker.name },
    });
    const again = await put(client.id, { document: story.now, version: 1 });
    expect(again.json().version).toBe(2);
    const timeline = await ctx.db
      .selectFrom('client_timeline')
      .select(['kind', 'details'])
      .where('client_id', '=', client.id)
      .orderBy('at')
      .execute();
    expect(timeline.map((e) => e.kind)).toEqual(['network_map_saved', 'network_map_saved']);
    expect(timeline[1]?.details).toEqual({ version: 2, members: 8, ties: 8, people: 7, cards: 5 });
    expect(JSON.stringify(timeline)).not.toContain('Els');
    expect(await auditActions(client.id)).toContain('networks.map_saved');
  });

  it('refuses a save from an older version with 409 and the map as the other person saved it', async () => {
    const client = await team.newClient();
    const story = widower();
    await put(client.id, { document: story.before, version: 0 }, team.sessions.coordinator.headers);
    const stale = await put(client.id, { document: story.now, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const problem = stale.json();
    expect(problem).toMatchObject({
      status: 409,
      code: 'networks.version_conflict',
      current: {
        document: story.before,
        version: 1,
        updatedAt: ctx.clock.now().toISOString(),
        updatedBy: { id: team.coordinator.id, name: team.coordinator.name },
      },
    });
    expect(problem.title).toMatch(/Iemand anders/);
    expect((await get(client.id)).json().document).toEqual(story.before);
  });

  it('answers a save against a map that is not there yet with a conflict at version 0', async () => {
    const client = await team.newClient();
    const res = await put(client.id, { document: widower().before, version: 3 });
    expect(res.statusCode).toBe(409);
    expect(res.json().current).toMatchObject({ version: 0, updatedBy: null });
  });

  it('lets exactly one of two simultaneous saves from the same version succeed, on the first save and later', async () => {
    const client = await team.newClient();
    const story = widower();
    for (const version of [0, 1]) {
      const [a, b] = await Promise.all([
        put(client.id, { document: story.before, version }, team.sessions.worker.headers),
        put(client.id, { document: story.now, version }, team.sessions.coordinator.headers),
      ]);
      expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
      const winner = a?.statusCode === 200 ? story.before : story.now;
      const current = (await get(client.id)).json();
      expect(current.version).toBe(version + 1);
      expect(current.document).toEqual(winner);
      const loser = a?.statusCode === 409 ? a : b;
      expect(loser?.json().current.version).toBe(version + 1);
    }
  });
  it('takes a map at the limits of the contract, larger than the default body limit', async () => {
    const client = await team.newClient();
    const doc = mapWithMembers(300);
    const note = 'Komt elke week langs en helpt met de boodschappen en de papieren. '.repeat(4).slice(0, 300);
    for (let i = 0; doc.ecogram.ties.length < 1000; i++)
      doc.ecogram.ties.push({
        ...(doc.ecogram.ties[0] as NetworkMapDocument['ecogram']['ties'][number]),
        id: `x${i}`,
        from: `m${i % 300}`,
        to: `m${((i % 300) + 1 + Math.floor(i / 300)) % 300}`,
      });
    for (const tie of doc.ecogram.ties) tie.note = note;
    const payload = { document: doc, version: 0 };
    expect(JSON.stringify(payload).length).toBeGreaterThan(256 * 1024);
    const res = await put(client.id, payload);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  });

  it('is described in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys(res.json().paths);
    for (const path of [
      '/api/clients/{id}/network',
      '/api/clients/{id}/network/compare',
      '/api/clients/{id}/network.pdf',
    ])
      expect(paths).toContain(path);
  });
});

describe('bad maps are refused whole, with every problem named', () => {
  const refused = async (document: NetworkMapDocument) => {
    const client = await team.newClient();
    const res = await put(client.id, { document, version: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await get(client.id)).json().version).toBe(0);
    return res.json() as { code: string; errors: { field: string; code: string; message: string }[] };
  };

  it('refuses a tie to somebody who is not on the map', async () => {
    const doc = copy(widower().before);
    (doc.ecogram.ties[0] as { to: string }).to = 'nobody';
    const problem = await refused(doc);
    expect(problem.code).toBe('validation.failed');
    expect(problem.errors).toContainEqual({
      field: 'document.ecogram.ties.0.to',
      code: 'networks.tie_unknown_member',
      message: 'Deze lijn gaat naar iemand die niet (meer) op de kaart staat.',
    });
  });

  it('refuses a genogram in which someone is their own ancestor', async () => {
    const doc = copy(widower().before);
    doc.genogram.parentage.push({ id: 'loop', child: 'jozef', parents: ['lotte'], kind: 'birth' });
    const problem = await refused(doc);
    expect(problem.errors.map((e) => e.code)).toContain('networks.parent_cycle');
  });

  it('refuses impossible dates: born in a year still to come, dead before birth, born before 1850', async () => {
    const doc = copy(widower().before);
    const people = doc.genogram.people as { birthYear?: number; deathYear?: number }[];
    (people[6] as { birthYear: number }).birthYear = 2090;
    Object.assign(people[1] as object, { birthYear: 1943, deathYear: 1920 });
    const future = await refused(doc);
    expect(future.errors).toContainEqual({
      field: 'document.genogram.people.6.birthYear',
      code: 'networks.year_in_future',
      message: 'Dat jaar moet nog komen. Kijk het jaartal even na.',
    });
    expect(future.errors.map((e) => e.code)).toContain('networks.death_before_birth');
    const ancient = copy(widower().before);
    (ancient.genogram.people[2] as { birthYear: number }).birthYear = 1700;
    const tooOld = await refused(ancient);
    expect(tooOld.errors[0]).toMatchObject({
      field: 'document.genogram.people.2.birthYear',
      code: 'validation.too_small',
    });
  });

  it('refuses 10,000 members with a translated message naming the limit', async () => {
    const problem = await refused(mapWithMembers(10_000));
    expect(problem.errors).toContainEqual({
      field: 'document.ecogram.members',
      code: 'networks.too_many_members',
      message: 'Er passen maximaal 300 mensen op de kaart.',
    });
  });

  it('answers a map too big to read at all with a translated 413, not a bare error', async () => {
    const client = await team.newClient();
    const doc = mapWithMembers(10_000);
    for (const m of doc.ecogram.members) m.relation = 'x'.repeat(100);
    const res = await put(client.id, { document: doc, version: 0 });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'networks.map_too_large',
      title: 'De kaart is te groot om op te slaan.',
    });
    expect((await get(client.id)).json().version).toBe(0);
  });

  it('refuses fields the contract does not know and control characters in names', async () => {
    const doc = copy(widower().before) as NetworkMapDocument & { extra?: number };
    doc.extra = 1;
    const unknown = await refused(doc);
    expect(unknown.errors[0]).toMatchObject({ field: 'document.extra', code: 'validation.unknown_field' });
    const control = copy(widower().before);
    (control.ecogram.members[0] as { label: string }).label = 'Els\u0000';
    expect((await refused(control)).errors[0]?.code).toBe('validation.control_characters');
  });
});

describe('script in names', () => {
  it('is stored and given back as text in JSON, and escaped in the drawing', async () => {
    const client = await team.newClient();
    const doc = copy(widower().before);
    const script = '<script>alert("x")</script>';
    (doc.ecogram.members[0] as { label: string }).label = script;
    (doc.genogram.people[2] as { label: string }).label = `${script}&`;
    expect((await put(client.id, { document: doc, version: 0 })).statusCode).toBe(200);
    const res = await get(client.id);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().document.ecogram.members[0].label).toBe(script);
    for (const drawing of ['ecogram.svg', 'genogram.svg']) {
      const svg = await app.inject({
        method: 'GET',
        url: url(client.id, `/${drawing}`),
        headers: team.sessions.worker.headers,
      });
      expect(svg.statusCode).toBe(200);
      expect(svg.body).not.toContain('<script');
      expect(svg.body).toContain('&lt;script&gt;');
    }
  });
});
