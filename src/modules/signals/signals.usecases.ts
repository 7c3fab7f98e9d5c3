import type { CreateSignalBody } from '../../contracts/signals.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, sha256 } from '../../platform/ids.ts';
import { assertUnderLimits, recordEvents } from '../../platform/throttle.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { lookupPostcode } from '../gazetteer/gazetteer.usecases.ts';
import {
  contactRequired,
  noMeldpunt,
  notAMember,
  placeRequired,
  referenceUnknown,
  unknownMunicipality,
  unknownPostcode,
} from './signals.errors.ts';
import { deadlinesFor, scheduleEscalations } from './signals.escalation.usecases.ts';
import {
  newReference,
  normaliseReference,
  type PublicStatus,
  publicStatus,
  RATE_LIMITS,
} from './signals.models.ts';
import * as repo from './signals.repository.ts';

/**
 * Refuses with 429 once this address reached the limit in the window, and
 * otherwise counts this request. Kept in the database, so the limit holds
 * across restarts and instances; the address is stored only as a hash.
 */
async function rateLimit(ctx: AppContext, kind: keyof typeof RATE_LIMITS, ip: string) {
  const { max, windowMinutes } = RATE_LIMITS[kind];
  const now = ctx.clock.now();
  const windowMs = windowMinutes * 60_000;
  const key = `${kind}:${sha256(ip)}`;
  await assertUnderLimits(ctx, [{ key, max, windowMs }]);
  await recordEvents(ctx.db, [key], now);
}

/** The tenant municipality the report is about, and the organisation running its meldpunt. */
async function resolveMeldpunt(ctx: AppContext, body: CreateSignalBody) {
  let nisCodes: string[];
  const field = body.municipality ? 'municipality' : 'postcode';
  if (body.municipality) nisCodes = [body.municipality];
  else if (body.postcode) {
    const lookup = await lookupPostcode({ ctx, postcode: body.postcode }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'gazetteer.unknown_postcode') throw unknownPostcode();
      throw e;
    });
    nisCodes = lookup.municipalities.map((m) => m.nisCode);
  } else throw placeRequired();
  const municipalities = await repo.findMunicipalitiesByNis(ctx.db, nisCodes);
  if (municipalities.length === 0 && body.municipality) throw unknownMunicipality();
  for (const m of municipalities) {
    const organisationId = await repo.findMeldpuntOrganisation(ctx.db, m.id);
    if (organisationId) return { municipalityId: m.id, organisationId };
  }
  throw noMeldpunt(field);
}

function reporterOrganisation(principal: Principal | null, requested: string | undefined) {
  if (!principal) return null;
  const effective = principal.memberships.filter((m) => m.effective);
  if (requested) {
    if (!effective.some((m) => m.organisationId === requested)) throw notAMember();
    return requested;
  }
  return effective[0]?.organisationId ?? null;
}

/**
 * Takes in a report about someone the reporter worries about and answers
 * with the reference to follow it by. Anyone may report; a logged-in member
 * of an organisation reports as a professional, for that organisation. A
 * filled-in honeypot gets a reference too, but nothing is stored.
 */
export async function submitSignal(input: {
  ctx: AppContext;
  body: CreateSignalBody;
  principal: Principal | null;
  ip: string;
  locale: Locale;
}): Promise<{ reference: string }> {
  const { ctx, body, principal } = input;
  await rateLimit(ctx, 'report', input.ip);
  if (body.website) return { reference: newReference() };
  const reporterOrganisationId = reporterOrganisation(principal, body.reporterOrganisationId);
  return recordSignal({
    ctx,
    body,
    professional:
      reporterOrganisationId && principal
        ? { organisationId: reporterOrganisationId, user: principal.user }
        : null,
    ip: input.ip,
    locale: input.locale,
  });
}

/**
 * Stores a report (already past the rate limit and the honeypot) with the
 * first entry of its history, in one transaction: acknowledged means stored.
 */
export async function recordSignal(input: {
  ctx: AppContext;
  body: CreateSignalBody;
  professional: { organisationId: string; user: { id: string; name: string; email: string } } | null;
  ip: string;
  locale: Locale;
}): Promise<{ reference: string }> {
  const { ctx, body } = input;
  const reporterOrganisationId = input.professional?.organisationId ?? null;
  const named = input.professional?.user ?? null;
  const reporter = body.reporter;
  if (!named && !reporter.anonymous && !reporter.phone && !reporter.email) throw contactRequired();
  const { municipalityId, organisationId } = await resolveMeldpunt(ctx, body);
  const now = ctx.clock.now();
  const { triageDueAt, contactDueAt } = await deadlinesFor(ctx, municipalityId, now);
  const id = newId();
  return ctx.db.transaction().execute(async (trx) => {
    let reference = newReference();
    // 80 random bits make a clash all but impossible; a clash only means drawing again.
    while (
      !(await repo.insertSignal(trx, {
        municipality_id: municipalityId,
        id,
        organisation_id: organisationId,
        reference,
        urgency: body.urgency ?? 'normal',
        source: reporterOrganisationId ? 'professional' : 'citizen',
        reporter_organisation_id: reporterOrganisationId,
        reporter_user_id: named?.id ?? null,
        person_name: body.person?.name || null,
        person_street: body.person?.street || null,
        person_postcode: body.postcode ?? null,
        signs: body.signs ?? [],
        description: body.description,
        reporter_anonymous: named ? false : reporter.anonymous,
        reporter_name: named?.name ?? (reporter.anonymous ? null : reporter.name),
        reporter_phone: reporter.anonymous ? null : (reporter.phone ?? null),
        reporter_email: named?.email ?? (reporter.anonymous ? null : (reporter.email ?? null)),
        reporter_locale: input.locale,
        privacy_notice_accepted_at: now,
        triage_due_at: triageDueAt,
        contact_due_at: contactDueAt,
        created_at: now,
        updated_at: now,
      }))
    )
      reference = newReference();
    await repo.insertTransition(trx, {
      municipality_id: municipalityId,
      signal_id: id,
      from_status: null,
      to_status: 'new',
      outcome: null,
      actor_user_id: named?.id ?? null,
      actor_organisation_id: reporterOrganisationId,
      at: now,
    });
    await scheduleEscalations(trx, { municipalityId, signalId: id, now, triageDueAt, contactDueAt });
    await recordAudit(trx, now, {
      actorUserId: named?.id ?? null,
      organisationId,
      action: 'signals.reported',
      subjectType: 'signal',
      subjectId: id,
      ip: input.ip,
      details: { municipalityId, source: reporterOrganisationId ? 'professional' : 'citizen' },
    });
    return { reference };
  });
}

// A well-formed reference nobody was given: a malformed one is looked up too,
// so both answers take one indexed query and look the same.
const NEVER_ISSUED = '----';

/**
 * Only the status of a report (received, being handled, closed), by its
 * reference. Unknown and malformed references get the same 404.
 */
export async function signalStatus(input: {
  ctx: AppContext;
  reference: string;
  ip: string;
}): Promise<{ status: PublicStatus }> {
  await rateLimit(input.ctx, 'status', input.ip);
  const reference = normaliseReference(input.reference);
  const row = await repo.findStatusByReference(input.ctx.db, reference ?? NEVER_ISSUED);
  if (!row || !reference) throw referenceUnknown();
  return { status: publicStatus(row.status) };
}
