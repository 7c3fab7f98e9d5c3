import { createClient } from '../../../test/harness/clients.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/app.ts';
import { DEMO_STORIES } from './networks.demo.stories.ts';

/**
 * An organisation with one person per role, a client of theirs, a volunteer
 * assigned to that client, and someone of another organisation, all logged in.
 */
export async function networkTeam(ctx: AppContext, app: App) {
  const tenant = await createTenant(ctx);
  const organisationId = tenant.organisation.id;
  const worker = await createUser(ctx, { organisationId, role: 'worker' });
  const coordinator = await createUser(ctx, { organisationId, role: 'coordinator' });
  const admin = await createUser(ctx, { organisationId, role: 'admin' });
  const volunteer = await createUser(ctx, { organisationId, role: 'volunteer' });
  const other = await createTenant(ctx);
  const outsider = await createUser(ctx, { organisationId: other.organisation.id, role: 'worker' });
  const client = await createClient(ctx, {
    organisationId,
    createdBy: worker.id,
    municipalityNis: tenant.municipality.nis_code,
    assigned: [{ userId: volunteer.id, role: 'volunteer' }],
  });
  const sessions: Record<'worker' | 'coordinator' | 'admin' | 'volunteer' | 'outsider', TestSession> = {
    worker: await loginAs(app, worker),
    coordinator: await loginAs(app, coordinator),
    admin: await loginAs(app, admin),
    volunteer: await loginAs(app, volunteer),
    outsider: await loginAs(app, outsider),
  };
  const newClient = (opts: { registered?: boolean; postcode?: string; givenName?: string } = {}) =>
    createClient(ctx, {
      organisationId,
      createdBy: worker.id,
      municipalityNis: tenant.municipality.nis_code,
      ...opts,
    });
  return { tenant, organisationId, worker, coordinator, volunteer, client, sessions, newClient };
}

/** The first demo story: a widower whose daughter is overloaded (before) and who met two people (now). */
export const widower = () => (DEMO_STORIES[0] as (typeof DEMO_STORIES)[number])('Jozef');

/** A copy to change in a test without touching the shared story. */
export const copy = (doc: NetworkMapDocument): NetworkMapDocument => structuredClone(doc);

/** A map with `n` members in the family sector, each tied to the person. */
export function mapWithMembers(n: number): NetworkMapDocument {
  const sectors = ['family', 'friends', 'neighbours', 'school_work_associations', 'professionals'] as const;
  return {
    ecogram: {
      members: Array.from({ length: n }, (_, i) => ({
        id: `m${i}`,
        label: `Persoon ${i}`,
        sector: sectors[i % sectors.length] as (typeof sectors)[number],
        ring: ((i % 3) + 1) as 1 | 2 | 3,
        formal: i % 7 === 0,
      })),
      ties: Array.from({ length: Math.min(n, 1000) }, (_, i) => ({
        id: `t${i}`,
        from: 'client',
        to: `m${i}`,
        frequency: 'weekly' as const,
        modes: ['visit' as const],
        supportGiven: [],
        supportReceived: i % 2 === 0 ? ['company' as const] : [],
        quality: 'positive' as const,
        load: 'ok' as const,
        wish: 'keep' as const,
      })),
    },
    genogram: { people: [], partnerships: [], parentage: [], bonds: [] },
    strengths: { cards: [] },
  };
}
