import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import {
  findAssignedUserIds,
  findClientForAccess,
  findSelfFillAddress,
  insertTimelineEvent,
} from './clients.access.repository.ts';
import { clientNotFound, consentWithdrawn } from './clients.errors.ts';
import { assertMayWorkWithClient } from './clients.policies.ts';

/** What another module needs to know of a client it works on. */
export interface ClientForWork {
  organisationId: string;
  clientId: string;
  displayName: string;
  municipalityNis: string;
  postcode: string | null;
  /** False once the person withdrew their consent to be registered. */
  registered: boolean;
}

function forWork(found: NonNullable<Awaited<ReturnType<typeof findClientForAccess>>>): ClientForWork {
  const { client } = found;
  return {
    organisationId: client.organisation_id,
    clientId: client.id,
    displayName: [client.given_name, client.family_name].filter(Boolean).join(' '),
    municipalityNis: client.municipality_nis,
    postcode: client.postcode,
    registered: found.registered,
  };
}

/**
 * The entry point for other modules (network maps, measurements, ...) to a
 * client: checks that this person may work with the record (outsiders hear
 * "not found", so its existence is not revealed; a member of the organisation
 * whose role does not reach client data hears "not allowed"), refuses writes once the
 * registration consent is withdrawn, and writes one audit row per read of
 * personal data (`audit` names the action, e.g. 'networks.map_read').
 */
export async function loadClientForWork(input: {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  purpose: 'read' | 'write';
  audit?: { action: string; ip: string };
}): Promise<ClientForWork> {
  const { ctx, principal } = input;
  const found = await findClientForAccess(ctx.db, input.clientId);
  if (!found) throw clientNotFound();
  assertMayWorkWithClient(principal, found.client, found.assignedUserIds);
  if (input.purpose === 'write' && (!found.registered || found.client.status === 'closed'))
    throw consentWithdrawn();
  if (input.audit) {
    await recordAudit(ctx.db, ctx.clock.now(), {
      actorUserId: principal.user.id,
      organisationId: found.client.organisation_id,
      action: input.audit.action,
      subjectType: 'client',
      subjectId: found.client.id,
      ip: input.audit.ip,
    });
  }
  return forWork(found);
}

/**
 * Adds an event to a client's timeline, inside the caller's transaction.
 * `details` holds codes and counts only, never free text about the person.
 */
export async function addTimelineEvent(
  db: Kysely<DB>,
  event: {
    organisationId: string;
    clientId: string;
    at: Date;
    kind: string;
    actorUserId: string | null;
    refType?: string;
    refId?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await insertTimelineEvent(db, { ...event, id: newId() });
}

/**
 * For work done without a logged-in person (a self-fill link, a reminder job):
 * the client when the record exists, is open and the person's registration
 * consent is still in force; null otherwise. No audit row: nobody reads it.
 */
export async function loadRegisteredClient(
  db: Kysely<DB>,
  key: { organisationId: string; clientId: string },
): Promise<ClientForWork | null> {
  const found = await findClientForAccess(db, key.clientId);
  if (!found || found.client.organisation_id !== key.organisationId) return null;
  if (!found.registered || found.client.status === 'closed') return null;
  return forWork(found);
}

/**
 * Where to send a self-fill link by email: the client's address, only while
 * the person's consent to receive such links ('self_fill') is in force.
 */
export const selfFillAddress = (db: Kysely<DB>, key: { organisationId: string; clientId: string }) =>
  findSelfFillAddress(db, key);

/** The users assigned to a client, for reminders about the person. */
export const assignedUserIds = (db: Kysely<DB>, key: { organisationId: string; clientId: string }) =>
  findAssignedUserIds(db, key);
