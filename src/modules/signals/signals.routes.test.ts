import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { anonymousReport, createMeldpunt } from './signals.fixture.ts';

let ctx: TestContext;
let app: App;
let meldpunt: Awaited<ReturnType<typeof createMeldpunt>>;
let ipCounter = 1;
/** Each test reports from its own address, so the rate limit of one never trips another. */
const freshIp = () => `198.51.100.${ipCounter++}`;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  meldpunt = await createMeldpunt(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const report = (payload: unknown, opts: { ip?: string; headers?: Record<string, string> } = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/signals',
    payload: payload as object,
    remoteAddress: opts.ip ?? freshIp(),
    headers: opts.headers,
  });
const status = (reference: string, ip = freshIp()) =>
  app.inject({
    method: 'GET',
    url: `/api/signals/status/${encodeURIComponent(reference)}`,
    remoteAddress: ip,
  });
const countSignals = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('signals')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/signals', () => {
  it('takes the smallest anonymous report without a login and answers with a reference', async () => {
    const res = await report(anonymousReport(meldpunt.postcode));
    expect(res.statusCode).toBe(201);
    const { reference } = res.json();
    expect(reference).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const row = await ctx.db
      .selectFrom('signals')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      municipality_id: meldpunt.municipality.id,
      organisation_id: meldpunt.organisation.id,
      status: 'new',
      source: 'citizen',
      urgency: 'normal',
      reporter_anonymous: true,
      reporter_email: null,
    });
    const transitions = await ctx.db
      .selectFrom('signal_transitions')
      .selectAll()
      .where('signal_id', '=', row.id)
      .execute();
    expect(transitions).toMatchObject([{ from_status: null, to_status: 'new', actor_user_id: null }]);
  });

  it('keeps the whole form: the person, the signs, the urgency and how to reach the reporter', async () => {
    const res = await report({
      postcode: meldpunt.postcode,
      person: { name: 'Meneer Voorbeeld', street: 'Dorpsstraat 1' },
      signs: ['mail_piling_up', 'no_visitors'],
      description: 'De brievenbus puilt uit.',
      urgency: 'high',
      reporter: { anonymous: false, name: 'Buur Jansens', email: 'buur@example.org' },
      privacyNoticeAccepted: true,
    });
    expect(res.statusCode).toBe(201);
    const row = await ctx.db
      .selectFrom('signals')
      .selectAll()
      .where('reference', '=', res.json().reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      person_name: 'Meneer Voorbeeld',
      person_street: 'Dorpsstraat 1',
      signs: ['mail_piling_up', 'no_visitors'],
      urgency: 'high',
      reporter_anonymous: false,
      reporter_name: 'Buur Jansens',
      reporter_email: 'buur@example.org',
    });
  });

  it('also finds the meldpunt from the municipality when the postcode is not known', async () => {
    const res = await report({
      municipality: meldpunt.municipality.nis_code,
      description: 'Ik maak me zorgen.',
      reporter: { anonymous: true },
      privacyNoticeAccepted: true,
    });
    expect(res.statusCode).toBe(201);
  });

  it('records the organisation of a professional who reports from their account', async () => {
    const homeCare = await createTenant(ctx, { kind: 'home_care' });
    const nurse = await createUser(ctx, { organisationId: homeCare.organisation.id, role: 'worker' });
    const session = await loginAs(app, nurse);
    const res = await report(anonymousReport(meldpunt.postcode), { headers: session.headers });
    expect(res.statusCode).toBe(201);
    const row = await ctx.db
      .selectFrom('signals')
      .selectAll()
      .where('reference', '=', res.json().reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'professional',
      reporter_organisation_id: homeCare.organisation.id,
      reporter_user_id: nurse.id,
      reporter_email: nurse.email,
    });
  });

  it('names the postcode field when the postcode is unknown, in Dutch by default', async () => {
    const before = await countSignals();
    const res = await report(anonymousReport('9999'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'postcode', code: 'signals.unknown_postcode' }),
    ]);
    expect(res.json().errors[0].message).toMatch(/^Postcode onbekend/);
    expect(await countSignals()).toBe(before);
  });

  it('refuses bad input with a translated error per field and stores nothing', async () => {
    const before = await countSignals();
    const cases: [unknown, string][] = [
      [{ description: 'x', reporter: { anonymous: true }, privacyNoticeAccepted: true }, 'postcode'],
      [{ ...anonymousReport(meldpunt.postcode), description: '   ' }, 'description'],
      [{ ...anonymousReport(meldpunt.postcode), description: 'a'.repeat(100_000) }, 'description'],
      [{ ...anonymousReport(meldpunt.postcode), privacyNoticeAccepted: false }, 'privacyNoticeAccepted'],
      [{ ...anonymousReport(meldpunt.postcode), postcode: '80' }, 'postcode'],
      [
        { ...anonymousReport(meldpunt.postcode), reporter: { anonymous: false, name: 'Jan' } },
        'reporter.phone',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await report(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.json().errors[0].message).not.toMatch(/^errors\./);
    }
    expect(await countSignals()).toBe(before);
  });

  it('names every missing field at once: the place, the description and the privacy notice', async () => {
    const res = await report({ reporter: { anonymous: true } });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['description', 'postcode', 'privacyNoticeAccepted']);
  });

  it('stores HTML and script as plain text', async () => {
    const script = '<script>alert("x")</script><b>vet</b>';
    const res = await report({
      ...anonymousReport(meldpunt.postcode, script),
      person: { name: script, street: script },
    });
    expect(res.statusCode).toBe(201);
    const row = await ctx.db
      .selectFrom('signals')
      .select(['description', 'person_name'])
      .where('reference', '=', res.json().reference)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ description: script, person_name: script });
  });

  it('answers a filled-in honeypot as if all went well, but stores nothing', async () => {
    const before = await countSignals();
    const res = await report({ ...anonymousReport(meldpunt.postcode), website: 'http://spam.example' });
    expect(res.statusCode).toBe(201);
    expect(res.json().reference).toMatch(/^[0-9A-Z]{4}-/);
    expect(await countSignals()).toBe(before);
    expect((await status(res.json().reference)).statusCode).toBe(404);
  });

  it('limits reports per address, also after a restart, and lets the address in again later', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++)
      expect((await report(anonymousReport(meldpunt.postcode), { ip })).statusCode).toBe(201);
    const restarted = await createTestApp(ctx);
    const refused = await restarted.inject({
      method: 'POST',
      url: '/api/signals',
      payload: anonymousReport(meldpunt.postcode),
      remoteAddress: ip,
    });
    await restarted.close();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await report(anonymousReport(meldpunt.postcode))).statusCode).toBe(201);
    ctx.clock.advance(61 * 60_000);
    expect((await report(anonymousReport(meldpunt.postcode), { ip })).statusCode).toBe(201);
  });

  it('never stores the address of a reporter, only a hash for the rate limit', async () => {
    const ip = freshIp();
    await report(anonymousReport(meldpunt.postcode), { ip });
    const keys = await ctx.db.selectFrom('rate_limit_events').select('key').execute();
    expect(keys.some((k) => k.key.includes(ip))).toBe(false);
  });
});

describe('GET /api/signals/status/:reference', () => {
  it('shows only that the report was received', async () => {
    const { reference } = (await report(anonymousReport(meldpunt.postcode))).json();
    const res = await status(reference.toLowerCase().replace(/-/g, ' '));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'received' });
  });

  it('answers an unknown and a malformed reference in exactly the same way', async () => {
    const unknown = await status('0000-0000-0000-0000');
    const forged = await status('<script>');
    expect(unknown.statusCode).toBe(404);
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toBe(unknown.body);
    expect(Object.keys(forged.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });

  it('limits lookups per address', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++) await status('0000-0000-0000-0000', ip);
    expect((await status('0000-0000-0000-0000', ip)).statusCode).toBe(429);
  });
});
