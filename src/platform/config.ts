import { z } from 'zod';

/**
 * One setting: the environment variable that sets it, what it means, how it is
 * validated and its default. Every module's settings are listed here so that an
 * invalid configuration stops the process with all problems at once.
 */
interface Setting<T extends z.ZodType> {
  env: string;
  doc: string;
  schema: T;
}

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const settings = {
  nodeEnv: {
    env: 'NODE_ENV',
    doc: 'production refuses demo data and turns on Secure/__Host- cookies.',
    schema: z.enum(['production', 'development', 'test']).default('development'),
  },
  host: { env: 'HOST', doc: 'Address to listen on.', schema: z.string().min(1).default('127.0.0.1') },
  port: {
    env: 'PORT',
    doc: 'Port to listen on.',
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
  },
  publicUrl: {
    env: 'PUBLIC_URL',
    doc: 'The address people use to reach Verbonden; used in emailed links. https turns on HSTS and Secure cookies.',
    schema: z.url().optional(),
  },
  dataDir: {
    env: 'VERBONDEN_DATA_DIR',
    doc: 'Folder of the embedded PGlite database (used when DATABASE_URL is not set).',
    schema: z.string().min(1).default('./data'),
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    doc: 'postgres://… of a PostgreSQL 15+ server; when set, the embedded database is not used.',
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional(),
  },
  demo: {
    env: 'VERBONDEN_DEMO',
    doc: 'auto: load the demo region into a new, empty database (never in production); off: never.',
    schema: z.enum(['auto', 'off']).default('auto'),
  },
  smtpUrl: {
    env: 'SMTP_URL',
    doc: 'smtp://user:pass@host:port (or smtps://) for outgoing email. Without it, email lands in the mail log admins can read.',
    schema: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
  },
  mailFrom: {
    env: 'MAIL_FROM',
    doc: 'Sender address of outgoing email.',
    schema: z.string().min(3).default('Verbonden <noreply@verbonden.invalid>'),
  },
  sessionIdleMinutes: {
    env: 'SESSION_IDLE_MINUTES',
    doc: 'A session ends after this many minutes without activity.',
    schema: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
  },
  sessionAbsoluteHours: {
    env: 'SESSION_ABSOLUTE_HOURS',
    doc: 'A session ends this many hours after login, active or not.',
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    doc: 'true when behind a reverse proxy that sets X-Forwarded-For/-Proto.',
    schema: bool.default(false),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    doc: 'fatal, error, warn, info, debug, trace or silent.',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  workers: {
    env: 'VERBONDEN_WORKERS',
    doc: 'Run the background job worker in this process (false for web-only instances).',
    schema: bool.default(true),
  },
  mapTileUrl: {
    env: 'MAP_TILE_URL',
    doc: 'Tile server of the finder map, e.g. https://tile.example.org/{z}/{x}/{y}.png (its origin must be allowed by img-src). Without it, the map loads no tiles and shows the results on a plain grid.',
    schema: z
      .string()
      .regex(/^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/, 'must be an https:// URL with {z}, {x} and {y}')
      .optional(),
  },
  testClockFile: {
    env: 'VERBONDEN_TEST_CLOCK_FILE',
    doc: 'Test only (refused unless NODE_ENV=test): a file holding milliseconds the server clock runs ahead, so browser tests can pass deadlines.',
    schema: z.string().min(1).optional(),
  },
} satisfies Record<string, Setting<z.ZodType>>;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates every setting; throws one ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(settings) as [string, Setting<z.ZodType>][]) {
    const raw = env[s.env];
    const parsed = s.schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${s.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  // A movable clock would let anyone with access to the file postpone or trigger deadlines and erasures.
  if (out.testClockFile !== undefined && out.nodeEnv !== 'test')
    problems.push(`${settings.testClockFile.env}: only allowed when NODE_ENV=test`);
  if (problems.length > 0) throw new ConfigError(problems);
  return out as Config;
}

/** True when cookies must be Secure and carry the __Host- prefix. */
export function isSecureDeployment(config: Config): boolean {
  return config.nodeEnv === 'production' || (config.publicUrl?.startsWith('https://') ?? false);
}

export function publicUrl(config: Config): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
}
