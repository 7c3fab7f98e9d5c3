import type { Command } from 'commander';
import { startServer } from '../platform/boot.ts';
import { loadConfig } from '../platform/config.ts';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Start the Verbonden server (migrates the database first).')
    .action(async () => {
      const config = loadConfig();
      const server = await startServer(config);
      process.stdout.write(`\nVerbonden is running on ${server.url.replace('127.0.0.1', 'localhost')}\n`);
      const shutdown = (signal: string) => {
        server.ctx.log.info({ signal }, 'shutting down');
        server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
