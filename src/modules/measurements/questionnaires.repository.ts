import { type Insertable, type Kysely, sql } from 'kysely';
import type { Definition } from '../../contracts/questionnaires.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Answers } from './questionnaires.models.ts';
import type { QuestionnaireResponsesTable } from './questionnaires.tables.ts';

type ClientKey = { organisationId: string; clientId: string };
type VersionKey = { organisationId: string; questionnaireId: string; version: number };

const dateText = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export interface VersionRow {
  organisation_id: string;
  questionnaire_id: string;
  version: number;
  title: Definition['title'];
  intro: Definition['intro'];
  items: Definition['items'];
  created_at: Date;
  updated_at: Date | null;
}

/** The questionnaire by id alone (routes address it so); the caller checks the organisation. */
export async function findQuestionnaire(db: Kysely<DB>, id: string, lock?: 'update') {
  let q = db.selectFrom('questionnaires').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertQuestionnaire(
  db: Kysely<DB>,
  row: { organisation_id: string; id: string; created_by: string; created_at: Date },
) {
  await db.insertInto('questionnaires').values(row).execute();
}

export async function insertVersion(
  db: Kysely<DB>,
  key: VersionKey,
  definition: Definition,
  by: { userId: string; at: Date },
) {
  await db
    .insertInto('questionnaire_versions')
    .values({
      organisation_id: key.organisationId,
      questionnaire_id: key.questionnaireId,
      version: key.version,
      title: JSON.stringify(definition.title),
      intro: definition.intro === null ? null : JSON.stringify(definition.intro),
      items: JSON.stringify(definition.items),
      created_by: by.userId,
      created_at: by.at,
    })
    .execute();
}

export async function updateVersion(
  db: Kysely<DB>,
  key: VersionKey,
  definition: Definition,
  by: { userId: string; at: Date },
) {
  await db
    .updateTable('questionnaire_versions')
    .set({
      title: JSON.stringify(definition.title),
      intro: definition.intro === null ? null : JSON.stringify(definition.intro),
      items: JSON.stringify(definition.items),
      updated_by: by.userId,
      updated_at: by.at,
    })
    .where('organisation_id', '=', key.organisationId)
    .where('questionnaire_id', '=', key.questionnaireId)
    .where('version', '=', key.version)
    .execute();
}

export async function setCurrentVersion(db: Kysely<DB>, key: VersionKey) {
  await db
    .updateTable('questionnaires')
    .set({ current_version: key.version })
    .where('organisation_id', '=', key.organisationId)
    .where('id', '=', key.questionnaireId)
    .execute();
}

export async function retire(
  db: Kysely<DB>,
  key: { organisationId: string; id: string },
  by: { userId: string; at: Date },
) {
  await db
    .updateTable('questionnaires')
    .set({ status: 'retired', retired_by: by.userId, retired_at: by.at })
    .where('organisation_id', '=', key.organisationId)
    .where('id', '=', key.id)
    .where('status', '=', 'active')
    .execute();
}

/**
 * One version; `share` locks it inside the recording transaction, so an edit
 * of the same version (which takes `update`) waits until the answer is stored
 * and then sees it — an answer never points at questions changed under it.
 */
export async function findVersion(
  db: Kysely<DB>,
  key: VersionKey,
  lock?: 'share' | 'update',
): Promise<VersionRow | undefined> {
  let q = db
    .selectFrom('questionnaire_versions')
    .select([
      'organisation_id',
      'questionnaire_id',
      'version',
      'title',
      'intro',
      'items',
      'created_at',
      'updated_at',
    ])
    .where('organisation_id', '=', key.organisationId)
    .where('questionnaire_id', '=', key.questionnaireId)
    .where('version', '=', key.version);
  if (lock === 'share') q = q.forShare();
  if (lock === 'update') q = q.forUpdate();
  return (await q.executeTakeFirst()) as VersionRow | undefined;
}

/** The questionnaires of some organisations with their current version and answer counts. */
export async function listQuestionnaires(db: Kysely<DB>, organisationIds: string[], status?: 'active') {
  if (organisationIds.length === 0) return [];
  let q = db
    .selectFrom('questionnaires as q')
    .innerJoin('questionnaire_versions as v', (j) =>
      j
        .onRef('v.organisation_id', '=', 'q.organisation_id')
        .onRef('v.questionnaire_id', '=', 'q.id')
        .onRef('v.version', '=', 'q.current_version'),
    )
    .innerJoin('organisations as o', 'o.id', 'q.organisation_id')
    .select([
      'q.organisation_id',
      'q.id',
      'q.status',
      'q.current_version',
      'q.created_at',
      'o.name as organisation_name',
      'v.title',
      'v.intro',
      'v.items',
    ])
    .select((eb) =>
      eb
        .selectFrom('questionnaire_responses as r')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('r.organisation_id', '=', 'q.organisation_id')
        .whereRef('r.questionnaire_id', '=', 'q.id')
        .as('responses'),
    )
    .where('q.organisation_id', 'in', organisationIds);
  if (status) q = q.where('q.status', '=', status);
  const rows = await q.orderBy('q.status').orderBy('q.created_at', 'desc').execute();
  return rows.map((r) => ({
    ...r,
    title: r.title as Definition['title'],
    intro: r.intro as Definition['intro'],
    items: r.items as Definition['items'],
    responses: Number(r.responses ?? 0),
  }));
}

export type QuestionnaireListRow = Awaited<ReturnType<typeof listQuestionnaires>>[number];

/** Every version of a questionnaire, oldest first, with how many answers point at it. */
export async function listVersions(db: Kysely<DB>, key: { organisationId: string; questionnaireId: string }) {
  const rows = await db
    .selectFrom('questionnaire_versions as v')
    .select(['v.version', 'v.created_at'])
    .select((eb) =>
      eb
        .selectFrom('questionnaire_responses as r')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('r.organisation_id', '=', 'v.organisation_id')
        .whereRef('r.questionnaire_id', '=', 'v.questionnaire_id')
        .whereRef('r.questionnaire_version', '=', 'v.version')
        .as('responses'),
    )
    .where('v.organisation_id', '=', key.organisationId)
    .where('v.questionnaire_id', '=', key.questionnaireId)
    .orderBy('v.version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.created_at,
    responses: Number(r.responses ?? 0),
  }));
}

export async function countResponses(db: Kysely<DB>, key: VersionKey): Promise<number> {
  const row = await db
    .selectFrom('questionnaire_responses')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', key.organisationId)
    .where('questionnaire_id', '=', key.questionnaireId)
    .where('questionnaire_version', '=', key.version)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertResponse(db: Kysely<DB>, row: Insertable<QuestionnaireResponsesTable>) {
  await db.insertInto('questionnaire_responses').values(row).execute();
}

/** Every answer to one version, oldest first, for the CSV. */
export async function listVersionResponses(db: Kysely<DB>, key: VersionKey) {
  const rows = await db
    .selectFrom('questionnaire_responses')
    .select(['id', 'answers', 'created_at'])
    .select(dateText('answered_on').as('answered_on'))
    .where('organisation_id', '=', key.organisationId)
    .where('questionnaire_id', '=', key.questionnaireId)
    .where('questionnaire_version', '=', key.version)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    answeredOn: r.answered_on,
    createdAt: r.created_at,
    answers: r.answers as Answers,
  }));
}

/** A client's answers, newest first, each with the exact version it answered. */
export async function listClientResponses(db: Kysely<DB>, key: ClientKey) {
  const rows = await db
    .selectFrom('questionnaire_responses as r')
    .innerJoin('questionnaire_versions as v', (j) =>
      j
        .onRef('v.organisation_id', '=', 'r.organisation_id')
        .onRef('v.questionnaire_id', '=', 'r.questionnaire_id')
        .onRef('v.version', '=', 'r.questionnaire_version'),
    )
    .leftJoin('users as u', 'u.id', 'r.recorded_by')
    .select([
      'r.id',
      'r.questionnaire_id',
      'r.questionnaire_version',
      'r.answers',
      'r.recorded_by',
      'r.created_at',
      'u.name as recorded_by_name',
      'v.title',
      'v.items',
    ])
    .select(dateText('r.answered_on').as('answered_on'))
    .where('r.organisation_id', '=', key.organisationId)
    .where('r.client_id', '=', key.clientId)
    .orderBy('r.answered_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    answers: r.answers as Answers,
    title: r.title as Definition['title'],
    items: r.items as Definition['items'],
  }));
}

export type ClientResponseRow = Awaited<ReturnType<typeof listClientResponses>>[number];
