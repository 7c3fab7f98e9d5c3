import { openContext } from '../platform/boot.ts';
import { loadConfig } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n/i18n.ts';

/** Opens the configured database for one CLI command and always closes it. */
export async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { ctx, close } = await openContext({ ...config, logLevel: 'warn' });
  try {
    return await work(ctx);
  } finally {
    await close();
  }
}

/** An AppError as the CLI prints it: the English message and, per field, what is wrong. */
export function describeError(error: AppError): string {
  const t = translator('en');
  const lines = [t(`errors.${error.code}`, error.params)];
  for (const f of error.fields) lines.push(`  ${f.field}: ${t(`errors.${f.code}`, f.params ?? {})}`);
  return lines.join('\n');
}

/** Reads all of standard input (for secrets that must not appear in the shell history or process list). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new AppError('validation.required', 400, {}, [{ field: 'stdin', code: 'validation.required' }]);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
