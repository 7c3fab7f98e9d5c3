import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { prepareTemplate } from './server.ts';
import { buildLocked, root } from './web-build.ts';

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

function isFresh(): boolean {
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  return builtAt > Math.max(...sources.map((s) => newestChange(join(root, s))));
}

/**
 * The server serves dist/web; CI builds it before this step, and a stale or missing
 * bundle is rebuilt here so `npm run test:e2e` alone tests the current code. Several
 * runs may overlap on one checkout: the rebuild is locked, staged and swapped in (see
 * web-build.ts), and a run that waited for another's rebuild uses that one. Then it makes
 * the template database the servers start from (prepareTemplate in server.ts).
 */
export default async function setup() {
  if (!isFresh())
    await buildLocked(() => {
      if (isFresh()) return false;
      process.stdout.write('e2e: dist/web is missing or older than the sources; building it\n');
      return true;
    });
  // One first start (migrations, gazetteer, demo region) that every file's server copies.
  return prepareTemplate();
}
