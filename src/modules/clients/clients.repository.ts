import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  ClientConsentsTable,
  ClientContactsTable,
  ClientReferralsTable,
  ClientStatus,
  ClientsTable,
  ClientWorkersTable,
  ReferralStatus,
} from './clients.tables.ts';

export type ClientRow = Omit<Selectable<ClientsTable>, 'birth_date'> & { birth_date: string | null };
export type ConsentRow = Selectable<ClientConsentsTable>;
export type WorkerRow = Selectable<ClientWorkersTable>;
export type ContactRow = Selectable<ClientContactsTable>;
export type ReferralRow = Selectable<ClientReferralsTable>;

interface Key {
  organisationId: string;
  clientId: string;
}

const clientColumns = [
  'organisation_id',
  'id',
  'municipality_nis',
  'given_name',
  'family_name',
  'phone',
  'email',
  'street',
  'postcode',
  'age_band',
  'household',
  'languages',
  'status',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'closed_at',
] as const;

function selectClients(db: Kysely<DB>) {
  return db
    .selectFrom('clients')
    .select(clientColumns)
    .select(sql<string | null>`to_char(birth_date, 'YYYY-MM-DD')`.as('birth_date'));
}

export async function findClient(db: Kysely<DB>, id: string): Promise<ClientRow | undefined> {
  return selectClients(db).where('id', '=', id).executeTakeFirst();
}

/** The client row locked for the rest of the transaction (edits, erasure). */
export async function lockClient(db: Kysely<DB>, id: string): Promise<ClientRow | undefined> {
  return selectClients(db).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertClient(db: Kysely<DB>, row: Insertable<ClientsTable>) {
  await db.insertInto('clients').values(row).execute();
}

export async function updateClient(
  db: Kysely<DB>,
  key: { organisationId: string; id: string },
  changes: Updateable<ClientsTable>,
) {
  await db
    .updateTable('clients')
    .set(changes)
    .where('organisation_id', '=', key.organisationId)
    .where('id', '=', key.id)
    .execute();
}

/** Erases a record; consents, workers, timeline, contacts, referrals (and other modules' rows) cascade. */
export async function deleteClient(db: Kysely<DB>, key: { organisationId: string; id: string }) {
  await db
    .deleteFrom('clients')
    .where('organisation_id', '=', key.organisationId)
    .where('id', '=', key.id)
    .execute();
}

export async function listClients(
  db: Kysely<DB>,
  filter: {
    organisationId: string;
    pattern?: string;
    status?: ClientStatus;
    assignedTo?: string;
    limit: number;
    offset: number;
  },
) {
  let q = db.selectFrom('clients').where('organisation_id', '=', filter.organisationId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.pattern) {
    const pattern = filter.pattern;
    q = q.where(sql<boolean>`(given_name || ' ' || coalesce(family_name, '')) ilike ${pattern}`);
  }
  if (filter.assignedTo) {
    const userId = filter.assignedTo;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('client_workers as w')
          .select('w.user_id')
          .whereRef('w.organisation_id', '=', 'clients.organisation_id')
          .whereRef('w.client_id', '=', 'clients.id')
          .where('w.user_id', '=', userId),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select([
        'id',
        'organisation_id',
        'given_name',
        'family_name',
        'municipality_nis',
        'postcode',
        'status',
        'updated_at',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('client_consents as c')
              .select('c.id')
              .whereRef('c.organisation_id', '=', 'clients.organisation_id')
              .whereRef('c.client_id', '=', 'clients.id')
              .where('c.kind', '=', 'registration')
              .where('c.withdrawn_at', 'is', null),
          )
          .as('registered'),
      )
      .orderBy('family_name')
      .orderBy('given_name')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function listConsents(db: Kysely<DB>, key: Key): Promise<ConsentRow[]> {
  return (await db
    .selectFrom('client_consents')
    .selectAll()
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .orderBy('given_at')
    .orderBy('id')
    .execute()) as ConsentRow[];
}

export async function insertConsent(db: Kysely<DB>, row: Insertable<ClientConsentsTable>) {
  await db.insertInto('client_consents').values(row).execute();
}

export async function markConsentWithdrawn(
  db: Kysely<DB>,
  key: Key & { id: string },
  by: { at: Date; userId: string; method: ConsentRow['method'] },
) {
  await db
    .updateTable('client_consents')
    .set({ withdrawn_at: by.at, withdrawn_by: by.userId, withdrawal_method: by.method })
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('id', '=', key.id)
    .execute();
}

export async function listWorkers(db: Kysely<DB>, key: Key): Promise<WorkerRow[]> {
  return (await db
    .selectFrom('client_workers')
    .selectAll()
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .orderBy('assigned_at')
    .execute()) as WorkerRow[];
}

/** Assigns a user, or changes their part when already assigned. */
export async function upsertWorker(db: Kysely<DB>, row: Insertable<ClientWorkersTable>) {
  await db
    .insertInto('client_workers')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'client_id', 'user_id']).doUpdateSet({ role: row.role }),
    )
    .execute();
}

export async function deleteWorker(db: Kysely<DB>, key: Key & { userId: string }): Promise<boolean> {
  const result = await db
    .deleteFrom('client_workers')
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('user_id', '=', key.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertContact(db: Kysely<DB>, row: Insertable<ClientContactsTable>) {
  await db.insertInto('client_contacts').values(row).execute();
}

export async function listContacts(db: Kysely<DB>, key: Key): Promise<ContactRow[]> {
  return (await db
    .selectFrom('client_contacts')
    .selectAll()
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .orderBy('at', 'desc')
    .execute()) as ContactRow[];
}

export async function insertReferral(db: Kysely<DB>, row: Insertable<ClientReferralsTable>) {
  await db.insertInto('client_referrals').values(row).execute();
}

export async function listReferrals(db: Kysely<DB>, key: Key): Promise<ReferralRow[]> {
  return (await db
    .selectFrom('client_referrals')
    .selectAll()
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()) as ReferralRow[];
}

export async function lockReferral(db: Kysely<DB>, key: Key & { id: string }) {
  return (await db
    .selectFrom('client_referrals')
    .selectAll()
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('id', '=', key.id)
    .forUpdate()
    .executeTakeFirst()) as ReferralRow | undefined;
}

export async function updateReferral(
  db: Kysely<DB>,
  key: Key & { id: string },
  changes: Updateable<ClientReferralsTable>,
) {
  await db
    .updateTable('client_referrals')
    .set(changes)
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('id', '=', key.id)
    .execute();
}

export async function countReferralsIn(db: Kysely<DB>, key: Key, statuses: readonly ReferralStatus[]) {
  const row = await db
    .selectFrom('client_referrals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('status', 'in', [...statuses])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countRows(db: Kysely<DB>, table: 'client_contacts' | 'client_timeline', key: Key) {
  const row = await db
    .selectFrom(table as 'client_contacts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page of the timeline, newest first, with the contact or referral an event points at. */
export async function listTimeline(db: Kysely<DB>, key: Key, page: { limit: number; offset?: number }) {
  return db
    .selectFrom('client_timeline as t')
    .leftJoin('client_contacts as c', (j) =>
      j
        .onRef('c.organisation_id', '=', 't.organisation_id')
        .onRef('c.client_id', '=', 't.client_id')
        .onRef('c.id', '=', 't.ref_id')
        .on('t.ref_type', '=', 'client_contact'),
    )
    .leftJoin('client_referrals as r', (j) =>
      j
        .onRef('r.organisation_id', '=', 't.organisation_id')
        .onRef('r.client_id', '=', 't.client_id')
        .onRef('r.id', '=', 't.ref_id')
        .on('t.ref_type', '=', 'client_referral'),
    )
    .select([
      't.id',
      't.at',
      't.kind',
      't.actor_user_id',
      't.ref_type',
      't.ref_id',
      't.details',
      'c.mode as contact_mode',
      'c.summary as contact_summary',
      'r.service_name as referral_service_name',
      'r.status as referral_status',
    ])
    .where('t.organisation_id', '=', key.organisationId)
    .where('t.client_id', '=', key.clientId)
    .orderBy('t.at', 'desc')
    .orderBy('t.seq', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
}
export type TimelineRow = Awaited<ReturnType<typeof listTimeline>>[number];

/**
 * Referrals from other organisations to one of this organisation's
 * initiatives, sent on, and only while the person's consent to share with
 * this organisation is in force.
 */
function incomingReferrals(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('client_referrals as r')
    .innerJoin('clients as c', (j) =>
      j.onRef('c.organisation_id', '=', 'r.organisation_id').onRef('c.id', '=', 'r.client_id'),
    )
    .where('r.service_organisation_id', '=', organisationId)
    .where('r.organisation_id', '<>', organisationId)
    .where('r.status', '<>', 'proposed')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('client_consents as s')
          .select('s.id')
          .whereRef('s.organisation_id', '=', 'r.organisation_id')
          .whereRef('s.client_id', '=', 'r.client_id')
          .where('s.kind', '=', 'sharing')
          .where('s.shared_with_organisation_id', '=', organisationId)
          .where('s.withdrawn_at', 'is', null),
      ),
    );
}

/** The incoming referrals of an organisation: the shared fields and nothing else. */
export async function listIncomingReferrals(db: Kysely<DB>, organisationId: string) {
  return incomingReferrals(db, organisationId)
    .select([
      'r.id',
      'r.organisation_id',
      'r.service_id',
      'r.service_name',
      'r.status',
      'r.reason',
      'r.answer_note',
      'r.created_at',
      'c.given_name',
      'c.family_name',
      'c.phone',
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(500)
    .execute();
}

/** One incoming referral of an organisation, while it may still see it. */
export async function findIncomingReferral(db: Kysely<DB>, organisationId: string, referralId: string) {
  return incomingReferrals(db, organisationId)
    .select(['r.organisation_id', 'r.client_id', 'r.id', 'r.status', 'r.service_name'])
    .where('r.id', '=', referralId)
    .executeTakeFirst();
}
