import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type {
  CreateSnapshotBody,
  MapSource,
  NetworkMapView,
  SaveNetworkMapBody,
  SnapshotSummaryView,
  SnapshotView,
} from '../../contracts/networks-api.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import {
  addTimelineEvent,
  type ClientForWork,
  loadClientForWork,
} from '../clients/clients.access.usecases.ts';
import {
  mapInvalid,
  NetworkVersionConflict,
  noMapYet,
  snapshotNotFound,
  takenOnInFuture,
  takenOnTooEarly,
} from './networks.errors.ts';
import { assertMayEditMap, assertMayUseNetworks } from './networks.policies.ts';
import {
  countsOf,
  type LoadedMap,
  presentMap,
  presentSnapshot,
  presentSnapshotSummary,
} from './networks.presenters.ts';
import * as repo from './networks.repository.ts';
import { type MapProblem, validateNetworkMap } from './networks.validate.ts';

/** Who asks, about which client, from where. */
export interface NetworkRequest {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  ip: string;
}

const EARLIEST_SNAPSHOT = '1900-01-01';

/** Brussels calendar date of an instant, YYYY-MM-DD: "today" for the worker at the kitchen table. */
export function brusselsToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}

/**
 * The client, if this person may use network maps and work with this client;
 * a read names its audit action (written by the clients module), a write
 * also needs a worker's role and a registration consent still in force.
 */
export async function clientForNetwork(
  input: NetworkRequest,
  purpose: 'read' | 'write',
  auditAction?: string,
): Promise<ClientForWork> {
  assertMayUseNetworks(input.principal);
  const client = await loadClientForWork({
    ctx: input.ctx,
    principal: input.principal,
    clientId: input.clientId,
    purpose,
    ...(auditAction ? { audit: { action: auditAction, ip: input.ip } } : {}),
  });
  if (purpose === 'write') assertMayEditMap(input.principal, client.organisationId);
  return client;
}

const keyOf = (client: ClientForWork): repo.ClientKey => ({
  organisationId: client.organisationId,
  clientId: client.clientId,
});

/** The client's current map (an empty map at version 0 before the first save). Audited. */
export async function getNetworkMap(input: NetworkRequest): Promise<NetworkMapView> {
  const client = await clientForNetwork(input, 'read', 'networks.map_read');
  return presentMap(await repo.findMap(input.ctx.db, keyOf(client)));
}

/**
 * Dates the validator cannot judge without a clock: nobody is born, dies or
 * starts a partnership after this year.
 */
export function futureYearProblems(doc: NetworkMapDocument, year: number): MapProblem[] {
  const problems: MapProblem[] = [];
  doc.genogram.people.forEach((p, i) => {
    if (p.birthYear !== undefined && p.birthYear > year)
      problems.push({ path: `genogram.people.${i}.birthYear`, code: 'networks.year_in_future' });
    if (p.deathYear !== undefined && p.deathYear > year)
      problems.push({ path: `genogram.people.${i}.deathYear`, code: 'networks.year_in_future' });
  });
  doc.genogram.partnerships.forEach((p, i) => {
    if (p.since !== undefined && p.since > year)
      problems.push({ path: `genogram.partnerships.${i}.since`, code: 'networks.year_in_future' });
  });
  return problems;
}

/**
 * Saves the map when `version` is still the current one; otherwise answers
 * 409 with the map as it is now, so a concurrent edit is shown, never lost.
 * A map with structural problems is refused whole, every problem named.
 */
export async function saveNetworkMap(
  input: NetworkRequest & { body: SaveNetworkMapBody },
): Promise<{ version: number; updatedAt: string }> {
  const { ctx, principal, body } = input;
  const client = await clientForNetwork(input, 'write');
  const now = ctx.clock.now();
  const problems = [
    ...validateNetworkMap(body.document),
    ...futureYearProblems(body.document, Number(brusselsToday(now).slice(0, 4))),
  ];
  if (problems.length > 0) throw mapInvalid(problems);
  const key = keyOf(client);
  const counts = countsOf(body.document);
  const version = await ctx.db.transaction().execute(async (trx) => {
    const saved = await repo.saveMapAtVersion(
      trx,
      { ...key, document: body.document, at: now, by: principal.user.id },
      body.version,
    );
    if (saved === undefined) return undefined;
    await addTimelineEvent(trx, {
      ...key,
      at: now,
      kind: 'network_map_saved',
      actorUserId: principal.user.id,
      details: { version: saved, ...counts },
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId: key.organisationId,
      action: 'networks.map_saved',
      subjectType: 'client',
      subjectId: key.clientId,
      ip: input.ip,
      details: { version: saved, ...counts },
    });
    return saved;
  });
  if (version === undefined) throw new NetworkVersionConflict(presentMap(await repo.findMap(ctx.db, key)));
  return { version, updatedAt: now.toISOString() };
}

/** Keeps the saved map as it is, for a date: the "before" of a later comparison. */
export async function createSnapshot(
  input: NetworkRequest & { body: CreateSnapshotBody },
): Promise<SnapshotSummaryView> {
  const { ctx, principal, body } = input;
  const client = await clientForNetwork(input, 'write');
  const now = ctx.clock.now();
  if (body.takenOn > brusselsToday(now)) throw takenOnInFuture();
  if (body.takenOn < EARLIEST_SNAPSHOT) throw takenOnTooEarly();
  const key = keyOf(client);
  const map = await repo.findMap(ctx.db, key);
  if (!map) throw noMapYet();
  const id = newId();
  const label = body.label ? body.label : null;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSnapshot(trx, {
      ...key,
      id,
      takenOn: body.takenOn,
      label,
      document: map.document,
      mapVersion: map.version,
      at: now,
      by: principal.user.id,
    });
    await addTimelineEvent(trx, {
      ...key,
      at: now,
      kind: 'network_snapshot_taken',
      actorUserId: principal.user.id,
      refType: 'network_snapshot',
      refId: id,
      details: { takenOn: body.takenOn, ...countsOf(map.document) },
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId: key.organisationId,
      action: 'networks.snapshot_taken',
      subjectType: 'client',
      subjectId: key.clientId,
      ip: input.ip,
      details: { snapshotId: id },
    });
  });
  return presentSnapshotSummary({
    id,
    taken_on: body.takenOn,
    label,
    map_version: map.version,
    created_at: now,
    created_by: principal.user.id,
    created_by_name: principal.user.name,
    counts: countsOf(map.document),
  });
}

/** The client's snapshots, newest date first. Audited (labels can say something about the person). */
export async function listSnapshots(input: NetworkRequest): Promise<SnapshotSummaryView[]> {
  const client = await clientForNetwork(input, 'read', 'networks.snapshots_listed');
  const rows = await repo.listSnapshots(input.ctx.db, keyOf(client));
  return rows.map((row) =>
    presentSnapshotSummary({
      ...row,
      counts: { members: row.members, ties: row.ties, people: row.people, cards: row.cards },
    }),
  );
}

/** One snapshot with its map. Audited. */
export async function getSnapshot(input: NetworkRequest & { snapshotId: string }): Promise<SnapshotView> {
  const client = await clientForNetwork(input, 'read', 'networks.snapshot_read');
  const row = await repo.findSnapshot(input.ctx.db, keyOf(client), input.snapshotId);
  if (!row) throw snapshotNotFound();
  return presentSnapshot(row);
}

/** The current saved map (empty at version 0 before the first save) or one of the client's snapshots. */
export async function loadMap(ctx: AppContext, client: ClientForWork, source: MapSource): Promise<LoadedMap> {
  if (source === 'current') {
    const view = presentMap(await repo.findMap(ctx.db, keyOf(client)));
    return { kind: 'current', document: view.document, version: view.version, updatedAt: view.updatedAt };
  }
  const row = await repo.findSnapshot(ctx.db, keyOf(client), source);
  if (!row) throw snapshotNotFound();
  return { kind: 'snapshot', document: row.document, row };
}
