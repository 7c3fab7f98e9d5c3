import type { AppContext } from '../../src/platform/context.ts';
import { newId } from '../../src/platform/ids.ts';

/**
 * A fictional client of an organisation with a registration consent in force
 * (unless `registered: false`), optionally with assigned users.
 */
export async function createClient(
  ctx: AppContext,
  opts: {
    organisationId: string;
    createdBy: string;
    municipalityNis?: string;
    givenName?: string;
    familyName?: string;
    postcode?: string;
    registered?: boolean;
    assigned?: { userId: string; role: 'lead' | 'worker' | 'volunteer' }[];
  },
) {
  const now = ctx.clock.now();
  const client = {
    organisation_id: opts.organisationId,
    id: newId(),
    municipality_nis: opts.municipalityNis ?? '44021',
    given_name: opts.givenName ?? 'Testpersoon',
    family_name: opts.familyName ?? 'Fictief',
    postcode: opts.postcode ?? '9000',
    created_at: now,
    created_by: opts.createdBy,
    updated_at: now,
  };
  await ctx.db.insertInto('clients').values(client).execute();
  if (opts.registered !== false) {
    await ctx.db
      .insertInto('client_consents')
      .values({
        organisation_id: opts.organisationId,
        client_id: client.id,
        id: newId(),
        kind: 'registration',
        shared_with_organisation_id: null,
        method: 'in_person',
        given_at: now,
        recorded_by: opts.createdBy,
        withdrawn_at: null,
        withdrawn_by: null,
        withdrawal_method: null,
        note: null,
      })
      .execute();
  }
  for (const a of opts.assigned ?? []) {
    await ctx.db
      .insertInto('client_workers')
      .values({
        organisation_id: opts.organisationId,
        client_id: client.id,
        user_id: a.userId,
        role: a.role,
        assigned_at: now,
        assigned_by: opts.createdBy,
      })
      .execute();
  }
  return client;
}
