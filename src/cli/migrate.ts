import type { Command } from 'commander';
import { readMigrations } from '../platform/db/migrator.ts';
import { withContext } from './cli-support.ts';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations and exit.')
    .action(async () => {
      const kind = await withContext(async (ctx) => ctx.database.kind);
      process.stdout.write(
        `Database (${kind}) is at migration ${readMigrations().at(-1)?.name ?? 'none'}.\n`,
      );
    });
}
