import type { z } from 'zod';
import type { createSelfFillLinkBody, selfFillSubmitBody } from '../../contracts/measurements.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { publicUrl } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { newId, randomToken, sha256 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { loadClientForWork, loadRegisteredClient } from '../clients/clients.access.usecases.ts';
import { brusselsDate } from '../directory/directory.schedule.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import { linkExpired, linkUnknown, linkUsed } from './measurements.errors.ts';
import { presentInstrument } from './measurements.presenters.ts';
import * as repo from './measurements.records.repository.ts';
import { findFittingTrack, storeMeasurement } from './measurements.records.usecases.ts';

const DAY = 86_400_000;

/** The web page that opens a self-fill link; the token rides in the fragment, so no server log holds it. */
export const selfFillUrl = (baseUrl: string, token: string) => `${baseUrl}/invullen#${token}`;

/**
 * A single-use link with which the person answers one questionnaire on their
 * own phone or tablet, without an account. Only the token's hash is stored.
 */
export async function createSelfFillLink(input: {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  body: z.infer<typeof createSelfFillLinkBody>;
  ip: string;
}) {
  const { ctx, principal, body } = input;
  const client = await loadClientForWork({ ctx, principal, clientId: input.clientId, purpose: 'write' });
  await findFittingTrack(ctx.db, client, body);
  const token = randomToken();
  const now = ctx.clock.now();
  const id = newId();
  const expiresAt = new Date(now.getTime() + body.validDays * DAY);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSelfFillLink(trx, {
      token_hash: sha256(token),
      organisation_id: client.organisationId,
      client_id: client.clientId,
      id,
      instrument_id: body.instrumentId,
      track_id: body.trackId ?? null,
      occasion_months: body.occasionMonths ?? null,
      locale: body.locale ?? 'nl-BE',
      created_by: principal.user.id,
      created_at: now,
      expires_at: expiresAt,
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId: client.organisationId,
      action: 'measurements.self_fill_link_created',
      subjectType: 'client',
      subjectId: client.clientId,
      ip: input.ip,
      details: { linkId: id, instrument: body.instrumentId },
    });
  });
  return { id, url: selfFillUrl(publicUrl(ctx.config), token), expiresAt };
}

/** The link, refused when unknown, used, expired or when the person's record no longer allows new data. */
async function usableLink(ctx: AppContext, token: string) {
  const link = await repo.findSelfFillLink(ctx.db, sha256(token));
  if (!link) throw linkUnknown();
  if (link.used_at) throw linkUsed();
  if (link.expires_at.getTime() <= ctx.clock.now().getTime()) throw linkExpired();
  const client = await loadRegisteredClient(ctx.db, {
    organisationId: link.organisation_id,
    clientId: link.client_id,
  });
  if (!client) throw linkUnknown();
  return { link, client };
}

/**
 * What the person sees when opening the link: the questions in the language
 * chosen for them when the link was made (or the one they switched to), and
 * until when the link works. Nothing about the person or the organisation.
 */
export async function openSelfFill(input: { ctx: AppContext; token: string; locale?: Locale }) {
  const { link } = await usableLink(input.ctx, input.token);
  const definition = INSTRUMENTS[link.instrument_id];
  const locale = input.locale ?? link.locale;
  return { locale, instrument: presentInstrument(definition, locale), expiresAt: link.expires_at };
}

/**
 * Stores the person's answers once: the link is locked, checked and marked
 * used in the same transaction as the measurement, so a second submission
 * (a double tap, a second tab) is refused and nothing is stored twice.
 */
export async function submitSelfFill(input: {
  ctx: AppContext;
  body: z.infer<typeof selfFillSubmitBody>;
  ip: string;
}) {
  const { ctx, body } = input;
  const { link, client } = await usableLink(ctx, body.token);
  const tokenHash = sha256(body.token);
  const measurementId = await storeMeasurement({
    ctx,
    client,
    body: {
      instrumentId: link.instrument_id,
      mode: 'self_fill',
      takenOn: brusselsDate(ctx.clock.now()),
      answers: body.answers,
      ...(link.track_id ? { trackId: link.track_id } : {}),
      ...(link.occasion_months !== null ? { occasionMonths: link.occasion_months } : {}),
    },
    recordedBy: null,
    audit: { actorUserId: null, ip: input.ip },
    afterInsert: async (trx, id) => {
      if (!(await repo.markSelfFillLinkUsed(trx, tokenHash, ctx.clock.now(), id))) throw linkUsed();
    },
  });
  return { done: true as const, measurementId };
}
