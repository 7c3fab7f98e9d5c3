import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { SmtpSink } from '../../harness/smtp-sink.ts';
import { adminDb } from '../../harness/template.ts';

const bin = new URL('../../../bin/verbonden.mjs', import.meta.url).pathname;

/** A running Verbonden server (the real `verbonden serve`) with an SMTP sink for its email. */
export interface RunningServer {
  /** http://127.0.0.1:<port>, also its PUBLIC_URL, so emailed links point here. */
  url: string;
  sink: SmtpSink;
  /** What the server printed so far: shown when something goes wrong. */
  output(): string;
  /**
   * Moves the server's clock forward by `ms` (only with `movableClock`) and resolves once
   * the server sees the new time. Jobs that became due run at the runner's next poll.
   */
  advanceClock(ms: number): Promise<void>;
  /** What time it is on the server's clock. */
  now(): Date;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Start with NODE_ENV=test and a clock the test moves with advanceClock (deadlines, retention). */
  movableClock?: boolean;
}

// Longer than the server's re-read interval of the clock file (FileOffsetClock).
const CLOCK_REFRESH_MS = 300;

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

/**
 * An EMPTY database on the TEST_DATABASE_URL server. Not a copy of the migrated test
 * template (createTestDatabase): the server loads the demo region only into a database
 * it migrates itself, which is exactly the first start a new municipality goes through.
 */
async function createEmptyPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vb_e2e_${randomBytes(6).toString('hex')}`;
  const admin = adminDb(url);
  try {
    await sql`create database ${sql.id(name)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const cleanup = adminDb(url);
      try {
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup);
      } finally {
        await cleanup.destroy();
      }
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`verbonden serve exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet: a new database is still being migrated and filled with the demo region.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`verbonden serve did not answer /healthz within ${timeoutMs} ms:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGTERM lets the server finish its requests and jobs and close the database cleanly;
    // SIGKILL only if it hangs.
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `node bin/verbonden.mjs serve` on a free port with a new database (a new
 * PGlite folder, or a new database on TEST_DATABASE_URL), so the demo region loads
 * as on a first install. Mail goes over real SMTP to a sink on loopback.
 */
export async function startVerbonden(options: StartOptions = {}): Promise<RunningServer> {
  const sink = await SmtpSink.start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), 'vb-e2e-'));
  const serverDb = process.env.TEST_DATABASE_URL
    ? await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL)
    : undefined;
  const env: Record<string, string> = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    VERBONDEN_DATA_DIR: join(home, 'data'),
    // The sink speaks plain SMTP without STARTTLS or AUTH, as a relay on the same host would.
    SMTP_URL: sink.url,
    LOG_LEVEL: 'warn',
  };
  if (serverDb) env.DATABASE_URL = serverDb.url;
  else delete env.DATABASE_URL;
  const clockFile = join(home, 'clock-offset');
  let clockOffset = 0;
  if (options.movableClock) {
    writeFileSync(clockFile, '0');
    env.NODE_ENV = 'test';
    env.VERBONDEN_TEST_CLOCK_FILE = clockFile;
  } else delete env.VERBONDEN_TEST_CLOCK_FILE;
  const advanceClock = async (ms: number) => {
    if (!options.movableClock)
      throw new Error('start the server with { movableClock: true } to move its clock');
    clockOffset += ms;
    // Write and rename: the server never reads a half-written number.
    writeFileSync(`${clockFile}.next`, String(clockOffset));
    renameSync(`${clockFile}.next`, clockFile);
    await new Promise((resolve) => setTimeout(resolve, CLOCK_REFRESH_MS));
  };

  let printed = '';
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d) => {
    printed += d;
  });
  child.stderr?.on('data', (d) => {
    printed += d;
  });
  const output = () => printed;
  const stop = async () => {
    await stopChild(child);
    await sink.close();
    await serverDb?.drop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, output, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, sink, output, advanceClock, now: () => new Date(Date.now() + clockOffset), stop };
}
