import type { CreateClientBody, UpdateClientBody } from '../../contracts/clients.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { alreadyClosed, consentWithdrawn, notClosed, versionConflict } from './clients.errors.ts';
import { containsPattern, PENDING_REFERRAL_STATUSES } from './clients.models.ts';
import { assertMayEditClients, listScope, mayEditClients, mayManageClients } from './clients.policies.ts';
import {
  presentClientSummary,
  presentConsent,
  presentRecord,
  presentReferral,
  presentWorker,
} from './clients.presenters.ts';
import * as repo from './clients.repository.ts';
import {
  auditClient,
  type ClientInput,
  changeClient,
  checkRecordFields,
  isRegistered,
  municipalityNames,
  noteOnTimeline,
  openClient,
  organisationNames,
  orNull,
  teamNames,
} from './clients.support.ts';

/**
 * An organisation's client records, by name: all of them for its team, only
 * their own for volunteers. Searches given and family name.
 */
export async function listClients(input: {
  ctx: AppContext;
  principal: Principal;
  organisationId: string;
  q?: string;
  status?: 'active' | 'closed';
  page: number;
  perPage: number;
  locale: Locale;
}) {
  const { ctx, principal } = input;
  const scope = listScope(principal, input.organisationId);
  const { rows, total } = await repo.listClients(ctx.db, {
    organisationId: input.organisationId,
    pattern: input.q ? containsPattern(input.q) : undefined,
    status: input.status,
    assignedTo: scope === 'assigned' ? principal.user.id : undefined,
    limit: input.perPage,
    offset: (input.page - 1) * input.perPage,
  });
  const names = await municipalityNames(
    ctx,
    rows.map((r) => r.municipality_nis),
    input.locale,
  );
  return {
    items: rows.map((r) =>
      presentClientSummary(
        { ...r, registered: Boolean(r.registered) },
        names.get(r.municipality_nis) ?? null,
      ),
    ),
    total,
    page: input.page,
    per_page: input.perPage,
  };
}

/**
 * Registers a person with the consent they gave to it, in one transaction:
 * a record never exists without recorded consent. The municipality comes
 * from the gazetteer (postcode or NIS code); the creator becomes its lead.
 */
export async function createClient(input: {
  ctx: AppContext;
  principal: Principal;
  body: CreateClientBody;
  ip: string;
}): Promise<{ id: string }> {
  const { ctx, principal, body } = input;
  assertMayEditClients(principal, body.organisationId);
  const now = ctx.clock.now();
  const { place } = await checkRecordFields(ctx, now, { birthDate: body.birthDate, place: body });
  const id = newId();
  const client = { organisation_id: body.organisationId, id };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertClient(trx, {
      ...client,
      municipality_nis: place.municipalityNis,
      postcode: place.postcode,
      given_name: body.givenName,
      family_name: orNull(body.familyName),
      phone: orNull(body.phone),
      email: orNull(body.email),
      street: orNull(body.street),
      birth_date: body.birthDate ?? null,
      age_band: body.ageBand ?? null,
      household: body.household,
      languages: body.languages,
      created_at: now,
      created_by: principal.user.id,
      updated_at: now,
      updated_by: principal.user.id,
    });
    const consentId = newId();
    await repo.insertConsent(trx, {
      organisation_id: body.organisationId,
      client_id: id,
      id: consentId,
      kind: 'registration',
      shared_with_organisation_id: null,
      method: body.consent.method,
      given_at: now,
      recorded_by: principal.user.id,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_method: null,
      note: orNull(body.consent.note),
    });
    await repo.upsertWorker(trx, {
      organisation_id: body.organisationId,
      client_id: id,
      user_id: principal.user.id,
      role: 'lead',
      assigned_at: now,
      assigned_by: principal.user.id,
    });
    await noteOnTimeline(trx, client, { at: now, kind: 'created', actorUserId: principal.user.id });
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'consent_recorded',
      actorUserId: principal.user.id,
      refType: 'client_consent',
      refId: consentId,
      details: { kind: 'registration', method: body.consent.method },
    });
    await auditClient(trx, input, client, 'clients.created');
  });
  return { id };
}

/** The whole record as its team sees it; every read is one audit row. */
export async function getClient(input: ClientInput & { locale: Locale }) {
  const { ctx, principal } = input;
  const { client, workers, key, registered } = await openClient(input);
  const [consents, referrals, contacts, openReferrals, timeline, names] = await Promise.all([
    repo.listConsents(ctx.db, key),
    repo.listReferrals(ctx.db, key),
    repo.countRows(ctx.db, 'client_contacts', key),
    repo.countReferralsIn(ctx.db, key, PENDING_REFERRAL_STATUSES),
    repo.countRows(ctx.db, 'client_timeline', key),
    teamNames(ctx, client.organisation_id),
  ]);
  const organisations = await organisationNames(
    ctx,
    consents.flatMap((c) => (c.shared_with_organisation_id ? [c.shared_with_organisation_id] : [])),
  );
  const municipality = await municipalityNames(ctx, [client.municipality_nis], input.locale);
  await auditClient(ctx.db, input, client, 'clients.read');
  return {
    ...presentRecord(client, registered, municipality.get(client.municipality_nis) ?? null),
    consents: consents.map((c) => presentConsent(c, names, organisations)),
    workers: workers.map((w) => presentWorker(w, names)),
    referrals: referrals.map((r) => presentReferral(r, names)),
    counts: { contacts, openReferrals, timeline },
    may: {
      edit: mayEditClients(principal, client.organisation_id),
      manage: mayManageClients(principal, client.organisation_id),
    },
  };
}

/**
 * Edits the record. `version` must be the one that was read: when someone
 * saved in between, nothing changes and the answer names who did.
 */
export async function updateClient(input: ClientInput & { body: UpdateClientBody }) {
  const { ctx, principal, body } = input;
  const now = ctx.clock.now();
  const current = (await openClient(input)).client;
  const placeChanged = body.postcode !== undefined || body.municipalityNis !== undefined;
  const { place } = await checkRecordFields(ctx, now, {
    birthDate: body.birthDate,
    place: placeChanged
      ? { postcode: body.postcode ?? current.postcode, municipalityNis: body.municipalityNis }
      : undefined,
  });
  const names = await teamNames(ctx, current.organisation_id);
  return changeClient(input, {}, async (trx, client) => {
    if (client.version !== body.version)
      throw versionConflict(names.get(client.updated_by ?? client.created_by) ?? null, client.updated_at);
    const changes = {
      given_name: body.givenName,
      family_name: body.familyName === undefined ? undefined : orNull(body.familyName),
      phone: body.phone === undefined ? undefined : orNull(body.phone),
      email: body.email === undefined ? undefined : orNull(body.email),
      street: body.street === undefined ? undefined : orNull(body.street),
      postcode: place?.postcode,
      municipality_nis: place?.municipalityNis,
      // A date of birth replaces an age band and the other way round.
      birth_date: body.birthDate !== undefined ? body.birthDate : body.ageBand ? null : undefined,
      age_band: body.ageBand !== undefined ? body.ageBand : body.birthDate ? null : undefined,
      household: body.household,
      languages: body.languages,
    };
    const fields = Object.entries(changes)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    await repo.updateClient(
      trx,
      { organisationId: client.organisation_id, id: client.id },
      { ...changes, version: client.version + 1, updated_at: now, updated_by: principal.user.id },
    );
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'updated',
      actorUserId: principal.user.id,
      details: { fields },
    });
    await auditClient(trx, input, client, 'clients.updated', { fields });
    return { version: client.version + 1 };
  });
}

/** Closes a record: the work with the person has ended. It stays readable and can be reopened. */
export async function closeClient(input: ClientInput) {
  const { principal } = input;
  await changeClient(input, { whenUnregistered: true, whenClosed: true }, async (trx, client, now) => {
    if (client.status === 'closed') throw alreadyClosed();
    await repo.updateClient(
      trx,
      { organisationId: client.organisation_id, id: client.id },
      {
        status: 'closed',
        closed_at: now,
        updated_at: now,
        updated_by: principal.user.id,
        version: client.version + 1,
      },
    );
    await noteOnTimeline(trx, client, { at: now, kind: 'closed', actorUserId: principal.user.id });
    await auditClient(trx, input, client, 'clients.closed');
  });
}

/** Reopens a closed record; only while the person's registration consent is in force. */
export async function reopenClient(input: ClientInput) {
  const { principal } = input;
  await changeClient(input, { whenUnregistered: true, whenClosed: true }, async (trx, client, now) => {
    if (client.status !== 'closed') throw notClosed();
    if (!(await isRegistered(trx, { organisationId: client.organisation_id, clientId: client.id })))
      throw consentWithdrawn();
    await repo.updateClient(
      trx,
      { organisationId: client.organisation_id, id: client.id },
      {
        status: 'active',
        closed_at: null,
        updated_at: now,
        updated_by: principal.user.id,
        version: client.version + 1,
      },
    );
    await noteOnTimeline(trx, client, { at: now, kind: 'reopened', actorUserId: principal.user.id });
    await auditClient(trx, input, client, 'clients.reopened');
  });
}
