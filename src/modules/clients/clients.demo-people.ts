import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Random } from '../../platform/random.ts';
import type {
  AgeBand,
  ClientConsentsTable,
  ClientReferralsTable,
  ClientsTable,
  ClientTimelineTable,
  Household,
  ReferralStatus,
} from './clients.tables.ts';

// Generated demo participants, so that the coordinators' insights have enough
// people to show figures (ADR 0011 hides anything about fewer than ten). Every
// name is made of obviously invented parts and marked "(demo)"; nobody has a
// street, phone or email. Written in bulk (a few multi-row inserts), because a
// use case per person would make the first start seconds slower.

/** A row with every column given (null where empty): a column left out would be null, not its default. */
type Row<T> = { [K in keyof Insertable<T>]-?: Exclude<Insertable<T>[K], undefined> };

export const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

const GIVEN_NAMES = [
  'Anna',
  'Bart',
  'Carla',
  'Dirk',
  'Els',
  'Frans',
  'Greta',
  'Hugo',
  'Ilse',
  'Jan',
  'Karin',
  'Luc',
  'Marleen',
  'Noël',
  'Odette',
  'Paul',
  'Rita',
  'Staf',
  'Tine',
  'Urbain',
  'Vera',
  'Willy',
  'Yvette',
  'Zeynep',
  'Fatima',
  'Youssef',
  'Sofie',
  'Mehmet',
  'Nadia',
  'Pieter',
];
// "Verzonnen", "bedacht", "proef", "fictie", "voorbeeld": invented on purpose, so no family name can be real.
const NAME_STEMS = ['Verzon', 'Bedacht', 'Proef', 'Fictie', 'Voorbeeld', 'Schets', 'Oefen', 'Ontwerp'];
const NAME_ENDINGS = ['mans', 'aert', 'eels', 'ens', 'ijn', 'ouw', 'ier', 'inck'];
const AGE_BANDS: readonly AgeBand[] = ['35-49', '50-64', '65-74', '65-74', '75-84', '75-84', '75-84', '85+'];
const HOUSEHOLDS: readonly Household[] = [
  'alone',
  'alone',
  'alone',
  'with_partner',
  'with_family',
  'unknown',
];
const LANGUAGES: readonly string[][] = [
  ['nl'],
  ['nl'],
  ['nl'],
  ['nl'],
  ['nl', 'fr'],
  ['nl', 'en'],
  ['ar', 'nl'],
  ['tr', 'nl'],
];

/** An invented family name with its number: "Proefaert (demo 0123)". */
export function demoFamilyName(random: Random, number: number): string {
  return `${pick(random, NAME_STEMS)}${pick(random, NAME_ENDINGS)} (demo ${String(number).padStart(4, '0')})`;
}

export interface DemoPerson {
  organisationId: string;
  id: string;
  municipalityNis: string;
  postcode: string;
  givenName: string;
  familyName: string;
  ageBand: AgeBand;
  household: Household;
  languages: string[];
  createdAt: Date;
}

/** One invented person of an organisation, registered at `createdAt` (everything else drawn from `random`). */
export function demoPerson(
  random: Random,
  fields: {
    organisationId: string;
    id: string;
    number: number;
    municipalityNis: string;
    postcode: string;
    createdAt: Date;
  },
): DemoPerson {
  return {
    organisationId: fields.organisationId,
    id: fields.id,
    municipalityNis: fields.municipalityNis,
    postcode: fields.postcode,
    givenName: pick(random, GIVEN_NAMES),
    familyName: demoFamilyName(random, fields.number),
    ageBand: pick(random, AGE_BANDS),
    household: pick(random, HOUSEHOLDS),
    languages: [...pick(random, LANGUAGES)],
    createdAt: fields.createdAt,
  };
}

export interface DemoReferral {
  organisationId: string;
  clientId: string;
  id: string;
  service: { organisationId: string; id: string; name: string };
  status: ReferralStatus;
  reason: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A line on a person's timeline, for what the demo did in bulk. */
export interface DemoTimelineEvent {
  organisationId: string;
  clientId: string;
  id: string;
  at: Date;
  kind: string;
  refType?: string;
  refId?: string;
  details?: Record<string, unknown>;
}

/**
 * Inserts rows in one statement with one parameter: the rows as JSON, expanded
 * by the database into the table's own row type. Thousands of rows go in about
 * as fast as one; bound one by one, PGlite's parameters cost more than the
 * insert. Every row must name the same columns; jsonb columns take objects.
 */
export async function insertRows(trx: Kysely<DB>, table: keyof DB & string, rows: readonly object[]) {
  const [first] = rows;
  if (!first) return;
  const columns = sql.join(Object.keys(first).map((c) => sql.ref(c)));
  await sql`insert into ${sql.table(table)} (${columns})
    select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
    trx,
  );
}

/**
 * Writes the demo people with their registration consent, a sharing consent
 * for each referral to another organisation's initiative, the referrals and
 * their timeline (with the lines given), in the transaction given. `createdBy`
 * is the account the demo loader acts as. Timeline lines go in by time, so the
 * page reads in order.
 */
export async function insertDemoPeople(
  trx: Kysely<DB>,
  input: {
    people: readonly DemoPerson[];
    referrals: readonly DemoReferral[];
    /** More lines for these people's timelines (the measurements' demo). */
    timeline: readonly DemoTimelineEvent[];
    createdBy: string;
    newId: () => string;
  },
): Promise<void> {
  const { createdBy, newId } = input;
  const clients: Row<ClientsTable>[] = input.people.map((p) => ({
    organisation_id: p.organisationId,
    id: p.id,
    municipality_nis: p.municipalityNis,
    given_name: p.givenName,
    family_name: p.familyName,
    phone: null,
    email: null,
    street: null,
    postcode: p.postcode,
    birth_date: null,
    age_band: p.ageBand,
    household: p.household,
    languages: p.languages,
    status: 'active',
    version: 1,
    created_at: p.createdAt,
    created_by: createdBy,
    updated_at: p.createdAt,
    updated_by: createdBy,
    closed_at: null,
  }));
  const consent = {
    shared_with_organisation_id: null,
    withdrawn_at: null,
    withdrawn_by: null,
    withdrawal_method: null,
    note: null,
  };
  const consents: Row<ClientConsentsTable>[] = [];
  const timeline: DemoTimelineEvent[] = [...input.timeline];
  for (const p of input.people) {
    const consentId = newId();
    consents.push({
      ...consent,
      organisation_id: p.organisationId,
      client_id: p.id,
      id: consentId,
      kind: 'registration',
      method: 'in_person',
      given_at: p.createdAt,
      recorded_by: createdBy,
      note: 'Uitgelegd wat we bijhouden en waarom. (demo)',
    });
    const person = { organisationId: p.organisationId, clientId: p.id };
    timeline.push({ ...person, id: newId(), at: p.createdAt, kind: 'created' });
    timeline.push({
      ...person,
      id: newId(),
      at: p.createdAt,
      kind: 'consent_recorded',
      refType: 'client_consent',
      refId: consentId,
      details: { kind: 'registration', method: 'in_person' },
    });
  }
  const referrals: Row<ClientReferralsTable>[] = [];
  for (const r of input.referrals) {
    const shared = r.service.organisationId !== r.organisationId;
    const person = { organisationId: r.organisationId, clientId: r.clientId };
    let consentId: string | null = null;
    if (shared) {
      consentId = newId();
      consents.push({
        ...consent,
        organisation_id: r.organisationId,
        client_id: r.clientId,
        id: consentId,
        kind: 'sharing',
        shared_with_organisation_id: r.service.organisationId,
        method: 'written',
        given_at: r.createdAt,
        recorded_by: createdBy,
      });
      timeline.push({
        ...person,
        id: newId(),
        at: r.createdAt,
        kind: 'consent_recorded',
        refType: 'client_consent',
        refId: consentId,
        details: { kind: 'sharing', method: 'written' },
      });
    }
    referrals.push({
      organisation_id: r.organisationId,
      client_id: r.clientId,
      id: r.id,
      service_organisation_id: r.service.organisationId,
      service_id: r.service.id,
      service_name: r.service.name,
      consent_id: consentId,
      status: r.status,
      reason: r.reason,
      outcome_note: null,
      answer_note: null,
      created_at: r.createdAt,
      created_by: createdBy,
      updated_at: r.updatedAt,
    });
    timeline.push({
      ...person,
      id: newId(),
      at: r.createdAt,
      kind: 'referral',
      refType: 'client_referral',
      refId: r.id,
      details: { status: 'sent', serviceId: r.service.id, shared },
    });
    if (r.status !== 'sent')
      timeline.push({
        ...person,
        id: newId(),
        at: r.updatedAt,
        kind: 'referral_updated',
        refType: 'client_referral',
        refId: r.id,
        details: { from: 'sent', to: r.status },
      });
  }
  await insertRows(trx, 'clients', clients);
  await insertRows(trx, 'client_consents', consents);
  await insertRows(trx, 'client_referrals', referrals);
  const lines: (Omit<Row<ClientTimelineTable>, 'seq' | 'details'> & { details: object })[] = timeline
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => ({
      organisation_id: e.organisationId,
      client_id: e.clientId,
      id: e.id,
      at: e.at,
      kind: e.kind,
      actor_user_id: createdBy,
      ref_type: e.refType ?? null,
      ref_id: e.refId ?? null,
      details: e.details ?? {},
    }));
  await insertRows(trx, 'client_timeline', lines);
}
