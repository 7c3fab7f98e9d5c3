// Test data for insights: clients made with the clients factory, tracks,
// measurements, signals and directory entries inserted directly.
import { sql } from 'kysely';
import { createClient } from '../../../test/harness/clients.ts';

import type { TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser } from '../../../test/harness/factories.ts';
import { newId } from '../../platform/ids.ts';

export type Tenant = Awaited<ReturnType<typeof createTenant>>;

/** A second municipality in the tenant's region, where its organisation works too. */
export async function addMunicipality(ctx: TestContext, tenant: Tenant) {
  const municipality = {
    id: newId(),
    region_id: tenant.region.id,
    nis_code: String(10_000 + Math.floor(Math.random() * 89_999)),
    name_nl: `Tweede gemeente ${newId().slice(0, 6)}`,
    name_fr: 'Deuxième commune',
  };
  await ctx.db.insertInto('municipalities').values(municipality).execute();
  await ctx.db
    .insertInto('organisation_municipalities')
    .values({ organisation_id: tenant.organisation.id, municipality_id: municipality.id })
    .execute();
  return municipality;
}

/** `count` clients living in the municipality, opened on `day` (the test clock is moved there). */
export async function clientsOn(
  ctx: TestContext,
  opts: {
    organisationId: string;
    createdBy: string;
    nis: string;
    day: string;
    count: number;
    postcode?: string;
  },
) {
  ctx.clock.set(new Date(`${opts.day}T10:00:00Z`));
  const out = [];
  for (let i = 0; i < opts.count; i++)
    out.push(
      await createClient(ctx, {
        organisationId: opts.organisationId,
        createdBy: opts.createdBy,
        municipalityNis: opts.nis,
        postcode: opts.postcode ?? '9000',
      }),
    );
  return out;
}

/**
 * A follow-up track started on `startedOn` with a scored baseline and,
 * when `followUp` is given, a 3-month follow-up with that total.
 */
export async function trackWithScores(
  ctx: TestContext,
  opts: {
    client: { organisation_id: string; id: string; municipality_nis: string };
    createdBy: string;
    serviceType: string | null;
    context?: 'initiative' | 'buddy' | 'circle' | 'other';
    instrumentId?: 'djg-11' | 'djg-6' | 'ucla-3' | 'direct';
    startedOn: string;
    baseline: number;
    followUp?: number;
  },
) {
  const instrumentId = opts.instrumentId ?? 'djg-11';
  const track = {
    organisation_id: opts.client.organisation_id,
    client_id: opts.client.id,
    id: newId(),
    instrument_id: instrumentId,
    context: opts.context ?? 'initiative',
    service_type: opts.serviceType,
    started_on: opts.startedOn,
    created_by: opts.createdBy,
    created_at: new Date(`${opts.startedOn}T10:00:00Z`),
  } as const;
  await ctx.db.insertInto('measurement_tracks').values(track).execute();
  const measurement = (occasion: number, total: number, takenOn: string) => ({
    organisation_id: track.organisation_id,
    client_id: track.client_id,
    id: newId(),
    instrument_id: instrumentId,
    instrument_version: '1',
    mode: 'interviewer' as const,
    taken_on: takenOn,
    answers: JSON.stringify({}),
    status: 'complete' as const,
    total,
    track_id: track.id,
    occasion_months: occasion,
    municipality_nis: opts.client.municipality_nis,
    service_type: opts.serviceType,
    recorded_by: opts.createdBy,
    created_at: new Date(`${takenOn}T10:00:00Z`),
  });
  await ctx.db
    .insertInto('client_measurements')
    .values(measurement(0, opts.baseline, opts.startedOn))
    .execute();
  if (opts.followUp !== undefined) {
    const later = new Date(`${opts.startedOn}T00:00:00Z`);
    later.setUTCMonth(later.getUTCMonth() + 3);
    await ctx.db
      .insertInto('client_measurements')
      .values(measurement(3, opts.followUp, later.toISOString().slice(0, 10)))
      .execute();
  }
  return track;
}

/** `count` signals about people in the municipality, received on `day`. */
export async function signalsOn(
  ctx: TestContext,
  opts: { municipalityId: string; organisationId: string; day: string; count: number },
) {
  const at = new Date(`${opts.day}T10:00:00Z`);
  for (let i = 0; i < opts.count; i++)
    await ctx.db
      .insertInto('signals')
      .values({
        municipality_id: opts.municipalityId,
        id: newId(),
        organisation_id: opts.organisationId,
        reference: `T-${newId().slice(0, 12)}`,
        urgency: 'normal',
        source: 'citizen',
        description: 'Testmelding',
        reporter_anonymous: true,
        privacy_notice_accepted_at: at,
        created_at: at,
        updated_at: at,
        triage_due_at: at,
        contact_due_at: at,
      })
      .execute();
}

/** A published directory entry of a type in a municipality (null: region-wide), assured on a date or never. */
export async function directoryEntry(
  ctx: TestContext,
  opts: {
    tenant: Tenant;
    municipalityId: string | null;
    type: string;
    evidenceLevel?: string;
    assuredDate?: string | null;
    status?: 'draft' | 'published' | 'archived';
  },
) {
  // Only the columns insights read; the rest keep their defaults.
  await sql`
    insert into directory_services (organisation_id, id, region_id, municipality_id, status, name, type,
      how_to_join, cost_option, evidence_level, assured_date, created_at, updated_at)
    values (${opts.tenant.organisation.id}, ${newId()}, ${opts.tenant.region.id}, ${opts.municipalityId},
      ${opts.status ?? 'published'}, ${`Initiatief ${newId().slice(0, 6)}`}, ${opts.type}, 'walk_in', 'free',
      ${opts.evidenceLevel ?? 'none'}, ${opts.assuredDate ?? null}, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(
    ctx.db,
  );
}

/** A coordinator, a worker, a volunteer and an organisation admin of a tenant. */
export async function staffOf(ctx: TestContext, tenant: Tenant) {
  const organisationId = tenant.organisation.id;
  return {
    coordinator: await createUser(ctx, { organisationId, role: 'coordinator' }),
    worker: await createUser(ctx, { organisationId, role: 'worker' }),
    volunteer: await createUser(ctx, { organisationId, role: 'volunteer' }),
    admin: await createUser(ctx, { organisationId, role: 'admin' }),
  };
}

export { createTenant };
