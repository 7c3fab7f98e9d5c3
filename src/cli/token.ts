import type { Command } from 'commander';
import { findUserByEmail } from '../modules/accounts/accounts.admin.usecases.ts';
import { createApiToken } from '../modules/accounts/accounts.usecases.ts';
import { invalidField } from '../platform/errors.ts';
import { withContext } from './cli-support.ts';

export function registerToken(program: Command) {
  const token = program.command('token').description('Manage personal API tokens.');
  token
    .command('create')
    .description('Create a personal API token for a user and print it (shown once).')
    .requiredOption('--email <email>', "the token's user")
    .option('--name <name>', 'what the token is for', 'CLI')
    .action(async (opts: { email: string; name: string }) => {
      const created = await withContext(async (ctx) => {
        const user = await findUserByEmail({ ctx, email: opts.email });
        if (!user?.active) throw invalidField('email', 'accounts.user_not_found');
        return createApiToken({ ctx, userId: user.id, name: opts.name, ip: null });
      });
      process.stdout.write(`${created.token}\n`);
    });
}
