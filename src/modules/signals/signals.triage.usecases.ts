import { organisationsWithRole, type Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { listMembers } from '../accounts/accounts.admin.usecases.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { queueEmail } from '../notifications/notifications.usecases.ts';
import { listOrganisations } from '../tenancy/tenancy.usecases.ts';
import {
  organisationNotInMunicipality,
  outcomeOnlyWhenClosing,
  outcomeRequired,
  signalNotFound,
  transitionNotAllowed,
  userNotInOrganisation,
} from './signals.errors.ts';
import * as merge from './signals.merge.repository.ts';
import { canTransition, type SignalOutcome, type SignalStatus } from './signals.models.ts';
import * as outreach from './signals.outreach.repository.ts';
import {
  actingOrganisation,
  assertHandlesSignals,
  assertMayRead,
  assertMayTriage,
  queueOrganisations,
} from './signals.policies.ts';
import { presentSignalDetail, presentSignalSummary } from './signals.presenters.ts';
import * as repo from './signals.repository.ts';
import * as rights from './signals.rights.repository.ts';

interface Key {
  municipalityId: string;
  id: string;
}

/** The meldpunt coordinator's queue: open signals of the meldpunts they run, urgent and new first. */
export async function listSignalQueue(input: { ctx: AppContext; principal: Principal }) {
  const rows = await repo.listQueue(input.ctx.db, queueOrganisations(input.principal));
  const now = input.ctx.clock.now();
  return rows.map((r) => presentSignalSummary(r, now));
}

/** Open signals assigned to this worker, or to an organisation they coordinate. */
export async function listAssignedSignals(input: { ctx: AppContext; principal: Principal }) {
  assertHandlesSignals(input.principal);
  const rows = await repo.listAssigned(
    input.ctx.db,
    input.principal.user.id,
    organisationsWithRole(input.principal, 'coordinator'),
  );
  const now = input.ctx.clock.now();
  return rows.map((r) => presentSignalSummary(r, now));
}

/** One signal with its history and notes. Every read is one audit entry: it is personal data. */
export async function getSignal(input: { ctx: AppContext; principal: Principal; key: Key; ip: string }) {
  const { ctx, principal, key } = input;
  const signal = await repo.findSignal(ctx.db, key.municipalityId, key.id);
  const access = assertMayRead(principal, signal);
  if (!signal) throw signalNotFound();
  const [
    municipalityName,
    reporterOrganisationName,
    transitions,
    notes,
    contactAttempts,
    merged,
    information,
  ] = await Promise.all([
    repo.findMunicipalityName(ctx.db, signal.municipality_id),
    repo.findOrganisationName(ctx.db, signal.reporter_organisation_id),
    repo.listTransitions(ctx.db, signal.municipality_id, signal.id),
    repo.listNotes(ctx.db, signal.municipality_id, signal.id),
    outreach.listContactAttempts(ctx.db, signal.municipality_id, signal.id),
    merge.listMergedInto(ctx.db, signal.municipality_id, signal.id),
    rights.findInformationRecord(ctx.db, signal.municipality_id, signal.id),
  ]);
  await recordAudit(ctx.db, ctx.clock.now(), {
    actorUserId: principal.user.id,
    organisationId: actingOrganisation(principal, signal),
    action: 'signals.read',
    subjectType: 'signal',
    subjectId: signal.id,
    ip: input.ip,
  });
  return presentSignalDetail({
    signal,
    municipalityName,
    reporterOrganisationName,
    transitions,
    notes,
    contactAttempts,
    merged,
    information: information ?? null,
    access,
    now: ctx.clock.now(),
  });
}

/** The organisations working in the signal's municipality, with the people who may handle it. */
export async function listAssignees(input: { ctx: AppContext; principal: Principal; key: Key }) {
  const { ctx, principal, key } = input;
  const signal = await repo.findSignal(ctx.db, key.municipalityId, key.id);
  assertMayTriage(assertMayRead(principal, signal));
  const organisations = (await listOrganisations({ ctx, ids: 'all' })).filter(
    (o) => o.active && o.municipality_ids.includes(key.municipalityId),
  );
  return Promise.all(
    organisations.map(async (o) => ({
      id: o.id,
      name: o.name,
      people: (await listMembers({ ctx, organisationId: o.id }))
        .filter((m) => m.active && (m.role === 'worker' || m.role === 'coordinator'))
        .map((m) => ({ id: m.id, name: m.name })),
    })),
  );
}

async function change(
  input: { ctx: AppContext; principal: Principal; key: Key; ip: string },
  act: (
    signal: repo.SignalRow,
    access: ReturnType<typeof assertMayRead>,
  ) => {
    to: SignalStatus;
    outcome?: SignalOutcome;
    assignedOrganisationId?: string;
    assignedUserId?: string | null;
  },
) {
  const { ctx, principal, key } = input;
  await ctx.db.transaction().execute(async (trx) => {
    const signal = await repo.lockSignal(trx, key.municipalityId, key.id);
    const access = assertMayRead(principal, signal);
    if (!signal) throw signalNotFound();
    const next = act(signal, access);
    if (!canTransition(signal.status, next.to)) throw transitionNotAllowed(signal.status, next.to);
    const now = ctx.clock.now();
    await repo.updateSignal(trx, key, {
      status: next.to,
      updatedAt: now,
      outcome: next.outcome,
      closedAt: next.to === 'closed' ? now : undefined,
      assignedOrganisationId: next.assignedOrganisationId,
      assignedUserId: next.assignedUserId,
    });
    const organisationId = actingOrganisation(principal, signal);
    await repo.insertTransition(trx, {
      municipality_id: key.municipalityId,
      signal_id: key.id,
      from_status: signal.status,
      to_status: next.to,
      outcome: next.outcome ?? null,
      actor_user_id: principal.user.id,
      actor_organisation_id: organisationId,
      at: now,
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId,
      action: next.to === 'assigned' ? 'signals.assigned' : 'signals.status_changed',
      subjectType: 'signal',
      subjectId: key.id,
      ip: input.ip,
      details: {
        from: signal.status,
        to: next.to,
        ...(next.outcome ? { outcome: next.outcome } : {}),
        ...(next.assignedOrganisationId ? { organisationId: next.assignedOrganisationId } : {}),
      },
    });
    if (next.to === 'closed') {
      // Every reporter who left an address learns that it is closed, never how or by whom.
      const reporters = [signal, ...(await merge.listMergedInto(trx, key.municipalityId, key.id))];
      for (const r of reporters) {
        if (!r.reporter_email) continue;
        const t = translator(r.reporter_locale);
        await queueEmail({
          ctx,
          trx,
          organisationId: signal.organisation_id,
          to: r.reporter_email,
          subject: t('signals.closedEmail.subject'),
          text: t('signals.closedEmail.body', { reference: r.reference }),
        });
      }
    }
  });
}

/**
 * Hands a signal to an organisation working in its municipality and,
 * optionally, to one of its workers or coordinators. Only the meldpunt's
 * coordinators assign.
 */
export async function assignSignal(input: {
  ctx: AppContext;
  principal: Principal;
  key: Key;
  organisationId: string;
  userId?: string;
  ip: string;
}) {
  const { ctx, principal, key } = input;
  // Checked before the transaction: on PGlite's single connection, the
  // transaction may use only itself.
  const current = await repo.findSignal(ctx.db, key.municipalityId, key.id);
  assertMayTriage(assertMayRead(principal, current));
  const [organisation] = await listOrganisations({ ctx, ids: [input.organisationId] });
  if (!organisation?.active || !organisation.municipality_ids.includes(key.municipalityId))
    throw organisationNotInMunicipality();
  if (input.userId) {
    const member = (await listMembers({ ctx, organisationId: organisation.id })).find(
      (m) => m.id === input.userId,
    );
    if (!member?.active || (member.role !== 'worker' && member.role !== 'coordinator'))
      throw userNotInOrganisation();
  }
  await change(input, (_signal, access) => {
    assertMayTriage(access);
    return { to: 'assigned', assignedOrganisationId: organisation.id, assignedUserId: input.userId ?? null };
  });
}

/**
 * Moves a signal along its lifecycle: triaged (the meldpunt's coordinators),
 * contact attempted, in contact, closed with an outcome (they or whoever it
 * is assigned to). Closing tells a reporter who left an email address.
 */
export async function transitionSignal(input: {
  ctx: AppContext;
  principal: Principal;
  key: Key;
  status: 'triaged' | 'contact_attempted' | 'in_contact' | 'closed';
  outcome?: SignalOutcome;
  ip: string;
}) {
  if (input.status === 'closed' && !input.outcome) throw outcomeRequired();
  if (input.status !== 'closed' && input.outcome) throw outcomeOnlyWhenClosing();
  await change(input, (_signal, access) => {
    if (input.status === 'triaged') assertMayTriage(access);
    return { to: input.status, outcome: input.outcome };
  });
}

/** Adds a note to the signal's file, for everyone who may see it. */
export async function addSignalNote(input: {
  ctx: AppContext;
  principal: Principal;
  key: Key;
  body: string;
  ip: string;
}) {
  const { ctx, principal, key } = input;
  const signal = await repo.findSignal(ctx.db, key.municipalityId, key.id);
  assertMayRead(principal, signal);
  if (!signal) throw signalNotFound();
  const now = ctx.clock.now();
  const organisationId = actingOrganisation(principal, signal);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertNote(trx, {
      municipalityId: key.municipalityId,
      signalId: key.id,
      id,
      authorUserId: principal.user.id,
      authorOrganisationId: organisationId,
      body: input.body,
      at: now,
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId,
      action: 'signals.note_added',
      subjectType: 'signal',
      subjectId: key.id,
      ip: input.ip,
    });
  });
  return { id };
}
