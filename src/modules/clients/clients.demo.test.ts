import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { loadDemo } from '../demo/demo.usecases.ts';
import { loadClientsDemo } from './clients.demo.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemo({ ctx });
});
afterAll(async () => {
  await ctx.close();
});

describe('the demo clients', () => {
  it('are a few invented people of the demo CAW with consent, contacts and referrals, loaded once', async () => {
    const { clients } = await loadClientsDemo({ ctx });
    expect(clients.length).toBeGreaterThanOrEqual(4);
    const again = await loadClientsDemo({ ctx });
    expect(again.clients.map((c) => c.id).sort()).toEqual(clients.map((c) => c.id).sort());

    const rows = await ctx.db
      .selectFrom('clients')
      .innerJoin('organisations', 'organisations.id', 'clients.organisation_id')
      .select(['clients.id', 'clients.family_name', 'organisations.name as organisation'])
      .where('clients.organisation_id', '=', clients[0]?.organisationId ?? '')
      .execute();
    expect(rows).toHaveLength(clients.length);
    for (const r of rows) {
      expect(r.family_name).toContain('(demo)');
      expect(r.organisation).toBe('Demo-CAW Westhoek en Kust');
    }
    const registrations = await ctx.db
      .selectFrom('client_consents')
      .select('client_id')
      .where('kind', '=', 'registration')
      .where('organisation_id', '=', clients[0]?.organisationId ?? '')
      .execute();
    expect(new Set(registrations.map((r) => r.client_id)).size).toBe(clients.length);
    const worker = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'hulpverlener@demo.verbonden.invalid')
      .executeTakeFirstOrThrow();
    const leads = await ctx.db
      .selectFrom('client_workers')
      .selectAll()
      .where('user_id', '=', worker.id)
      .execute();
    expect(leads).toHaveLength(clients.length);
    expect(await ctx.db.selectFrom('client_contacts').select('id').execute()).not.toHaveLength(0);
    const referrals = await ctx.db.selectFrom('client_referrals').selectAll().execute();
    expect(
      referrals.some((r) => r.service_organisation_id !== r.organisation_id && r.status === 'sent'),
    ).toBe(true);
  });
});
