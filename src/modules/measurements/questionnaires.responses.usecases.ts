import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { recordResponseBody } from '../../contracts/questionnaires.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB, Locale } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { addTimelineEvent, loadClientForWork } from '../clients/clients.access.usecases.ts';
import { brusselsDate } from '../directory/directory.schedule.ts';
import {
  invalidAnsweredOn,
  invalidAnswers,
  questionnaireRetired,
  unknownQuestionnaire,
  versionOutdated,
} from './questionnaires.errors.ts';
import { checkAnswers, localize } from './questionnaires.models.ts';
import { assertMayRecordAnswers } from './questionnaires.policies.ts';
import { presentFillable, presentResponse } from './questionnaires.presenters.ts';
import * as repo from './questionnaires.repository.ts';

type RecordBody = z.infer<typeof recordResponseBody>;
const EARLIEST = '1990-01-01';

/**
 * What a client's page shows of custom questionnaires: the organisation's
 * active ones to fill in, and this person's answers in words (audited read).
 */
export async function listClientQuestionnaires(input: {
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
    audit: { action: 'questionnaires.read', ip: input.ip },
  });
  const [active, responses] = await Promise.all([
    repo.listQuestionnaires(input.ctx.db, [client.organisationId], 'active'),
    repo.listClientResponses(input.ctx.db, client),
  ]);
  return {
    available: active.map((q) => presentFillable(q, input.locale)),
    responses: responses.map((r) => presentResponse(r, input.locale)),
  };
}

/**
 * A worker stores a person's answers to the current version of one of the
 * organisation's active questionnaires. Every problem is named (unknown item,
 * answer off its scale, required item open, text too long) and nothing is
 * stored; the answers are never scored.
 */
export async function recordResponse(input: {
  ctx: AppContext;
  principal: Principal;
  clientId: string;
  body: RecordBody;
  ip: string;
}) {
  const { ctx, body } = input;
  const client = await loadClientForWork({
    ctx,
    principal: input.principal,
    clientId: input.clientId,
    purpose: 'write',
  });
  assertMayRecordAnswers(input.principal, client.organisationId);
  const today = brusselsDate(ctx.clock.now());
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const q = await repo.findQuestionnaire(trx, body.questionnaireId);
    if (!q || q.organisation_id !== client.organisationId) throw unknownQuestionnaire();
    if (q.status === 'retired') throw questionnaireRetired();
    if (body.version !== q.current_version) throw versionOutdated(q.current_version);
    const key = { organisationId: q.organisation_id, questionnaireId: q.id, version: q.current_version };
    const version = await repo.findVersion(trx, key, 'share');
    if (!version) throw versionOutdated(q.current_version);
    const checked = checkAnswers(version.items, body.answers);
    if (checked.problems.length > 0) throw invalidAnswers(checked.problems);
    if (body.answeredOn > today || body.answeredOn < EARLIEST) throw invalidAnsweredOn();
    await repo.insertResponse(trx, {
      organisation_id: client.organisationId,
      client_id: client.clientId,
      id,
      questionnaire_id: q.id,
      questionnaire_version: key.version,
      answered_on: body.answeredOn,
      answers: JSON.stringify(checked.answers),
      recorded_by: input.principal.user.id,
      created_at: now,
    });
    await addTimelineEvent(trx, {
      organisationId: client.organisationId,
      clientId: client.clientId,
      at: now,
      kind: 'questionnaire_answered',
      actorUserId: input.principal.user.id,
      refType: 'questionnaire_response',
      refId: id,
      details: { questionnaireId: q.id, version: key.version },
    });
    await recordAudit(trx, now, {
      actorUserId: input.principal.user.id,
      organisationId: client.organisationId,
      action: 'questionnaires.response_recorded',
      subjectType: 'client',
      subjectId: client.clientId,
      ip: input.ip,
      details: { responseId: id, questionnaireId: q.id, version: key.version },
    });
  });
  return { id };
}

/** A client's answers for their access request: questions and answers in the request's language (Dutch where not translated) and as stored. */
export async function exportClientResponses(
  db: Kysely<DB>,
  key: { organisationId: string; clientId: string },
  locale: Locale,
) {
  const rows = await repo.listClientResponses(db, key);
  return rows.map((r) => {
    const words = presentResponse(r, locale);
    return {
      id: r.id,
      questionnaire: localize(r.title, locale),
      questionnaireId: r.questionnaire_id,
      version: r.questionnaire_version,
      answeredOn: r.answered_on,
      recordedAt: r.created_at.toISOString(),
      answers: words.answers.map((a) => ({
        code: a.code,
        question: a.question,
        answer: a.answer,
        stored: r.answers[a.code] ?? null,
      })),
    };
  });
}
