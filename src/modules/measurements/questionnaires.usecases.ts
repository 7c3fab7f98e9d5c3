import type { Kysely } from 'kysely';
import type { Definition } from '../../contracts/questionnaires.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB, Locale } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import {
  invalidDefinition,
  questionnaireRetired,
  versionHasAnswers,
  versionNotFound,
} from './questionnaires.errors.ts';
import { definitionProblems, responsesCsv } from './questionnaires.models.ts';
import {
  assertMayManageQuestionnaire,
  assertMayWriteQuestionnaires,
  managedOrganisations,
} from './questionnaires.policies.ts';
import { definitionOf, presentDefinitionExport, presentSummary } from './questionnaires.presenters.ts';
import * as repo from './questionnaires.repository.ts';

interface CoordinatorInput {
  ctx: AppContext;
  principal: Principal;
  ip: string;
}

function checkDefinition(definition: Definition) {
  const problems = definitionProblems(definition);
  if (problems.length > 0) throw invalidDefinition(problems);
}

async function audit(
  db: Kysely<DB>,
  input: CoordinatorInput,
  organisationId: string,
  action: string,
  subjectId: string,
  details: Record<string, unknown> = {},
) {
  await recordAudit(db, input.ctx.clock.now(), {
    actorUserId: input.principal.user.id,
    organisationId,
    action,
    subjectType: 'questionnaire',
    subjectId,
    ip: input.ip,
    details,
  });
}

/** The questionnaire when this coordinator manages it (404 for outsiders, 403 for other roles). */
async function openQuestionnaire(
  input: CoordinatorInput & { id: string },
  db = input.ctx.db,
  lock?: 'update',
) {
  const found = await repo.findQuestionnaire(db, input.id, lock);
  assertMayManageQuestionnaire(input.principal, found);
  return found;
}

/** A coordinator writes a new questionnaire for their organisation: version 1, active at once. */
export async function createQuestionnaire(
  input: CoordinatorInput & { organisationId: string; definition: Definition },
) {
  assertMayWriteQuestionnaires(input.principal, input.organisationId);
  checkDefinition(input.definition);
  const id = newId();
  const at = input.ctx.clock.now();
  await input.ctx.db.transaction().execute(async (trx) => {
    await repo.insertQuestionnaire(trx, {
      organisation_id: input.organisationId,
      id,
      created_by: input.principal.user.id,
      created_at: at,
    });
    await repo.insertVersion(
      trx,
      { organisationId: input.organisationId, questionnaireId: id, version: 1 },
      input.definition,
      { userId: input.principal.user.id, at },
    );
    await audit(trx, input, input.organisationId, 'questionnaires.created', id, { version: 1 });
  });
  return { id, version: 1 };
}

/** The questionnaires of one (or every) organisation this person coordinates, retired ones last. */
export async function listQuestionnaires(
  input: Omit<CoordinatorInput, 'ip'> & { organisationId?: string | undefined; locale: Locale },
) {
  let organisations = managedOrganisations(input.principal);
  if (input.organisationId) {
    assertMayWriteQuestionnaires(input.principal, input.organisationId);
    organisations = [input.organisationId];
  }
  const rows = await repo.listQuestionnaires(input.ctx.db, organisations);
  return { items: rows.map((r) => presentSummary(r, input.locale)) };
}

/** One questionnaire: its current version as written (every language), its versions and answer counts. */
export async function getQuestionnaire(input: Omit<CoordinatorInput, 'ip'> & { id: string; locale: Locale }) {
  const q = await openQuestionnaire({ ...input, ip: '' });
  const key = { organisationId: q.organisation_id, questionnaireId: q.id };
  const [rows, versions] = await Promise.all([
    repo.listQuestionnaires(input.ctx.db, [q.organisation_id]),
    repo.listVersions(input.ctx.db, key),
  ]);
  const row = rows.find((r) => r.id === q.id);
  if (!row) throw versionNotFound(q.current_version);
  const current = versions.find((v) => v.version === q.current_version);
  return {
    ...presentSummary(row, input.locale),
    definition: definitionOf(row),
    editable: q.status === 'active' && (current?.responses ?? 0) === 0,
    versions,
  };
}

/**
 * Changes the current version in place — only while nobody answered it.
 * Answered versions stay as they were asked: the coordinator makes a new
 * version instead (409 naming the version, nothing changed).
 */
export async function updateQuestionnaire(input: CoordinatorInput & { id: string; definition: Definition }) {
  await openQuestionnaire(input);
  checkDefinition(input.definition);
  await input.ctx.db.transaction().execute(async (trx) => {
    const q = await openQuestionnaire(input, trx, 'update');
    if (q.status === 'retired') throw questionnaireRetired();
    const key = { organisationId: q.organisation_id, questionnaireId: q.id, version: q.current_version };
    await repo.findVersion(trx, key, 'update');
    const answered = await repo.countResponses(trx, key);
    if (answered > 0) throw versionHasAnswers(key.version, answered);
    await repo.updateVersion(trx, key, input.definition, {
      userId: input.principal.user.id,
      at: input.ctx.clock.now(),
    });
    await audit(trx, input, q.organisation_id, 'questionnaires.updated', q.id, { version: key.version });
  });
}

/** A new version becomes the current one; earlier answers keep pointing at the version they answered. */
export async function createVersion(input: CoordinatorInput & { id: string; definition: Definition }) {
  await openQuestionnaire(input);
  checkDefinition(input.definition);
  return input.ctx.db.transaction().execute(async (trx) => {
    const q = await openQuestionnaire(input, trx, 'update');
    if (q.status === 'retired') throw questionnaireRetired();
    const key = { organisationId: q.organisation_id, questionnaireId: q.id, version: q.current_version + 1 };
    await repo.insertVersion(trx, key, input.definition, {
      userId: input.principal.user.id,
      at: input.ctx.clock.now(),
    });
    await repo.setCurrentVersion(trx, key);
    await audit(trx, input, q.organisation_id, 'questionnaires.version_created', q.id, {
      version: key.version,
    });
    return { id: q.id, version: key.version };
  });
}

/** No new answers from now on; what was answered stays, and stays exportable. */
export async function retireQuestionnaire(input: CoordinatorInput & { id: string }) {
  await input.ctx.db.transaction().execute(async (trx) => {
    const q = await openQuestionnaire(input, trx, 'update');
    if (q.status === 'retired') return;
    await repo.retire(
      trx,
      { organisationId: q.organisation_id, id: q.id },
      { userId: input.principal.user.id, at: input.ctx.clock.now() },
    );
    await audit(trx, input, q.organisation_id, 'questionnaires.retired', q.id);
  });
}

async function openVersion(input: CoordinatorInput & { id: string; version: number }) {
  const q = await openQuestionnaire(input);
  const key = { organisationId: q.organisation_id, questionnaireId: q.id, version: input.version };
  const version = await repo.findVersion(input.ctx.db, key);
  if (!version) throw versionNotFound(input.version);
  return { q, key, version };
}

/** One version's definition as written, for the coordinator to keep or share. */
export async function exportDefinition(input: CoordinatorInput & { id: string; version: number }) {
  const { version } = await openVersion(input);
  return presentDefinitionExport(version);
}

/**
 * Every answer to one version as CSV (one row per response, one column per
 * item code), without names: what was answered, not who. Audited.
 */
export async function exportResponsesCsv(input: CoordinatorInput & { id: string; version: number }) {
  const { q, key, version } = await openVersion(input);
  const responses = await repo.listVersionResponses(input.ctx.db, key);
  await audit(input.ctx.db, input, q.organisation_id, 'questionnaires.csv_exported', q.id, {
    version: key.version,
    rows: responses.length,
  });
  return responsesCsv(version.items, responses);
}
