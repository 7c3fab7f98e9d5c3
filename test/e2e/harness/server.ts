import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  /**
   * Start on a new, empty database, as a first install does (migrations, gazetteer, demo
   * region). Without it the server starts on a copy of the database that global setup
   * made exactly that way (see prepareTemplate), which saves most of the start-up.
   */
  fresh?: boolean;
}

/** Where global setup left the template: its data folder, and its database on TEST_DATABASE_URL. */
interface Template {
  dataDir: string;
  database?: string;
}
const TEMPLATE_ENV = 'VERBONDEN_E2E_TEMPLATE';

function templateOf(): Template | undefined {
  const raw = process.env[TEMPLATE_ENV];
  return raw ? (JSON.parse(raw) as Template) : undefined;
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
 * A database on the TEST_DATABASE_URL server: empty, or a copy of `template`. Never a copy
 * of the migrated unit-test template (createTestDatabase): the server loads the demo region
 * only into a database it migrates itself, the first start a new municipality goes through.
 */
async function createPostgresDatabase(
  url: string,
  template?: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `vb_e2e_${randomBytes(6).toString('hex')}`;
  const admin = adminDb(url);
  try {
    await sql`create database ${sql.id(name)} ${template ? sql`template ${sql.id(template)}` : sql``}`.execute(
      admin,
    );
  } finally {
    await admin.destroy();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    name,
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
 * Starts `node bin/verbonden.mjs serve` on a free port with its own database (a PGlite
 * folder, or a database on TEST_DATABASE_URL): a copy of global setup's template, or with
 * `fresh` a new one, so the demo region loads as on a first install. Mail goes over real
 * SMTP to a sink on loopback.
 */
export async function startVerbonden(options: StartOptions = {}): Promise<RunningServer> {
  const server = await launch(options, options.fresh ? undefined : templateOf());
  return {
    ...server,
    async stop() {
      await server.stop();
    },
  };
}

/**
 * Global setup: starts a server on a new database once, stops it cleanly and keeps its data
 * folder and database as the template every test file's server starts from. Sets the
 * environment the test processes inherit, and answers the teardown that removes it all.
 */
export async function prepareTemplate(): Promise<() => Promise<void>> {
  const server = await launch({}, undefined);
  const kept = await server.stop({ keep: true });
  if (!kept) throw new Error('the template server kept no data');
  process.env[TEMPLATE_ENV] = JSON.stringify({ dataDir: kept.dataDir, database: kept.database?.name });
  return async () => {
    delete process.env[TEMPLATE_ENV];
    await kept.database?.drop();
    rmSync(kept.home, { recursive: true, force: true });
  };
}

interface Kept {
  home: string;
  dataDir: string;
  database?: Awaited<ReturnType<typeof createPostgresDatabase>>;
}

async function launch(
  options: StartOptions,
  template: Template | undefined,
): Promise<Omit<RunningServer, 'stop'> & { stop(opts?: { keep?: boolean }): Promise<Kept | undefined> }> {
  const sink = await SmtpSink.start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), 'vb-e2e-'));
  const dataDir = join(home, 'data');
  // On PostgreSQL the server may write no data folder at all.
  if (template && existsSync(template.dataDir)) cpSync(template.dataDir, dataDir, { recursive: true });
  const serverDb = process.env.TEST_DATABASE_URL
    ? await createPostgresDatabase(process.env.TEST_DATABASE_URL, template?.database)
    : undefined;
  const env: Record<string, string> = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    VERBONDEN_DATA_DIR: dataDir,
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
  const stop = async (opts: { keep?: boolean } = {}): Promise<Kept | undefined> => {
    await stopChild(child);
    await sink.close();
    if (opts.keep) return { home, dataDir, database: serverDb };
    await serverDb?.drop();
    rmSync(home, { recursive: true, force: true });
    return undefined;
  };
  try {
    await waitForHealth(url, child, output, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, sink, output, advanceClock, now: () => new Date(Date.now() + clockOffset), stop };
}
