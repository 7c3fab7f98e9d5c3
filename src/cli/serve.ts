import type { Command } from 'commander';
import { DEMO_PASSWORD, demoUsers } from '../modules/demo/demo.models.ts';
import { hasDemo } from '../modules/demo/demo.usecases.ts';
import { startServer } from '../platform/boot.ts';
import { loadConfig, publicUrl } from '../platform/config.ts';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description(
      'Start the Verbonden server (migrates the database first; loads the demo region into a new one).',
    )
    .action(async () => {
      const config = loadConfig();
      // Listen for signals before starting, so a stop during start-up still shuts down cleanly once started.
      let stopRequested: string | undefined;
      let shutdown = (signal: string) => {
        stopRequested = signal;
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));

      const server = await startServer(config);
      shutdown = (signal: string) => {
        server.ctx.log.info({ signal }, 'shutting down: finishing requests and jobs');
        server.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            server.ctx.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      if (stopRequested) return shutdown(stopRequested);

      const base = config.publicUrl ? publicUrl(config) : server.url.replace('127.0.0.1', 'localhost');
      const lines = [
        '',
        `Verbonden ${server.freshDatabase ? '(new database) ' : ''}is running: ${base}`,
        `Log in at ${base}/login`,
      ];
      if (await hasDemo({ ctx: server.ctx })) {
        lines.push('', `Demo accounts (password for all: ${DEMO_PASSWORD}):`);
        for (const u of demoUsers) lines.push(`  ${u.email.padEnd(40)} ${u.purpose}`);
      }
      process.stdout.write(`${lines.join('\n')}\n\n`);
    });
}
