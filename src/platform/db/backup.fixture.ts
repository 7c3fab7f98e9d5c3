import { type Kysely, sql } from 'kysely';
import { listSequences, listTables, setCanonicalTextFormat } from './backup-catalog.ts';
import type { DB } from './schema.ts';

/** The tables the fixture fills; a round trip must bring every one of them back. */
export const filledTables = [
  'gazetteer_municipalities',
  'gazetteer_postcodes',
  'regions',
  'municipalities',
  'organisations',
  'organisation_municipalities',
  'users',
  'memberships',
  'sessions',
  'account_links',
  'api_tokens',
  'rate_limit_events',
  'audit_log',
  'jobs',
  'outbox_messages',
];

export const awkwardDetails = {
  nested: { list: [1, 2.5, { deep: null, empty: [] }], flag: false },
  text: 'Zeg "hallo" tegen Jeanne d\'Arc — naïef, façade, 👋\n\ttab',
  'key with "quotes"': 'ok',
};

const region = '0a6d1c0e-0000-4000-8000-000000000001';
const municipality = '0a6d1c0e-0000-4000-8000-000000000002';
const organisation = '0a6d1c0e-0000-4000-8000-000000000003';
const user = '0a6d1c0e-0000-4000-8000-000000000004';
const otherUser = '0a6d1c0e-0000-4000-8000-000000000005';

/** Puts rows with awkward values (unicode, quotes, NULLs, nested jsonb, milliseconds) into every table. */
export async function fillEveryTable(db: Kysely<DB>) {
  const at = '2026-03-02 09:00:00.123+00';
  const statements = [
    sql`insert into gazetteer_municipalities (nis_code, name_nl, name_fr, region, province, lat, lng) values
      ('44021', 'Gent', 'Gand', 'VLG', 'Oost-Vlaanderen', 51.0543422, 3.7174243),
      ('21004', 'Brussel', 'Bruxelles', 'BRU', null, 50.8503396, 4.3517103)`,
    sql`insert into gazetteer_postcodes (postcode, nis_code, place_name, lat, lng) values
      ('9000', '44021', 'Gent', 51.05, 3.72), ('1000', '21004', 'Bruxelles ''centre''', 0.1, -0.30000000000000004)`,
    sql`insert into regions (id, name, created_at) values (${region}, ${'Regio "Zuid" — Ω 🌍'}, ${at})`,
    sql`insert into municipalities (id, region_id, nis_code, name_nl, name_fr, created_at)
      values (${municipality}, ${region}, '44021', 'Gent', 'Gand', ${at})`,
    sql`insert into organisations (id, region_id, name, kind, require_second_factor, created_at)
      values (${organisation}, ${region}, ${"CAW O'Neill & Zonen"}, 'caw', true, ${at})`,
    sql`insert into organisation_municipalities (organisation_id, municipality_id) values (${organisation}, ${municipality})`,
    sql`insert into users (id, email, name, password_hash, locale, created_at, deactivated_at) values
      (${user}, 'an@example.be', ${'Ann-Sofie Çelik 👩‍⚕️'}, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 'fr-BE', ${at}, null),
      (${otherUser}, 'bo@example.be', ${'Bo "de" Smet'}, null, 'en', '2025-12-31 23:59:59.999999+00', '2026-01-01 00:00:00.5+00')`,
    sql`insert into memberships (organisation_id, user_id, role, created_at) values (${organisation}, ${user}, 'coordinator', ${at})`,
    sql`insert into sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
      values ('h1', ${user}, 'c1', ${at}, ${at}, '2026-03-02 21:00:00.001+00', '::1', null)`,
    sql`insert into account_links (id, kind, token_hash, user_id, organisation_id, role, created_by, created_at, expires_at)
      values ('0a6d1c0e-0000-4000-8000-000000000006', 'invitation', 't1', ${otherUser}, ${organisation}, 'volunteer',
        ${user}, ${at}, ${at})`,
    sql`insert into api_tokens (id, user_id, name, token_hash, prefix, created_at)
      values ('0a6d1c0e-0000-4000-8000-000000000007', ${user}, ${'sleutel \\ backslash'}, 'a1', 'vb_', ${at})`,
    // No primary key here: two identical rows must both come back.
    sql`insert into rate_limit_events (key, at) values ('ip:1', ${at}), ('ip:1', ${at})`,
    sql`insert into audit_log (at, actor_user_id, organisation_id, action, subject_type, subject_id, details) values
      (${at}, ${user}, ${organisation}, 'user.invited', 'user', ${otherUser}, ${JSON.stringify(awkwardDetails)}),
      (${at}, null, null, 'system.started', 'system', null, '{}'),
      (${at}, null, null, 'system.stopped', 'system', null, '[1, "twee", null]')`,
    sql`insert into jobs (id, queue, key, payload, run_at, last_error, created_at)
      values ('0a6d1c0e-0000-4000-8000-000000000008', 'mail', null, ${JSON.stringify(awkwardDetails)}, ${at},
        ${'regel 1\nregel 2'}, ${at})`,
    sql`insert into outbox_messages (id, recipient, subject, body_text, message_id, created_at)
      values ('0a6d1c0e-0000-4000-8000-000000000009', 'an@example.be', ${'Wélkom'}, ${'Dag Ann,\r\n\r\n€ 5'}, 'm1', ${at})`,
  ];
  for (const statement of statements) await statement.execute(db);
}

/** Every application table's rows and every sequence's state, as PostgreSQL's text, in a stable order. */
export async function snapshot(db: Kysely<DB>) {
  return db.transaction().execute(async (trx) => {
    await setCanonicalTextFormat(trx);
    const tables: Record<string, (string | null)[][]> = {};
    for (const table of await listTables(trx)) {
      const columns = table.columns.map((c) => sql`${sql.id(c)}::text`);
      const order = table.columns.map((_, i) => sql.lit(i + 1));
      const { rows } = await sql<Record<string, string | null>>`
        select ${sql.join(columns)} from ${sql.id('public', table.name)} order by ${sql.join(order)}`.execute(
        trx,
      );
      tables[table.name] = rows.map((r) => Object.values(r));
    }
    const sequences: Record<string, unknown> = {};
    for (const name of await listSequences(trx)) {
      const { rows } = await sql`select last_value::text, is_called from ${sql.id('public', name)}`.execute(
        trx,
      );
      sequences[name] = rows[0];
    }
    return { tables, sequences };
  });
}

export const isEmpty = (snap: Awaited<ReturnType<typeof snapshot>>) =>
  Object.values(snap.tables).every((rows) => rows.length === 0);
