import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The repository root: children run from here so relative imports and node_modules resolve. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

// Children still running when the bench stops (an error, Ctrl-C) must not outlive it.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
process.once('SIGINT', () => process.exit(130));

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The environment a child starts from: the caller's, without the settings that
 * would point it at someone else's database or change its defaults.
 */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    'DATABASE_URL',
    'VERBONDEN_DATA_DIR',
    'PUBLIC_URL',
    'NODE_ENV',
    'SMTP_URL',
    'PORT',
    'HOST',
  ])
    delete env[key];
  return { ...env, ...extra };
}

export interface Child {
  name: string;
  pid: number;
  logPath: string;
  /** performance.now() just before the spawn. */
  spawnedAt: number;
  /** Settles with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL when it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<number | string>;
}

/** Starts `node <args>` from the repository root, its output going to `logPath`. */
export function startNode(name: string, args: string[], env: NodeJS.ProcessEnv, logPath: string): Child {
  const fd = openSync(logPath, 'a');
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`${name}: could not start node`);
  live.add(child);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const stop = async (graceMs = 20_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  return { name, pid: child.pid, logPath, spawnedAt, exited, stop };
}

/** The last lines of a child's log, to explain why it failed. */
export function logTail(path: string, lines = 25): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function status(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/**
 * Polls `url` every `intervalMs` until it answers 200; returns the milliseconds
 * since the child was spawned. Fails early, with the child's log, when the child exits.
 */
export async function waitForOk(
  child: Child,
  url: string,
  timeoutMs = 120_000,
  intervalMs = 20,
): Promise<number> {
  let ended: number | string | undefined;
  void child.exited.then((code) => {
    ended = code;
  });
  while (performance.now() - child.spawnedAt < timeoutMs) {
    if ((await status(url)) === 200) return performance.now() - child.spawnedAt;
    if (ended !== undefined) break;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const why = ended !== undefined ? `exited (${ended})` : `did not answer 200 within ${timeoutMs / 1000} s`;
  await child.stop(2_000);
  throw new Error(
    `${child.name} ${why} at ${url}. Last lines of ${child.logPath}:\n${logTail(child.logPath)}`,
  );
}

/** Runs `node <args>` to its end; returns its stdout and the milliseconds from spawn to exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', reject);
    child.once('close', (code) => {
      live.delete(child);
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stdout: Buffer.concat(out).toString('utf8') });
      else
        reject(new Error(`node ${args.join(' ')} exited ${code}:\n${Buffer.concat(err).toString('utf8')}`));
    });
  });
}
