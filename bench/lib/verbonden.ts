import { join } from 'node:path';
import type { Store } from './backends.ts';
import { type Child, cleanEnv, freePort, startNode, waitForOk } from './processes.ts';

/** A demo account (see src/modules/demo/demo.models.ts) that reads its own data. */
export const DEMO_EMAIL = 'hulpverlener@demo.verbonden.invalid';
export const DEMO_PASSWORD = 'verbonden-demo-2026';

export interface RunningServer {
  child: Child;
  baseUrl: string;
  /** Milliseconds from spawn until /healthz answered 200. */
  readyMs: number;
}

export interface ServerOptions {
  workDir: string;
  /** Distinguishes the log files of successive runs. */
  name: string;
  logLevel: string;
}

/** Spawns the real `node bin/verbonden.mjs serve` on a free loopback port and waits for /healthz. */
export async function startVerbonden(store: Store, options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const env = cleanEnv({
    ...store.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: options.logLevel,
    VERBONDEN_DEMO: 'auto',
  });
  const logPath = join(options.workDir, `${options.name}.log`);
  const child = startNode(options.name, ['bin/verbonden.mjs', 'serve'], env, logPath);
  const baseUrl = `http://127.0.0.1:${port}`;
  const readyMs = await waitForOk(child, `${baseUrl}/healthz`);
  return { child, baseUrl, readyMs };
}

/** Spawns the bare Fastify hello-world on a free loopback port. */
export async function startHelloWorld(workDir: string): Promise<RunningServer> {
  const port = await freePort();
  const logPath = join(workDir, 'hello-world.log');
  const script = new URL('../children/hello-world.ts', import.meta.url).pathname;
  const child = startNode(
    'hello-world',
    ['--import', 'tsx', script],
    cleanEnv({ PORT: String(port) }),
    logPath,
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const readyMs = await waitForOk(child, `${baseUrl}/`);
  return { child, baseUrl, readyMs };
}

/**
 * Logs in through the real endpoint and returns the Cookie header that carries
 * the session, after checking that it opens an authenticated read.
 */
export async function loginCookie(
  baseUrl: string,
  email = DEMO_EMAIL,
  password = DEMO_PASSWORD,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`login as ${email} answered ${response.status}: ${body}`);
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => /^(__Host-)?vb_session=./.test(c));
  if (!session) throw new Error(`login as ${email} set no session cookie`);
  const check = await fetch(`${baseUrl}/api/account`, { headers: { cookie: session } });
  const account = await check.text();
  if (check.status !== 200)
    throw new Error(`GET /api/account with the new session answered ${check.status}: ${account}`);
  return session;
}
