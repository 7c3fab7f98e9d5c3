import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { platformAdmin as editor } from '../../../test/harness/factories.ts';
import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type { App } from '../../platform/http/app.ts';
import { sampleEntry } from '../directory/directory.fixtures.ts';
import type { EntryInput } from '../directory/directory.models.ts';
import { resolveEditorScope } from '../directory/directory.scope.usecases.ts';
import { changeStatus, createEntry } from '../directory/directory.usecases.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';
import { copy, networkTeam, widower } from './networks.routes.fixture.ts';

let ctx: TestContext;
let app: App;
let team: Awaited<ReturnType<typeof networkTeam>>;
const ids = new Map<string, string>();

const brugge = { latitude: 51.2094, longitude: 3.2247, postalCode: '8000', city: 'Brugge' };
const oostende = { latitude: 51.2254, longitude: 2.9196, postalCode: '8400', city: 'Oostende' };

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGazetteerLoaded(ctx);
  app = await createTestApp(ctx);
  team = await networkTeam(ctx, app);
  // Directory entries are placed in a real municipality of the gazetteer: Brugge.
  await ctx.db
    .updateTable('municipalities')
    .set({ nis_code: '31005' })
    .where('id', '=', team.tenant.municipality.id)
    .execute();
  // New clients of the team live there too.
  team.tenant.municipality.nis_code = '31005';
  const scope = await resolveEditorScope({ ctx, principal: editor });
  const base = sampleEntry();
  const at = (p: Partial<(typeof base.locations)[number]>) => [
    { ...base.locations[0], ...p } as EntryInput['locations'][number],
  ];
  const entries: [string, Partial<EntryInput>, boolean][] = [
    [
      'garden',
      { name: 'Buurtmoestuin De Groene Vingers', type: 'community_garden', locations: at(brugge) },
      true,
    ],
    ['coffee', { name: 'Koffiebabbel De Zonnebloem', type: 'meeting_place', locations: at(brugge) }, true],
    ['study', { name: 'Blokplek De Lessenaar', type: 'study_spot', locations: at(brugge) }, true],
    ['far_garden', { name: 'Moestuin aan zee', type: 'community_garden', locations: at(oostende) }, true],
    ['draft_garden', { name: 'Moestuin in ontwerp', type: 'community_garden', locations: at(brugge) }, false],
  ];
  for (const [key, e, publish] of entries) {
    const { id } = await createEntry({
      ctx,
      principal: editor,
      scope,
      ip: '127.0.0.1',
      organisationId: team.organisationId,
      municipalityId: team.tenant.municipality.id,
      entry: sampleEntry(e),
    });
    if (publish)
      await changeStatus({ ctx, principal: editor, scope, ip: '127.0.0.1', id, action: 'publish' });
    ids.set(key, id);
  }
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const keyOf = (id: string) => [...ids].find(([, v]) => v === id)?.[0];

async function suggestionsFor(document: NetworkMapDocument, postcode = '8000') {
  const client = await team.newClient({ postcode });
  const headers = team.sessions.worker.headers;
  const saved = await app.inject({
    method: 'PUT',
    url: `/api/clients/${client.id}/network`,
    payload: { document, version: 0 },
    headers,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await app.inject({
    method: 'GET',
    url: `/api/clients/${client.id}/network/suggestions`,
    headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/clients/:id/network/suggestions', () => {
  it('puts the community garden first for someone whose first card is gardening, and says why', async () => {
    const body = await suggestionsFor(widower().now);
    expect(body.near).toEqual({ postcode: '8000', radiusKm: 15 });
    const [first] = body.items;
    expect(keyOf(first.id)).toBe('garden');
    expect(first).toMatchObject({ name: 'Buurtmoestuin De Groene Vingers', type: 'community_garden' });
    const texts = first.reasons.map((r: { text: string }) => r.text);
    expect(first.reasons[0]).toEqual({
      kind: 'interest',
      cardId: 'gardening',
      text: 'Sluit aan bij een sterkte: Tuinieren',
    });
    expect(texts.some((t: string) => /^Op \d+(,\d)? km$/.test(t))).toBe(true);
    // Test clock: Monday 2 March 2026; the sample entry meets on Tuesdays at 14:00.
    expect(texts.find((t: string) => t.startsWith('Volgende keer:'))).toMatch(/dinsdag 3 maart.*14:00/);
  });

  it('follows the cards: with cards for games instead, the meeting place comes before the garden', async () => {
    const doc = copy(widower().now);
    doc.strengths.cards = [{ cardId: 'games', rank: 1 }];
    const order = (await suggestionsFor(doc)).items.map((s: { id: string }) => keyOf(s.id));
    expect(order.indexOf('coffee')).toBeLessThan(order.indexOf('garden'));
    expect(order.indexOf('coffee')).toBe(0);
  });

  it('never suggests drafts, initiatives beyond 15 km, or ones that fit neither a strength nor a gap', async () => {
    const keys = (await suggestionsFor(widower().now)).items.map((s: { id: string }) => keyOf(s.id));
    expect(keys).not.toContain('draft_garden');
    expect(keys).not.toContain('far_garden');
    expect(keys).not.toContain('study');
  });

  it('names the gap an initiative fills when the person has no cards', async () => {
    const doc = copy(widower().before);
    doc.strengths.cards = [];
    const body = await suggestionsFor(doc);
    const coffee = body.items.find((s: { id: string }) => keyOf(s.id) === 'coffee');
    expect(coffee.reasons.map((r: { text: string }) => r.text)).toContain(
      'Kan nieuwe mensen brengen bij ‘Vrienden’, waar nu niemand staat',
    );
  });

  it('looks from the municipality when the postcode is unknown, and suggests nothing when the place is unknown too', async () => {
    const fromMunicipality = await suggestionsFor(widower().now, '9999');
    expect(fromMunicipality.near).toEqual({ postcode: null, radiusKm: 15 });
    expect(fromMunicipality.items.length).toBeGreaterThan(0);
    await ctx.db
      .updateTable('municipalities')
      .set({ nis_code: '99999' })
      .where('id', '=', team.tenant.municipality.id)
      .execute();
    const other = await team.newClient({ postcode: '9999' });
    await ctx.db
      .updateTable('clients')
      .set({ municipality_nis: '99999' })
      .where('id', '=', other.id)
      .execute();
    const res = await app.inject({
      method: 'GET',
      url: `/api/clients/${other.id}/network/suggestions`,
      headers: team.sessions.worker.headers,
    });
    expect(res.json()).toEqual({ near: null, items: [] });
  });
});
