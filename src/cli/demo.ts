import type { Command } from 'commander';
import { DEMO_PASSWORD, demoUsers } from '../modules/demo/demo.models.ts';
import { loadDemo } from '../modules/demo/demo.usecases.ts';
import { withContext } from './cli-support.ts';

export function registerDemo(program: Command) {
  program
    .command('demo')
    .description(
      'Load the fictional demo region (West-Vlaanderen) with one account per role. Refused in production.',
    )
    .action(async () => {
      const { loaded } = await withContext((ctx) => loadDemo({ ctx }));
      process.stdout.write(
        loaded ? 'Demo region loaded.\n' : 'The demo region is already there; nothing changed.\n',
      );
      process.stdout.write(`Demo accounts (password for all: ${DEMO_PASSWORD}):\n`);
      for (const u of demoUsers) process.stdout.write(`  ${u.email.padEnd(40)} ${u.purpose}\n`);
    });
}
