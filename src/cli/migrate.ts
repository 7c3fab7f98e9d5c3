import type { Command } from 'commander';
import { openContext } from '../platform/boot.ts';
import { loadConfig } from '../platform/config.ts';
import { readMigrations } from '../platform/db/migrator.ts';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations and exit.')
    .action(async () => {
      const config = loadConfig();
      const { ctx, close } = await openContext({ ...config, logLevel: 'warn' });
      await close();
      process.stdout.write(
        `Database (${ctx.database.kind}) is at migration ${readMigrations().at(-1)?.name ?? 'none'}.\n`,
      );
    });
}
