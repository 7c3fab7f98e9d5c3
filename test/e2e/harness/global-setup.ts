import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');
// What ends up in the web bundle: the app, its contracts and every locale file.
const sources = ['src/web', 'src/contracts', 'src/locales', 'vite.config.ts'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/**
 * The server serves dist/web; CI builds it before this step, and a stale or missing
 * bundle is rebuilt here so `npm run test:e2e` alone tests the current code.
 */
export default function setup() {
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newestChange(join(root, s))));
  if (builtAt > changedAt) return;
  process.stdout.write('e2e: dist/web is missing or older than the sources; running npm run build\n');
  const result = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: root,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}
