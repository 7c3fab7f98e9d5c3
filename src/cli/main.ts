import { Command, CommanderError } from 'commander';
import { ConfigError } from '../platform/config.ts';
import { DataFolderInUseError } from '../platform/db/database.ts';
import { version } from '../platform/version.ts';
import { registerMigrate } from './migrate.ts';
import { registerServe } from './serve.ts';

const program = new Command('verbonden')
  .description('Verbonden: connecting people against loneliness.')
  .version(version)
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerMigrate(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError || error instanceof DataFolderInUseError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`verbonden: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
}
