import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { recordMeasurementBody } from '../../contracts/measurements.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB, Locale } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import {
  addTimelineEvent,
  type ClientForWork,
  loadClientForWork,
} from '../clients/clients.access.usecases.ts';
import { brusselsDate } from '../directory/directory.schedule.ts';
import type { InstrumentId } from './instruments/instrument.ts';
import { invalidTakenOn, occasionTaken, trackMismatch } from './measurements.errors.ts';
import { scoreColumns } from './measurements.models.ts';
import { presentMeasurement } from './measurements.records.presenters.ts';
import * as repo from './measurements.records.repository.ts';
import type { MeasurementMode } from './measurements.tables.ts';
import { scoreInstrument } from './measurements.usecases.ts';

type RecordBody = z.infer<typeof recordMeasurementBody>;
const EARLIEST = '1990-01-01';

/**
 * The track a measurement or self-fill link belongs to, checked: the same instrument and one of the track's
 * occasions (0 for the baseline). Undefined without a track; a field error when it does not fit.
 */
export async function findFittingTrack(
  db: Kysely<DB>,
  key: { organisationId: string; clientId: string },
  body: { instrumentId: string; trackId?: string | undefined; occasionMonths?: number | undefined },
) {
  if (body.trackId === undefined && body.occasionMonths === undefined) return undefined;
  const track = body.trackId ? await repo.findTrack(db, key, body.trackId) : undefined;
  const months = body.occasionMonths;
  if (
    !track ||
    months === undefined ||
    track.instrument_id !== body.instrumentId ||
    (months !== 0 && !track.follow_up_months.includes(months))
  )
    throw trackMismatch();
  return track;
}

/**
 * Scores the answers and stores them with the score, the instrument version
 * and, for a track, its occasion — in one transaction with the timeline event
 * and the audit row. Answers off the scale are refused with every problem
 * named and nothing stored; unanswered items give the instrument's own
 * "incomplete" status, which is stored as such.
 */
export async function storeMeasurement(input: {
  ctx: AppContext;
  client: ClientForWork;
  body: Omit<RecordBody, 'mode'> & { mode: MeasurementMode };
  recordedBy: string | null;
  audit: { actorUserId: string | null; ip: string | null };
  /** Runs in the same transaction after the insert; throwing undoes the measurement. */
  afterInsert?: (trx: Kysely<DB>, measurementId: string) => Promise<void>;
}): Promise<string> {
  const { ctx, client, body } = input;
  const result = scoreInstrument({
    instrumentId: body.instrumentId,
    answers: body.answers,
    threshold: body.threshold,
  });
  const today = brusselsDate(ctx.clock.now());
  if (body.takenOn > today || body.takenOn < EARLIEST) throw invalidTakenOn();
  const key = { organisationId: client.organisationId, clientId: client.clientId };
  const track = await findFittingTrack(ctx.db, key, body);
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await repo.insertMeasurement(trx, {
      organisation_id: client.organisationId,
      client_id: client.clientId,
      id,
      ...scoreColumns(result),
      mode: body.mode,
      taken_on: body.takenOn,
      answers: JSON.stringify(body.answers),
      track_id: track?.id ?? null,
      occasion_months: track ? (body.occasionMonths ?? null) : null,
      municipality_nis: client.municipalityNis,
      service_type: track?.service_type ?? null,
      recorded_by: input.recordedBy,
      created_at: now,
    });
    if (!stored) throw occasionTaken();
    await input.afterInsert?.(trx, id);
    await addTimelineEvent(trx, {
      ...key,
      at: now,
      kind: 'measurement_recorded',
      actorUserId: input.recordedBy,
      refType: 'measurement',
      refId: id,
      details: { instrument: result.instrument, mode: body.mode, status: result.status },
    });
    await recordAudit(trx, now, {
      actorUserId: input.audit.actorUserId,
      organisationId: client.organisationId,
      action: 'measurements.recorded',
      subjectType: 'client',
      subjectId: client.clientId,
      ip: input.audit.ip,
      details: { measurementId: id, instrument: result.instrument, mode: body.mode },
    });
  });
  return id;
}

/**
 * A worker records a measurement taken as interviewer or typed over from
 * paper; answers the stored measurement with its score and meaning.
 */
export async function recordMeasurement(input: {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  body: RecordBody;
  locale: Locale;
  ip: string;
}) {
  const client = await loadClientForWork({
    ctx: input.ctx,
    principal: input.principal,
    clientId: input.clientId,
    purpose: 'write',
  });
  const id = await storeMeasurement({
    ctx: input.ctx,
    client,
    body: input.body,
    recordedBy: input.principal.user.id,
    audit: { actorUserId: input.principal.user.id, ip: input.ip },
  });
  const [row] = await repo.listMeasurements(input.ctx.db, client, id);
  if (!row) throw new Error(`measurement ${id} was stored but cannot be read back`);
  return presentMeasurement(row, input.locale);
}

/** A client's measurements, newest first, each with its score and what it means in plain words (audited read). */
export async function listClientMeasurements(input: {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  locale: Locale;
  ip: string;
}) {
  const client = await loadClientForWork({
    ctx: input.ctx,
    principal: input.principal,
    clientId: input.clientId,
    purpose: 'read',
    audit: { action: 'measurements.read', ip: input.ip },
  });
  const rows = await repo.listMeasurements(input.ctx.db, client);
  return { items: rows.map((row) => presentMeasurement(row, input.locale)) };
}

/** Everything measured about a client, for an access request (as stored, with scores). */
export async function exportClientMeasurements(
  db: Kysely<DB>,
  key: { organisationId: string; clientId: string },
) {
  const rows = await repo.listMeasurements(db, key);
  return rows.map((r) => ({
    id: r.id,
    instrument: r.instrument_id as InstrumentId,
    instrumentVersion: r.instrument_version,
    mode: r.mode,
    takenOn: r.taken_on,
    answers: r.answers,
    status: r.status,
    total: r.total,
    emotional: r.emotional,
    social: r.social,
    category: r.category,
  }));
}
