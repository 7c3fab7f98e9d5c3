import { type Command, Option } from 'commander';
import { roleSchema } from '../contracts/common.ts';
import { createUserWithPassword } from '../modules/accounts/accounts.admin.usecases.ts';
import { inviteMember } from '../modules/accounts/accounts.links.usecases.ts';
import { findOrganisation } from '../modules/tenancy/tenancy.usecases.ts';
import { invalidField } from '../platform/errors.ts';
import { readStdin, withContext } from './cli-support.ts';

export function registerUser(program: Command) {
  const user = program.command('user').description('Manage user accounts.');
  user
    .command('create')
    .description(
      'Create an account. With --password-stdin the password is read from standard input; otherwise an invitation is emailed (needs --org and --role).',
    )
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--name <name>', 'full name')
    .option('--org <organisation>', 'organisation id or exact name')
    .addOption(new Option('--role <role>', 'role in the organisation').choices(roleSchema.options))
    .option('--platform-admin', 'make this account a platform admin', false)
    .option('--password-stdin', 'read the password from standard input', false)
    .action(
      async (opts: {
        email: string;
        name: string;
        org?: string;
        role?: 'admin';
        platformAdmin: boolean;
        passwordStdin: boolean;
      }) => {
        if (Boolean(opts.org) !== Boolean(opts.role))
          throw invalidField(opts.org ? 'role' : 'org', 'validation.required');
        const password = opts.passwordStdin ? await readStdin() : undefined;
        await withContext(async (ctx) => {
          const org = opts.org ? await findOrganisation({ ctx, idOrName: opts.org }) : undefined;
          if (opts.org && !org) throw invalidField('org', 'tenancy.organisation_not_found');
          if (password !== undefined) {
            const { id } = await createUserWithPassword({
              ctx,
              email: opts.email,
              name: opts.name,
              password,
              organisationId: org?.id,
              role: opts.role,
              isPlatformAdmin: opts.platformAdmin,
            });
            process.stdout.write(`Created ${opts.email} (${id}).\n`);
            return;
          }
          if (!org || !opts.role) throw invalidField('org', 'validation.required');
          const sent = await inviteMember({
            ctx,
            actor: null,
            organisationId: org.id,
            email: opts.email,
            name: opts.name,
            role: opts.role,
            ip: 'cli',
          });
          process.stdout.write(
            `Invitation for ${sent.email} queued (valid until ${sent.expiresAt.toISOString()}); it is emailed by the running server's worker.\n`,
          );
        });
      },
    );
}
