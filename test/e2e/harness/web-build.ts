import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Rebuilding dist/web while another e2e run's server serves it. `vite build` empties its
 * outDir first, so a page loaded a moment earlier asks for chunks that are gone (404). Here
 * the build goes to a staging folder and is moved in file by file with rename (a reader sees
 * the old file or the new one, never half of one); old hashed chunks stay for the pages that
 * still use them, and index.html, the only file naming the new chunks, moves in last.
 */

export const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = join(root, 'dist');
const web = join(dist, 'web');
const serverBundle = join(dist, 'server', 'verbonden.mjs');
const lock = join(dist, '.e2e-build.lock');
const viteBin = join(root, 'node_modules/vite/bin/vite.js');

// Each e2e file runs its own server for a few minutes: no page still wants a chunk this old.
// Pruning keeps the folder small, which matters: the server registers a route per file at start.
const OLD_CHUNK_MS = 60 * 60 * 1000;
const LOCK_WAIT_MS = 10 * 60 * 1000;
// A lock folder without its pid file yet, older than this, was left by a process that died.
const LOCK_PID_GRACE_MS = 10_000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock's holder still runs; a lock gone in the meantime counts as held (try again). */
function lockAbandoned(): boolean {
  try {
    return !isAlive(Number(readFileSync(join(lock, 'pid'), 'utf8')));
  } catch {
    try {
      return Date.now() - statSync(lock).mtimeMs > LOCK_PID_GRACE_MS;
    } catch {
      return false;
    }
  }
}

async function acquireLock(): Promise<() => void> {
  mkdirSync(dist, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (lockAbandoned()) {
      // Its builder was killed mid-build (build() clears what it left behind).
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`e2e: ${lock} is still held by another run`);
    if (!told) process.stdout.write(`e2e: waiting for another run's build (${lock})\n`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Copy, then rename over the old file: a server never sends a half-written one. */
function place(from: string, to: string, mtime?: Date) {
  mkdirSync(dirname(to), { recursive: true });
  const temporary = `${to}.${process.pid}.tmp`;
  copyFileSync(from, temporary);
  if (mtime) utimesSync(temporary, mtime, mtime);
  renameSync(temporary, to);
}

function swapIn(stage: string, builtFrom: Date) {
  const files = filesUnder(stage);
  for (const file of files) if (file !== 'index.html') place(join(stage, file), join(web, file));
  // Stamped with the build's start, not its end: a source saved during the build makes it stale.
  place(join(stage, 'index.html'), join(web, 'index.html'), builtFrom);
  const current = new Set(files);
  const cutoff = Date.now() - OLD_CHUNK_MS;
  for (const file of filesUnder(web)) {
    const path = join(web, file);
    if (!current.has(file) && statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
  }
}

/** Staging leftovers of a build that was killed; only called while holding the lock. */
function clearLeftovers() {
  for (const name of readdirSync(dist))
    if (name.startsWith('.web-stage-')) rmSync(join(dist, name), { recursive: true, force: true });
  const servers = dirname(serverBundle);
  mkdirSync(servers, { recursive: true });
  for (const name of readdirSync(servers))
    if (name.startsWith('.verbonden-')) rmSync(join(servers, name), { force: true });
}

function build() {
  const startedAt = new Date();
  clearLeftovers();
  const stage = mkdtempSync(join(dist, '.web-stage-'));
  const stagedServer = join(dirname(serverBundle), `.verbonden-${process.pid}.mjs`);
  try {
    run(process.execPath, [viteBin, 'build', '--outDir', stage, '--emptyOutDir', '--logLevel', 'warn']);
    // The same bundle `npm run build` makes (a faster server start); the last --outfile wins.
    run('npm', ['run', '-s', 'build:server', '--', `--outfile=${stagedServer}`]);
    // bin/verbonden.mjs runs the bundle only while it is newer than every source file.
    utimesSync(stagedServer, startedAt, startedAt);
    renameSync(stagedServer, serverBundle);
    swapIn(stage, startedAt);
  } finally {
    rmSync(stage, { recursive: true, force: true });
    rmSync(stagedServer, { force: true });
  }
}

/**
 * Builds dist/web (and the server bundle) when `needed()` says so, one run at a time:
 * `needed` is asked again once the lock is held, so a run that waited for another's
 * build does not build the same sources twice.
 */
export async function buildLocked(needed: () => boolean): Promise<void> {
  const release = await acquireLock();
  try {
    if (needed()) build();
  } finally {
    release();
  }
}
