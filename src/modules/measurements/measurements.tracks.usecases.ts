import type { z } from 'zod';
import type { createTrackBody } from '../../contracts/measurements.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { publicUrl } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { newId, randomToken, sha256 } from '../../platform/ids.ts';
import { enqueue } from '../../platform/jobs/jobs.ts';
import { listMembers } from '../accounts/accounts.admin.usecases.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import {
  addTimelineEvent,
  assignedUserIds,
  loadClientForWork,
  loadRegisteredClient,
  selfFillAddress,
} from '../clients/clients.access.usecases.ts';
import { getPublishedEntry } from '../directory/directory.usecases.ts';
import { queueEmail } from '../notifications/notifications.usecases.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import { trackNotFound, trackServiceRequired } from './measurements.errors.ts';
import { addMonths, followUpDue } from './measurements.models.ts';
import * as records from './measurements.records.repository.ts';
import { selfFillUrl } from './measurements.selffill.usecases.ts';
import * as repo from './measurements.tracks.repository.ts';

export const FOLLOW_UP_QUEUE = 'measurements.follow_up';
const SELF_FILL_VALID_DAYS = 21;
const DAY = 86_400_000;

/**
 * Starts a follow-up track when the person begins with an initiative, a buddy
 * or a telephone circle: a baseline now (measured by the worker), and for
 * each follow-up month a durable job that reminds the assigned workers and,
 * when the person agreed to it, emails them a self-fill link.
 */
export async function startTrack(input: {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  body: z.infer<typeof createTrackBody>;
  ip: string;
}) {
  const { ctx, principal, body } = input;
  const client = await loadClientForWork({ ctx, principal, clientId: input.clientId, purpose: 'write' });
  let service: { organisationId: string; id: string; type: string; name: string } | null = null;
  if (body.context === 'initiative') {
    if (!body.serviceId) throw trackServiceRequired();
    const { row } = await getPublishedEntry({ ctx, id: body.serviceId });
    service = { organisationId: row.organisation_id, id: row.id, type: row.type, name: row.name };
  }
  const id = newId();
  const now = ctx.clock.now();
  const months = [...new Set(body.followUpMonths)].sort((a, b) => a - b);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertTrack(trx, {
      organisation_id: client.organisationId,
      client_id: client.clientId,
      id,
      instrument_id: body.instrumentId,
      context: body.context,
      service_type: service?.type ?? null,
      service_organisation_id: service?.organisationId ?? null,
      service_id: service?.id ?? null,
      service_name: service?.name ?? null,
      started_on: body.startedOn,
      follow_up_months: months,
      self_fill: body.selfFill,
      created_by: principal.user.id,
      created_at: now,
    });
    for (const m of months)
      await enqueue(trx, {
        queue: FOLLOW_UP_QUEUE,
        key: `${id}:${m}`,
        now,
        runAt: followUpDue(body.startedOn, m),
        payload: { organisationId: client.organisationId, clientId: client.clientId, trackId: id, months: m },
      });
    await addTimelineEvent(trx, {
      organisationId: client.organisationId,
      clientId: client.clientId,
      at: now,
      kind: 'measurement_track_started',
      actorUserId: principal.user.id,
      refType: 'measurement_track',
      refId: id,
      details: { instrument: body.instrumentId, context: body.context, followUpMonths: months },
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId: client.organisationId,
      action: 'measurements.track_started',
      subjectType: 'client',
      subjectId: client.clientId,
      ip: input.ip,
      details: { trackId: id },
    });
  });
  return { id };
}

/** A client's tracks, each with its occasions: when due and whether measured. */
export async function listTracks(input: { ctx: AppContext; principal: Principal; clientId: string }) {
  const { ctx } = input;
  const client = await loadClientForWork({
    ctx,
    principal: input.principal,
    clientId: input.clientId,
    purpose: 'read',
  });
  const [tracks, measured] = await Promise.all([
    repo.listTracks(ctx.db, client),
    repo.measuredOccasions(ctx.db, client),
  ]);
  return {
    items: tracks.map((t) => ({
      id: t.id,
      instrumentId: t.instrument_id,
      context: t.context,
      serviceType: t.service_type,
      serviceId: t.service_id,
      serviceName: t.service_name,
      startedOn: t.started_on,
      selfFill: t.self_fill,
      status: t.status,
      occasions: [0, ...t.follow_up_months].map((months) => {
        const m = measured.find((x) => x.track_id === t.id && x.occasion_months === months);
        return {
          months,
          dueOn: addMonths(t.started_on, months),
          measurementId: m?.id ?? null,
          takenOn: m?.taken_on ?? null,
        };
      }),
    })),
  };
}

/** Stops a track: no more reminders (measurements already taken stay). */
export async function stopTrack(input: {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  trackId: string;
  ip: string;
}) {
  const { ctx, principal } = input;
  const client = await loadClientForWork({ ctx, principal, clientId: input.clientId, purpose: 'write' });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.stopTrack(trx, client, input.trackId))) throw trackNotFound();
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId: client.organisationId,
      action: 'measurements.track_stopped',
      subjectType: 'client',
      subjectId: client.clientId,
      ip: input.ip,
      details: { trackId: input.trackId },
    });
  });
}

/**
 * A follow-up is due: unless the track stopped, the occasion was measured, or
 * the person's record no longer allows new data, remind the assigned workers
 * (each in their own language) and, when the track says so and the person
 * agreed to receive links, email the person a self-fill link. The reminder is
 * claimed in the same transaction as the emails: a second run sends nothing.
 */
export async function sendFollowUpReminder(
  ctx: AppContext,
  payload: { organisationId: string; clientId: string; trackId: string; months: number },
): Promise<{ workers: number; selfFill: boolean }> {
  const key = { organisationId: payload.organisationId, clientId: payload.clientId };
  const none = { workers: 0, selfFill: false };
  const track = await records.findTrack(ctx.db, key, payload.trackId);
  if (track?.status !== 'active') return none;
  if (await repo.occasionMeasured(ctx.db, key, payload.trackId, payload.months)) return none;
  const client = await loadRegisteredClient(ctx.db, key);
  if (!client) return none;
  const assigned = new Set(await assignedUserIds(ctx.db, key));
  const workers = (await listMembers({ ctx, organisationId: key.organisationId })).filter(
    (m) => m.active && assigned.has(m.id) && m.role !== 'admin',
  );
  const address = track.self_fill ? await selfFillAddress(ctx.db, key) : null;
  const now = ctx.clock.now();
  const instrument = INSTRUMENTS[track.instrument_id];
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.claimReminder(trx, key, payload.trackId, payload.months, now))) return none;
    for (const w of workers) {
      const t = translator(w.locale);
      await queueEmail({
        ctx,
        trx,
        organisationId: key.organisationId,
        to: w.email,
        subject: t('measurements.followUpEmail.subject', { months: payload.months }),
        text: t('measurements.followUpEmail.body', {
          name: w.name,
          months: payload.months,
          instrument: instrument.name[w.locale],
          url: `${publicUrl(ctx.config)}/clients/${key.clientId}`,
        }),
      });
    }
    if (address) {
      const token = randomToken();
      await records.insertSelfFillLink(trx, {
        token_hash: sha256(token),
        organisation_id: key.organisationId,
        client_id: key.clientId,
        id: newId(),
        instrument_id: track.instrument_id,
        track_id: track.id,
        occasion_months: payload.months,
        locale: 'nl-BE',
        created_by: null,
        created_at: now,
        expires_at: new Date(now.getTime() + SELF_FILL_VALID_DAYS * DAY),
      });
      const t = translator('nl-BE');
      await queueEmail({
        ctx,
        trx,
        organisationId: key.organisationId,
        to: address,
        subject: t('measurements.selfFillEmail.subject'),
        text: t('measurements.selfFillEmail.body', {
          url: selfFillUrl(publicUrl(ctx.config), token),
          days: SELF_FILL_VALID_DAYS,
        }),
      });
    }
    await addTimelineEvent(trx, {
      ...key,
      at: now,
      kind: 'measurement_follow_up_due',
      actorUserId: null,
      refType: 'measurement_track',
      refId: track.id,
      details: { months: payload.months, workers: workers.length, selfFill: address !== null },
    });
    return { workers: workers.length, selfFill: address !== null };
  });
}
