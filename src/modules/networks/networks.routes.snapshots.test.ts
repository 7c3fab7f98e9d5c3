import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type { App } from '../../platform/http/app.ts';
import { networkTeam, widower } from './networks.routes.fixture.ts';

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
const send = (method: 'GET' | 'PUT' | 'POST', path: string, payload?: object) =>
  app.inject({ method, url: path, payload, headers: team.sessions.worker.headers });
const save = async (clientId: string, document: NetworkMapDocument, version: number) => {
  const res = await send('PUT', url(clientId), { document, version });
  expect(res.statusCode, res.body).toBe(200);
};
const snapshot = (clientId: string, body: object) => send('POST', url(clientId, '/snapshots'), body);

/** A client whose map was saved as "before", snapshotted on 1 September 2025, then saved as "now". */
async function clientWithHistory() {
  const client = await team.newClient();
  const story = widower();
  await save(client.id, story.before, 0);
  const taken = await snapshot(client.id, { takenOn: '2025-09-01', label: 'Bij de start' });
  expect(taken.statusCode, taken.body).toBe(201);
  await save(client.id, story.now, 1);
  return { client, story, snapshotId: taken.json().id as string };
}

describe('POST /api/clients/:id/network/snapshots', () => {
  it('keeps the saved map for a date, with counts, and names who took it', async () => {
    const { client, story, snapshotId } = await clientWithHistory();
    const list = await send('GET', url(client.id, '/snapshots'));
    expect(list.json().items).toEqual([
      {
        id: snapshotId,
        takenOn: '2025-09-01',
        label: 'Bij de start',
        mapVersion: 1,
        createdAt: ctx.clock.now().toISOString(),
        createdBy: { id: team.worker.id, name: team.worker.name },
        counts: { members: 6, ties: 7, people: 7, cards: 4 },
      },
    ]);
    const one = await send('GET', url(client.id, `/snapshots/${snapshotId}`));
    expect(one.statusCode).toBe(200);
    expect(one.json().document).toEqual(story.before);
    const kinds = await ctx.db
      .selectFrom('client_timeline')
      .select('kind')
      .where('client_id', '=', client.id)
      .orderBy('at')
      .execute();
    expect(kinds.map((k) => k.kind)).toContain('network_snapshot_taken');
  });

  it('lists the newest date first', async () => {
    const client = await team.newClient();
    await save(client.id, widower().before, 0);
    for (const takenOn of ['2024-05-01', '2026-01-15', '2025-07-30']) await snapshot(client.id, { takenOn });
    const list = await send('GET', url(client.id, '/snapshots'));
    expect(list.json().items.map((s: { takenOn: string }) => s.takenOn)).toEqual([
      '2026-01-15',
      '2025-07-30',
      '2024-05-01',
    ]);
  });

  it('needs a saved map first', async () => {
    const client = await team.newClient();
    const res = await snapshot(client.id, { takenOn: '2026-03-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('networks.no_map_yet');
  });

  it('refuses impossible dates: tomorrow, before 1900, 30 February, and not a date at all', async () => {
    const client = await team.newClient();
    await save(client.id, widower().before, 0);
    const cases: [string, string][] = [
      ['2026-03-03', 'networks.taken_on_in_future'],
      ['1899-12-31', 'networks.taken_on_too_early'],
      ['2025-02-30', 'validation.format'],
      ['gisteren', 'validation.format'],
    ];
    for (const [takenOn, code] of cases) {
      const res = await snapshot(client.id, { takenOn });
      expect(res.statusCode, takenOn).toBe(400);
      expect(res.json().errors[0], takenOn).toMatchObject({ field: 'takenOn', code });
      expect(res.json().errors[0].message).not.toContain('errors.');
    }
    // Today in Brussels is allowed (the test clock stands at 2 March 2026, 10:00 there).
    expect((await snapshot(client.id, { takenOn: '2026-03-02' })).statusCode).toBe(201);
    expect((await send('GET', url(client.id, '/snapshots'))).json().items).toHaveLength(1);
  });

  it('answers 404 for a snapshot of another client or one that does not exist', async () => {
    const { snapshotId } = await clientWithHistory();
    const other = await team.newClient();
    const res = await send('GET', url(other.id, `/snapshots/${snapshotId}`));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('networks.snapshot_not_found');
  });
});

describe('GET /api/clients/:id/network/compare', () => {
  it('tells in plain Dutch what changed since the snapshot', async () => {
    const { client, snapshotId } = await clientWithHistory();
    const res = await send('GET', url(client.id, `/compare?from=${snapshotId}&to=current`));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.from).toMatchObject({
      kind: 'snapshot',
      id: snapshotId,
      takenOn: '2025-09-01',
      label: 'Bij de start',
    });
    expect(body.to).toMatchObject({ kind: 'current', id: null, version: 2, counts: { members: 8 } });
    const texts = body.changes.map((c: { text: string }) => c.text);
    expect(texts).toContain('2 nieuwe contacten: Frans (koffiebabbel) en Agnes (koffiebabbel)');
    expect(texts).toContain('Els (dochter) is niet meer overbelast');
    expect(texts).toContain('Marc (zoon) staat nu dichterbij');
    expect(texts).toContain('Emotionele steun komt nu van 3 mensen in plaats van 1');
    expect(body.changes.map((c: { kind: string }) => c.kind)).toContain('members_added');
  });

  it('compares two snapshots, and a map with itself has no changes', async () => {
    const { client, snapshotId } = await clientWithHistory();
    const later = await snapshot(client.id, { takenOn: '2026-03-01', label: 'Na een half jaar' });
    const res = await send('GET', url(client.id, `/compare?from=${snapshotId}&to=${later.json().id}`));
    expect(res.json().to).toMatchObject({ kind: 'snapshot', label: 'Na een half jaar', version: 2 });
    expect(res.json().changes.length).toBeGreaterThan(3);
    const same = await send('GET', url(client.id, `/compare?from=${snapshotId}&to=${snapshotId}`));
    expect(same.json().changes).toEqual([]);
  });

  it('refuses a comparison without a snapshot to start from, and audits the ones it answers', async () => {
    const { client, snapshotId } = await clientWithHistory();
    expect((await send('GET', url(client.id, '/compare?from=current&to=current'))).statusCode).toBe(400);
    expect((await send('GET', url(client.id, `/compare?from=${snapshotId}`))).statusCode).toBe(400);
    await send('GET', url(client.id, `/compare?from=${snapshotId}&to=current`));
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', client.id)
      .where('action', '=', 'networks.maps_compared')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('GET /api/clients/:id/network/analysis', () => {
  it('finds the overloaded daughter in the snapshot and no longer in the current map', async () => {
    const { client, snapshotId } = await clientWithHistory();
    const before = (await send('GET', url(client.id, `/analysis?snapshot=${snapshotId}`))).json();
    expect(before.source).toMatchObject({ kind: 'snapshot', id: snapshotId });
    expect(before).toMatchObject({ size: 6, formal: 2, informal: 4, overloaded: ['els'] });
    expect(before.supportSources.emotional).toEqual(['els']);
    const texts = before.findings.map((f: { text: string }) => f.text);
    expect(texts).toContain('Els (dochter) is overbelast.');
    expect(texts).toContain('Er staat niemand bij ‘Vrienden’.');

    const now = (await send('GET', url(client.id, '/analysis'))).json();
    expect(now).toMatchObject({ size: 8, overloaded: [], emptySectors: ['school_work_associations'] });
    expect(now.supportSources.emotional).toEqual(['els', 'frans', 'marc']);
    expect(now.findings.map((f: { kind: string }) => f.kind)).not.toContain('overloaded_helpers');
  });

  it('analyses an empty map before the first save', async () => {
    const client = await team.newClient();
    const res = await send('GET', url(client.id, '/analysis?snapshot=current'));
    expect(res.statusCode).toBe(200);
    expect(res.json().findings[0]).toMatchObject({
      kind: 'no_members',
      text: 'Er staat nog niemand op de kaart.',
    });
  });
});
