import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { adminDb } from '../../../test/harness/template.ts';
import { openDatabase } from '../../platform/db/database.ts';

const bin = fileURLToPath(new URL('../../../bin/verbonden.mjs', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A new empty database the server migrates and fills with the demo region itself (Brugge has a meldpunt). */
async function emptyDatabase(): Promise<{ env: Record<string, string>; dataDir?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const home = mkdtempSync(join(tmpdir(), 'vb-signals-crash-'));
    cleanups.push(async () => rmSync(home, { recursive: true, force: true }));
    const dataDir = join(home, 'data');
    return { env: { VERBONDEN_DATA_DIR: dataDir }, dataDir };
  }
  const name = `vb_crash_${Math.random().toString(16).slice(2, 10)}`;
  const admin = adminDb(serverUrl);
  await sql`create database ${sql.id(name)}`.execute(admin);
  await admin.destroy();
  cleanups.push(async () => {
    const cleanup = adminDb(serverUrl);
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup);
    await cleanup.destroy();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() } };
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const { DATABASE_URL: _inherited, ...base } = process.env;
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...base,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // Every submission comes from its own (forwarded) address, so the per-address limit stays out of the way.
      TRUST_PROXY: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verbonden serve exited:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`verbonden serve did not start:\n${output}`);
}

const forwardedFor = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

describe('the public form when the server is killed', () => {
  it('keeps every report it acknowledged, and nothing half-written', { timeout: 300_000 }, async () => {
    const { env, dataDir } = await emptyDatabase();
    const port = await freePort();
    const server = await startServer(env, port);
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const submitOne = async (n: number) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/signals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor(n) },
        body: JSON.stringify({
          postcode: '8000',
          description: `Melding ${n} voor de crashtest.`,
          reporter: { anonymous: true },
          privacyNoticeAccepted: true,
        }),
      }).catch(() => null);
      if (res?.status === 201) acknowledged.push(((await res.json()) as { reference: string }).reference);
    };
    // Twenty at a time, until the server dies under them.
    const workers = Array.from({ length: 20 }, async () => {
      while (!killed && sent < 2_000) await submitOne(sent++);
    });
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 5));
    server.kill('SIGKILL');
    killed = true;
    await once(server, 'exit').catch(() => {});
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(sent).toBeGreaterThan(acknowledged.length);

    // A killed process cannot release its lock on the data folder; do what an operator would.
    if (dataDir) rmSync(`${dataDir}.lock`, { recursive: true, force: true });
    const restarted = await startServer(env, port);
    for (const [i, reference] of acknowledged.entries()) {
      const res = await fetch(`http://127.0.0.1:${port}/api/signals/status/${reference}`, {
        headers: { 'x-forwarded-for': forwardedFor(100_000 + i) },
      });
      expect(res.status, reference).toBe(200);
    }
    restarted.kill('SIGTERM');
    await once(restarted, 'exit');

    const database = await openDatabase(dataDir ? { dataDir } : { url: env.DATABASE_URL });
    try {
      const rows = await sql<{ reference: string; transitions: string; jobs: string; audits: string }>`
        select s.reference,
          (select count(*) from signal_transitions t where t.signal_id = s.id) as transitions,
          (select count(*) from jobs j where j.queue = 'signals.escalate' and j.key like '%' || s.id || '%') as jobs,
          (select count(*) from audit_log a where a.action = 'signals.reported' and a.subject_id = s.id::text) as audits
        from signals s where s.description like '%crashtest%'`.execute(database.db);
      const stored = new Set(rows.rows.map((r) => r.reference));
      for (const reference of acknowledged) expect(stored.has(reference), reference).toBe(true);
      for (const r of rows.rows)
        expect({
          transitions: Number(r.transitions),
          jobs: Number(r.jobs),
          audits: Number(r.audits),
        }).toEqual({
          transitions: 1,
          jobs: 2,
          audits: 1,
        });
    } finally {
      await database.close();
    }
  });
});
