import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';
import { sampleEntry } from './directory.fixtures.ts';
import type { LocationInput } from './directory.models.ts';
import { brusselsDate } from './directory.schedule.ts';

let ctx: TestContext;
let app: App;
let orgA: string;
let muniA: string;
let worker: TestSession;
let coordinator: TestSession;
let volunteer: TestSession;
let otherCoordinator: TestSession;

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGazetteerLoaded(ctx);
  app = await createTestApp(ctx);
  // Real NIS codes, so entries get their municipality's centre from the gazetteer.
  const a = await createTenant(ctx, { nisCode: '31005' });
  const b = await createTenant(ctx, { nisCode: '35013' });
  orgA = a.organisation.id;
  muniA = a.municipality.id;
  const as = async (organisationId: string, role: 'worker' | 'coordinator' | 'volunteer') =>
    loginAs(app, await createUser(ctx, { organisationId, role }));
  worker = await as(orgA, 'worker');
  coordinator = await as(orgA, 'coordinator');
  volunteer = await as(orgA, 'volunteer');
  otherCoordinator = await as(b.organisation.id, 'coordinator');
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const send = (method: 'GET' | 'POST' | 'PUT', url: string, session?: TestSession, payload?: object) =>
  app.inject({ method, url, headers: session?.headers, payload });

async function createDraft(name = 'Koffiebabbel De Zonnebloem') {
  const res = await send('POST', '/api/directory/manage/entries', worker, {
    ...sampleEntry({ name }),
    organisationId: orgA,
    municipalityId: muniA,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('editorial workflow', () => {
  it('lets organisation members create drafts, and refuses anonymous, volunteers and other organisations', async () => {
    const payload = { ...sampleEntry(), organisationId: orgA, municipalityId: muniA };
    const ok = await expectGuarded(
      app,
      { method: 'POST', url: '/api/directory/manage/entries', payload },
      { allowed: worker, wrongRole: volunteer, wrongTenant: otherCoordinator },
    );
    expect(ok.json()).toMatchObject({ status: 'draft' });
  });

  it('keeps drafts out of the public finder until a coordinator publishes them', async () => {
    const id = await createDraft('Breiclub De Warme Draad');
    expect((await send('GET', `/api/directory/entries/${id}`)).statusCode).toBe(404);
    expect((await send('POST', `/api/directory/manage/entries/${id}/publish`, worker)).statusCode).toBe(403);
    expect((await send('POST', `/api/directory/manage/entries/${id}/publish`, coordinator)).json()).toEqual({
      id,
      status: 'published',
    });
    const pub = await send('GET', `/api/directory/entries/${id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      name: 'Breiclub De Warme Draad',
      howToJoin: 'walk_in',
      // The test clock stands on Monday 2 March 2026: next Tuesday 14:00 Brussels time.
      nextOccurrence: { startsAt: '2026-03-03T13:00:00.000Z', endsAt: '2026-03-03T15:00:00.000Z' },
    });
    const found = await send('GET', '/api/directory/search?q=breiclub');
    expect(found.json().results.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('hides another organisation’s entries from its editors', async () => {
    const id = await createDraft();
    expect((await send('GET', `/api/directory/manage/entries/${id}`, otherCoordinator)).statusCode).toBe(404);
    expect(
      (await send('PUT', `/api/directory/manage/entries/${id}`, otherCoordinator, sampleEntry())).statusCode,
    ).toBe(404);
    const list = await send('GET', '/api/directory/manage/entries', otherCoordinator);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('keeps a history of who changed which field, and audits every change', async () => {
    const id = await createDraft('Wandelclub Stapvoets');
    ctx.clock.advance(60_000);
    const put = await send(
      'PUT',
      `/api/directory/manage/entries/${id}`,
      worker,
      sampleEntry({ name: 'Wandelclub Stap' }),
    );
    expect(put.json()).toEqual({ id, changed: ['name'] });
    ctx.clock.advance(60_000);
    await send('POST', `/api/directory/manage/entries/${id}/publish`, coordinator);
    const history = (await send('GET', `/api/directory/manage/entries/${id}/history`, worker)).json().items;
    expect(history[0]).toMatchObject({
      action: 'publish',
      field: 'status',
      previous: 'draft',
      replacement: 'published',
    });
    expect(history).toContainEqual(
      expect.objectContaining({
        action: 'update',
        field: 'name',
        previous: 'Wandelclub Stapvoets',
        replacement: 'Wandelclub Stap',
      }),
    );
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'directory.entry_created',
      'directory.entry_published',
      'directory.entry_updated',
    ]);
  });

  it('archives a published entry, takes it out of the finder and refuses to archive it twice', async () => {
    const id = await createDraft();
    await send('POST', `/api/directory/manage/entries/${id}/publish`, coordinator);
    expect((await send('POST', `/api/directory/manage/entries/${id}/archive`, coordinator)).statusCode).toBe(
      200,
    );
    expect((await send('GET', `/api/directory/entries/${id}`)).statusCode).toBe(404);
    const again = await send('POST', `/api/directory/manage/entries/${id}/archive`, coordinator);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('directory.invalid_transition');
  });

  it('records who checked an entry and when', async () => {
    const id = await createDraft();
    const res = await send('POST', `/api/directory/manage/entries/${id}/assure`, worker);
    expect(res.json()).toEqual({ id, assuredDate: brusselsDate(ctx.clock.now()) });
    const fresh = (await send('GET', `/api/directory/manage/entries/${id}`, worker)).json();
    expect(fresh).toMatchObject({
      assuredDate: brusselsDate(ctx.clock.now()),
      stale: false,
      mayPublish: false,
    });
  });

  it('refuses a schedule day it cannot read, naming the field in Dutch', async () => {
    const entry = sampleEntry();
    const bad = { ...entry, schedules: [{ ...entry.schedules[0], byday: 'dinsdag' }] };
    const res = await send('POST', '/api/directory/manage/entries', worker, {
      ...bad,
      organisationId: orgA,
      municipalityId: muniA,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: 'schedules.0.byday',
      code: 'directory.invalid_byday',
      message: expect.stringContaining('elke dinsdag'),
    });
  });

  it('lets only coordinators make an entry region-wide', async () => {
    const payload = { ...sampleEntry(), organisationId: orgA, municipalityId: null };
    expect((await send('POST', '/api/directory/manage/entries', worker, payload)).statusCode).toBe(403);
    expect((await send('POST', '/api/directory/manage/entries', coordinator, payload)).statusCode).toBe(201);
  });

  it('places a location at its postcode when the editor gives no coordinates, and names an unknown postcode', async () => {
    const base = sampleEntry();
    const { latitude: _lat, longitude: _lng, ...place } = base.locations[0] as LocationInput;
    const payload = { ...base, locations: [place], organisationId: orgA, municipalityId: muniA };
    const res = await send('POST', '/api/directory/manage/entries', worker, payload);
    expect(res.statusCode, res.body).toBe(201);
    const saved = (await send('GET', `/api/directory/manage/entries/${res.json().id}`, worker)).json();
    expect(saved.locations[0].latitude).toBeCloseTo(51.2, 0);
    const bad = await send('POST', '/api/directory/manage/entries', worker, {
      ...payload,
      locations: [{ ...place, postalCode: '9999' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'locations.0.postalCode',
      code: 'directory.unknown_postcode',
    });
  });

  it('tells an editor where they may create entries and whether they may publish there', async () => {
    const res = await expectGuarded(
      app,
      { method: 'GET', url: '/api/directory/manage/scope' },
      { allowed: worker, wrongRole: volunteer },
    );
    expect(res.json().organisations).toEqual([
      expect.objectContaining({
        id: orgA,
        municipalities: [expect.objectContaining({ id: muniA, nameNl: expect.stringContaining('Testgem') })],
        mayPublish: false,
      }),
    ]);
  });

  it('takes back an entry exactly as the editor page loaded it, without recording a change', async () => {
    const id = await createDraft('Zangkoor De Vrolijke Noot');
    const loaded = (await send('GET', `/api/directory/manage/entries/${id}`, worker)).json();
    const res = await send('PUT', `/api/directory/manage/entries/${id}`, worker, loaded);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id, changed: [] });
  });
});
