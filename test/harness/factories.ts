import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Principal } from '../../src/platform/auth/principal.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { OrganisationKind, Role } from '../../src/platform/db/schema.ts';
import type { App } from '../../src/platform/http/app.ts';
import { newId } from '../../src/platform/ids.ts';

export const TEST_PASSWORD = 'een lange zin als wachtwoord';
let hashed: Promise<string> | undefined;

/** A platform admin acting through an API token (no user row behind it), for use cases that take a principal. */
export const platformAdmin: Principal = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'a@example.org',
    name: 'A',
    locale: 'nl-BE',
    largeText: false,
    isPlatformAdmin: true,
    totpEnabled: false,
  },
  memberships: [],
  via: 'token',
  pendingSecondFactor: false,
};
const unique = () => randomBytes(4).toString('hex');

/**
 * A region with one municipality and one organisation working there, all new and this test's own.
 * `nisCode`: a real one, so the gazetteer knows the municipality (its centre, its postcodes).
 */
export async function createTenant(
  ctx: AppContext,
  opts: { kind?: OrganisationKind; requireSecondFactor?: boolean; nisCode?: string } = {},
) {
  const tag = unique();
  const region = { id: newId(), name: `Testregio ${tag}` };
  await ctx.db.insertInto('regions').values(region).execute();
  const municipality = {
    id: newId(),
    region_id: region.id,
    nis_code: opts.nisCode ?? String(10_000 + Math.floor(Math.random() * 89_999)),
    name_nl: `Testgem ${tag}`,
    name_fr: `Commune test ${tag}`,
  };
  const insert = ctx.db.insertInto('municipalities').values(municipality);
  await (opts.nisCode
    ? insert
    : insert.onConflict((oc) =>
        oc.column('nis_code').doUpdateSet({ nis_code: `9${tag.slice(0, 4).replace(/\D/g, '7')}` }),
      )
  ).execute();
  const organisation = {
    id: newId(),
    region_id: region.id,
    name: `Testorganisatie ${tag}`,
    kind: opts.kind ?? 'caw',
    require_second_factor: opts.requireSecondFactor ?? false,
  };
  await ctx.db.insertInto('organisations').values(organisation).execute();
  await ctx.db
    .insertInto('organisation_municipalities')
    .values({ organisation_id: organisation.id, municipality_id: municipality.id })
    .execute();
  return { region, municipality, organisation };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

export async function createUser(
  ctx: AppContext,
  opts: { organisationId?: string; role?: Role; platformAdmin?: boolean; totpSecret?: string } = {},
): Promise<TestUser> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const user = {
    id: newId(),
    email: `gebruiker-${unique()}@example.org`,
    name: `Test Gebruiker ${unique()}`,
  };
  await ctx.db
    .insertInto('users')
    .values({
      ...user,
      password_hash: await hashed,
      is_platform_admin: opts.platformAdmin ?? false,
      totp_secret: opts.totpSecret ?? null,
      totp_enabled_at: opts.totpSecret ? new Date('2026-01-01T00:00:00Z') : null,
    })
    .execute();
  if (opts.organisationId && opts.role)
    await ctx.db
      .insertInto('memberships')
      .values({ organisation_id: opts.organisationId, user_id: user.id, role: opts.role })
      .execute();
  return { ...user, password: TEST_PASSWORD };
}

/** A logged-in browser: its cookie and CSRF token, ready for app.inject. */
export interface TestSession {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function loginAs(app: App, user: { email: string; password: string }): Promise<TestSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/session/login',
    payload: { email: user.email, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name.endsWith('vb_session'));
  if (!cookie) throw new Error('no session cookie');
  const csrf = res.json().csrfToken as string;
  const header = `${cookie.name}=${cookie.value}`;
  return { cookie: header, csrf, headers: { cookie: header, 'x-csrf-token': csrf } };
}
