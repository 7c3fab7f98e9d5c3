import { Command, CommanderError } from 'commander';
import { ConfigError } from '../platform/config.ts';
import { DataFolderInUseError } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { version } from '../platform/version.ts';
import { registerBackup, registerRestore } from './backup.ts';
import { describeError } from './cli-support.ts';
import { registerDemo } from './demo.ts';
import { registerExportHsds } from './export-hsds.ts';
import { registerImportGazetteer } from './import-gazetteer.ts';
import { registerImportHsds } from './import-hsds.ts';
import { registerMigrate } from './migrate.ts';
import { registerServe } from './serve.ts';
import { registerToken } from './token.ts';
import { registerUser } from './user.ts';

const program = new Command('verbonden')
  .description('Verbonden: connecting people against loneliness.')
  .version(version)
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerMigrate(program);
registerDemo(program);
registerUser(program);
registerToken(program);
registerBackup(program);
registerRestore(program);
registerImportGazetteer(program);
registerImportHsds(program);
registerExportHsds(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof AppError) process.stderr.write(`verbonden: ${describeError(error)}\n`);
  else if (error instanceof ConfigError || error instanceof DataFolderInUseError)
    process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`verbonden: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
