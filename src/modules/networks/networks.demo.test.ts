import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../test/harness/clients.ts';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser } from '../../../test/harness/factories.ts';
import { analyseNetwork } from './networks.analysis.ts';
import { DEMO_STORIES } from './networks.demo.stories.ts';
import { loadNetworksDemo } from './networks.demo.ts';
import { diffNetworkMaps } from './networks.diff.ts';
import { validateNetworkMap } from './networks.validate.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('the demo network maps', () => {
  it('are valid maps with three generations in the genogram, and grow between the two moments', () => {
    for (const make of DEMO_STORIES) {
      const story = make();
      expect(validateNetworkMap(story.before)).toEqual([]);
      expect(validateNetworkMap(story.now)).toEqual([]);
      expect(story.now.ecogram.members.length - story.before.ecogram.members.length).toBe(2);
      expect(story.now.genogram.parentage.length).toBeGreaterThanOrEqual(4);
      const kinds = diffNetworkMaps(story.before, story.now).map((c) => c.kind);
      expect(kinds).toContain('members_added');
    }
    const widower = (DEMO_STORIES[0] as (typeof DEMO_STORIES)[number])();
    expect(analyseNetwork(widower.before).overloaded).toEqual(['els']);
    expect(analyseNetwork(widower.now).overloaded).toEqual([]);
  });

  it('gives each demo client a snapshot of half a year ago and a current map, once', async () => {
    const { organisation } = await createTenant(ctx);
    const worker = await createUser(ctx, { organisationId: organisation.id, role: 'worker' });
    const clients: { id: string; organisationId: string; givenName: string }[] = [];
    for (const givenName of ['Maria', 'Amina', 'Lea', 'Jozef']) {
      const c = await createClient(ctx, { organisationId: organisation.id, createdBy: worker.id, givenName });
      clients.push({ id: c.id, organisationId: organisation.id, givenName });
    }
    expect(await loadNetworksDemo({ ctx, clients })).toEqual({ loaded: 3 });
    expect(await loadNetworksDemo({ ctx, clients })).toEqual({ loaded: 0 });
    const maps = await ctx.db
      .selectFrom('network_maps')
      .select(['client_id', 'version', 'updated_by', 'document'])
      .where('organisation_id', '=', organisation.id)
      .execute();
    expect(maps).toHaveLength(3);
    expect(maps.every((m) => m.version === 2 && m.updated_by === worker.id)).toBe(true);
    const amina = maps.find((m) => m.client_id === clients[1]?.id);
    expect(amina?.document.genogram.people.find((p) => p.index)?.label).toBe('Amina');
    // Maria is a widow: she is the woman of the couple, her late husband the man; Jozef has no map yet.
    const maria = maps.find((m) => m.client_id === clients[0]?.id)?.document.genogram.people;
    expect(maria?.find((p) => p.index)).toMatchObject({ label: 'Maria', sex: 'female' });
    expect(maria?.find((p) => p.deceased)).toMatchObject({ label: 'Jan', sex: 'male' });
    expect(maps.some((m) => m.client_id === clients[3]?.id)).toBe(false);
    const snapshots = await ctx.db
      .selectFrom('network_snapshots')
      .select(['client_id', 'label', 'map_version'])
      .select((eb) => eb.fn<string>('to_char', [eb.ref('taken_on'), eb.val('YYYY-MM-DD')]).as('taken_on'))
      .where('organisation_id', '=', organisation.id)
      .execute();
    expect(snapshots).toHaveLength(3);
    // The test clock stands at 2 March 2026; 182 days earlier is 1 September 2025.
    expect(new Set(snapshots.map((s) => s.taken_on))).toEqual(new Set(['2025-09-01']));
  });

  it('leaves clients alone whose organisation has nobody to credit the map to', async () => {
    const { organisation } = await createTenant(ctx);
    const admin = await createUser(ctx, { organisationId: organisation.id, role: 'admin' });
    const c = await createClient(ctx, { organisationId: organisation.id, createdBy: admin.id });
    expect(await loadNetworksDemo({ ctx, clients: [{ id: c.id, organisationId: organisation.id }] })).toEqual(
      {
        loaded: 0,
      },
    );
  });
});
