import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB, Locale } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import { listMembers } from '../accounts/accounts.admin.usecases.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { getMunicipality, lookupPostcode } from '../gazetteer/gazetteer.usecases.ts';
import { listOrganisations } from '../tenancy/tenancy.usecases.ts';
import { addTimelineEvent } from './clients.access.usecases.ts';
import {
  birthDateInFuture,
  birthDateTooOld,
  consentWithdrawn,
  postcodeNotInMunicipality,
  recordClosed,
  unknownMunicipality,
  unknownPostcode,
} from './clients.errors.ts';
import { birthDateProblem } from './clients.models.ts';
import { assertMayEditClients, assertMayWorkWithClient } from './clients.policies.ts';
import type { Names } from './clients.presenters.ts';
import * as repo from './clients.repository.ts';

/** What every operation on one client receives from its route. */
export interface ClientInput {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  ip: string;
}

export async function isRegistered(db: Kysely<DB>, key: { organisationId: string; clientId: string }) {
  const consents = await repo.listConsents(db, key);
  return consents.some((c) => c.kind === 'registration' && c.withdrawn_at === null);
}

/** Loads a client for someone who may work with it (404 for outsiders, 403 for the wrong role). */
export async function openClient(input: { ctx: AppContext; principal: Principal; clientId: string }) {
  const client = await repo.findClient(input.ctx.db, input.clientId);
  const workers = client
    ? await repo.listWorkers(input.ctx.db, { organisationId: client.organisation_id, clientId: client.id })
    : [];
  assertMayWorkWithClient(
    input.principal,
    client,
    workers.map((w) => w.user_id),
  );
  if (!client) throw new Error('unreachable');
  const key = { organisationId: client.organisation_id, clientId: client.id };
  return { client, workers, key, registered: await isRegistered(input.ctx.db, key) };
}

/**
 * Runs a change of a client in one transaction, with the row locked: only the
 * team (or, with `volunteers`, an assigned volunteer too), only while the
 * record is open and the person's registration consent is in force (unless
 * the change itself is allowed then, like recording a new consent).
 */
export async function changeClient<T>(
  input: ClientInput,
  opts: { volunteers?: boolean; whenUnregistered?: boolean; whenClosed?: boolean },
  act: (trx: Kysely<DB>, client: repo.ClientRow, now: Date) => Promise<T>,
): Promise<T> {
  const { ctx, principal } = input;
  const opened = await openClient(input);
  if (!opts.volunteers) assertMayEditClients(principal, opened.client.organisation_id);
  return ctx.db.transaction().execute(async (trx) => {
    const client = await repo.lockClient(trx, input.clientId);
    if (!client) throw new AppError('clients.not_found', 404);
    if (!opts.whenClosed && client.status === 'closed') throw recordClosed();
    if (!opts.whenUnregistered && !(await isRegistered(trx, opened.key))) throw consentWithdrawn();
    return act(trx, client, ctx.clock.now());
  });
}

/** One audit row about a client: ids and codes only, never what the record says. */
export async function auditClient(
  db: Kysely<DB>,
  input: { ctx: AppContext; principal: Principal; ip: string },
  client: { organisation_id: string; id: string },
  action: string,
  details?: Record<string, unknown>,
) {
  await recordAudit(db, input.ctx.clock.now(), {
    actorUserId: input.principal.user.id,
    organisationId: client.organisation_id,
    action,
    subjectType: 'client',
    subjectId: client.id,
    ip: input.ip,
    details,
  });
}

/** One timeline event, in the change's transaction. */
export function noteOnTimeline(
  trx: Kysely<DB>,
  client: { organisation_id: string; id: string },
  event: {
    at: Date;
    kind: string;
    actorUserId: string;
    refType?: string;
    refId?: string;
    details?: Record<string, unknown>;
  },
) {
  return addTimelineEvent(trx, { organisationId: client.organisation_id, clientId: client.id, ...event });
}

/** The names of an organisation's people (through the accounts module), by user id. */
export async function teamNames(ctx: AppContext, organisationId: string): Promise<Names> {
  const members = await listMembers({ ctx, organisationId });
  return new Map(members.map((m) => [m.id, m.name]));
}

export async function organisationNames(ctx: AppContext, ids: string[]): Promise<Names> {
  if (ids.length === 0) return new Map();
  const organisations = await listOrganisations({ ctx, ids: [...new Set(ids)] });
  return new Map(organisations.map((o) => [o.id, o.name]));
}

/** Municipality names in the reader's language (French names for fr-BE). */
export async function municipalityNames(ctx: AppContext, nisCodes: string[], locale: Locale) {
  const names = new Map<string, string | null>();
  for (const nisCode of new Set(nisCodes)) {
    const m = await getMunicipality({ ctx, nisCode }).catch(() => null);
    names.set(nisCode, m ? (locale === 'fr-BE' ? m.nameFr : m.nameNl) : null);
  }
  return names;
}

/**
 * Where the person lives, from the gazetteer: the municipality of a postcode
 * (checked against the NIS code when both are given), or the NIS code alone.
 */
type PlaceInput = { postcode?: string | null; municipalityNis?: string | null };
type Place = { postcode: string | null; municipalityNis: string };

async function resolvePlace(ctx: AppContext, place: PlaceInput): Promise<Place> {
  if (place.postcode) {
    const found = await lookupPostcode({ ctx, postcode: place.postcode }).catch((error: unknown) => {
      if (error instanceof AppError && error.code.startsWith('gazetteer.'))
        throw unknownPostcode(place.postcode ?? '');
      throw error;
    });
    const nisCodes = found.municipalities.map((m) => m.nisCode);
    if (place.municipalityNis && !nisCodes.includes(place.municipalityNis)) throw postcodeNotInMunicipality();
    const nis = place.municipalityNis ?? nisCodes[0];
    if (!nis) throw unknownPostcode(place.postcode);
    return { postcode: place.postcode, municipalityNis: nis };
  }
  if (!place.municipalityNis) throw unknownMunicipality();
  const nis = place.municipalityNis;
  await getMunicipality({ ctx, nisCode: nis }).catch((error: unknown) => {
    if (error instanceof AppError && error.code.startsWith('gazetteer.')) throw unknownMunicipality();
    throw error;
  });
  return { postcode: null, municipalityNis: nis };
}

function checkBirthDate(birthDate: string | null | undefined, now: Date) {
  if (!birthDate) return;
  const problem = birthDateProblem(birthDate, now);
  if (problem === 'in_future') throw birthDateInFuture();
  if (problem === 'too_old') throw birthDateTooOld();
}

/** The field problems of a failed check, so several checks can answer together; other errors go on. */
async function fieldProblems<T>(
  check: () => T | Promise<T>,
): Promise<{ value?: T; problems: FieldProblem[] }> {
  try {
    return { value: await check(), problems: [] };
  } catch (error) {
    if (error instanceof AppError && error.fields.length > 0) return { problems: error.fields };
    throw error;
  }
}

/**
 * The checks of a record's fields that need more than the contract (the
 * clock, the gazetteer), all of them: one answer lists every field at fault,
 * so the person fixes the form in one go. Answers the place, when given.
 */
export async function checkRecordFields<P extends PlaceInput | undefined>(
  ctx: AppContext,
  now: Date,
  fields: { birthDate?: string | null; place: P },
): Promise<{ place: P extends PlaceInput ? Place : undefined }> {
  const { place: wanted } = fields;
  const [birth, place] = await Promise.all([
    fieldProblems(() => checkBirthDate(fields.birthDate, now)),
    fieldProblems(() => (wanted ? resolvePlace(ctx, wanted) : undefined)),
  ]);
  const problems = [...birth.problems, ...place.problems];
  if (problems.length > 0) throw invalid(problems);
  return { place: place.value as P extends PlaceInput ? Place : undefined };
}

/** Optional free text as stored: an empty field is no value. */
export const orNull = (value: string | null | undefined) => (value ? value : null);
