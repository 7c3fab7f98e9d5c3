import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SignalOutcome, SignalStatus } from './signals.models.ts';
import type { SignalsTable, SignalTransitionsTable } from './signals.tables.ts';

export type SignalRow = Selectable<SignalsTable>;

// Tenancy rows are read here (never written): the public form resolves a
// municipality and its meldpunt on every submission, which must stay one
// indexed query rather than a list of every organisation.

/** The tenant municipalities behind these NIS codes, in the order given. */
export async function findMunicipalitiesByNis(db: Kysely<DB>, nisCodes: string[]) {
  if (nisCodes.length === 0) return [];
  const rows = await db
    .selectFrom('municipalities')
    .select(['id', 'nis_code', 'name_nl'])
    .where('nis_code', 'in', nisCodes)
    .execute();
  return nisCodes.flatMap((n) => rows.filter((r) => r.nis_code === n));
}

/**
 * The organisation running a municipality's meldpunt: the one named in
 * signal_meldpunts, else the oldest active organisation of kind 'municipality'
 * working there.
 */
export async function findMeldpuntOrganisation(db: Kysely<DB>, municipalityId: string) {
  const row = await db
    .selectFrom('organisations')
    .leftJoin('signal_meldpunts', (j) =>
      j
        .onRef('signal_meldpunts.organisation_id', '=', 'organisations.id')
        .on('signal_meldpunts.municipality_id', '=', municipalityId),
    )
    .select(['organisations.id'])
    .where('organisations.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('signal_meldpunts.municipality_id', '=', municipalityId),
        eb.and([
          eb('organisations.kind', '=', 'municipality'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('signal_meldpunts as m')
                .select('m.municipality_id')
                .where('m.municipality_id', '=', municipalityId),
            ),
          ),
          eb.exists(
            eb
              .selectFrom('organisation_municipalities as om')
              .select('om.organisation_id')
              .whereRef('om.organisation_id', '=', 'organisations.id')
              .where('om.municipality_id', '=', municipalityId),
          ),
        ]),
      ]),
    )
    .orderBy('organisations.created_at')
    .orderBy('organisations.id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export const setMeldpuntOrganisation = (
  db: Kysely<DB>,
  m: { municipalityId: string; organisationId: string; at: Date },
) =>
  db
    .insertInto('signal_meldpunts')
    .values({ municipality_id: m.municipalityId, organisation_id: m.organisationId, updated_at: m.at })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({ organisation_id: m.organisationId, updated_at: m.at }),
    )
    .execute();

export async function insertSignal(db: Kysely<DB>, row: Insertable<SignalsTable>): Promise<boolean> {
  const result = await db
    .insertInto('signals')
    .values(row)
    .onConflict((oc) => oc.column('reference').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Appends to the signal's history; call with the signal locked (or just inserted). */
export const insertTransition = (db: Kysely<DB>, row: Omit<Insertable<SignalTransitionsTable>, 'seq'>) =>
  db
    .insertInto('signal_transitions')
    .values((eb) => ({
      ...row,
      seq: eb
        .selectFrom('signal_transitions')
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
        .where('municipality_id', '=', row.municipality_id)
        .where('signal_id', '=', row.signal_id),
    }))
    .execute();

/** The status a reporter sees: a merged duplicate's is that of the signal it was merged into. */
export const findStatusByReference = (db: Kysely<DB>, reference: string) =>
  db
    .selectFrom('signals as s')
    .leftJoin('signals as t', (j) =>
      j.onRef('t.municipality_id', '=', 's.municipality_id').onRef('t.id', '=', 's.merged_into_id'),
    )
    .select(sql<SignalStatus>`coalesce(t.status, s.status)`.as('status'))
    .where('s.reference', '=', reference)
    .executeTakeFirst();

export const findSignal = (db: Kysely<DB>, municipalityId: string, id: string) =>
  db
    .selectFrom('signals')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The signal, locked until the end of the transaction: one change at a time. */
export const lockSignal = (db: Kysely<DB>, municipalityId: string, id: string) =>
  db
    .selectFrom('signals')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const updateSignal = (
  db: Kysely<DB>,
  key: { municipalityId: string; id: string },
  set: {
    status: SignalStatus;
    updatedAt: Date;
    outcome?: SignalOutcome;
    closedAt?: Date;
    assignedOrganisationId?: string;
    assignedUserId?: string | null;
  },
) =>
  db
    .updateTable('signals')
    .set({
      status: set.status,
      updated_at: set.updatedAt,
      ...(set.outcome ? { outcome: set.outcome } : {}),
      ...(set.closedAt ? { closed_at: set.closedAt } : {}),
      ...(set.assignedOrganisationId ? { assigned_organisation_id: set.assignedOrganisationId } : {}),
      ...(set.assignedUserId !== undefined ? { assigned_user_id: set.assignedUserId } : {}),
    })
    .where('municipality_id', '=', key.municipalityId)
    .where('id', '=', key.id)
    .execute();

const summaryColumns = [
  'signals.id',
  'signals.municipality_id',
  'municipalities.name_nl as municipality_name',
  'signals.reference',
  'signals.status',
  'signals.urgency',
  'signals.source',
  'signals.person_name',
  'signals.created_at',
  'signals.assigned_organisation_id',
  'signals.assigned_user_id',
  'signals.triage_due_at',
  'signals.contact_due_at',
] as const;

/**
 * Open signals of the meldpunts these organisations run: urgent first, then
 * those nobody looked at yet, then oldest first.
 */
export const listQueue = (db: Kysely<DB>, organisationIds: string[]) =>
  db
    .selectFrom('signals')
    .innerJoin('municipalities', 'municipalities.id', 'signals.municipality_id')
    .select(summaryColumns)
    .where('signals.organisation_id', 'in', organisationIds)
    .where('signals.status', '<>', 'closed')
    .orderBy(sql`case signals.urgency when 'high' then 0 when 'normal' then 1 else 2 end`)
    .orderBy(sql`case signals.status when 'new' then 0 else 1 end`)
    .orderBy('signals.created_at')
    .limit(500)
    .execute();

/** Open signals assigned to this person, or to an organisation they coordinate. */
export const listAssigned = (db: Kysely<DB>, userId: string, coordinatedOrganisationIds: string[]) =>
  db
    .selectFrom('signals')
    .innerJoin('municipalities', 'municipalities.id', 'signals.municipality_id')
    .select(summaryColumns)
    .where('signals.status', '<>', 'closed')
    .where((eb) =>
      eb.or([
        eb('signals.assigned_user_id', '=', userId),
        ...(coordinatedOrganisationIds.length > 0
          ? [eb('signals.assigned_organisation_id', 'in', coordinatedOrganisationIds)]
          : []),
      ]),
    )
    .orderBy(sql`case signals.urgency when 'high' then 0 when 'normal' then 1 else 2 end`)
    .orderBy('signals.created_at')
    .limit(500)
    .execute();

export const findMunicipalityName = async (db: Kysely<DB>, id: string) =>
  (await db.selectFrom('municipalities').select('name_nl').where('id', '=', id).executeTakeFirst())
    ?.name_nl ?? '';

export const listTransitions = (db: Kysely<DB>, municipalityId: string, signalId: string) =>
  db
    .selectFrom('signal_transitions')
    .leftJoin('users', 'users.id', 'signal_transitions.actor_user_id')
    .select([
      'signal_transitions.from_status',
      'signal_transitions.to_status',
      'signal_transitions.outcome',
      'signal_transitions.at',
      'users.name as actor_name',
    ])
    .where('signal_transitions.municipality_id', '=', municipalityId)
    .where('signal_transitions.signal_id', '=', signalId)
    .orderBy('signal_transitions.seq')
    .execute();

export const insertNote = (
  db: Kysely<DB>,
  n: {
    municipalityId: string;
    signalId: string;
    id: string;
    authorUserId: string;
    authorOrganisationId: string;
    body: string;
    at: Date;
  },
) =>
  db
    .insertInto('signal_notes')
    .values({
      municipality_id: n.municipalityId,
      signal_id: n.signalId,
      id: n.id,
      author_user_id: n.authorUserId,
      author_organisation_id: n.authorOrganisationId,
      body: n.body,
      created_at: n.at,
    })
    .execute();

export const listNotes = (db: Kysely<DB>, municipalityId: string, signalId: string) =>
  db
    .selectFrom('signal_notes')
    .innerJoin('users', 'users.id', 'signal_notes.author_user_id')
    .select(['signal_notes.id', 'signal_notes.body', 'signal_notes.created_at', 'users.name as author_name'])
    .where('signal_notes.municipality_id', '=', municipalityId)
    .where('signal_notes.signal_id', '=', signalId)
    .orderBy('signal_notes.created_at')
    .orderBy('signal_notes.id')
    .execute();

export const findOrganisationName = async (db: Kysely<DB>, id: string | null) =>
  id
    ? ((await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name ??
      null)
    : null;

export const countSignals = async (db: Kysely<DB>, municipalityId: string) =>
  Number(
    (
      await db
        .selectFrom('signals')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The municipalities these organisations work in, by name. */
export const listMunicipalitiesOf = (db: Kysely<DB>, organisationIds: string[]) =>
  db
    .selectFrom('organisation_municipalities')
    .innerJoin('municipalities', 'municipalities.id', 'organisation_municipalities.municipality_id')
    .select(['municipalities.id', 'municipalities.name_nl'])
    .where('organisation_municipalities.organisation_id', 'in', organisationIds)
    .distinct()
    .orderBy('municipalities.name_nl')
    .execute();
