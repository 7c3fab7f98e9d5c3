import { fileURLToPath } from 'node:url';
import { cleanEnv, runNode } from './processes.ts';

const generator = fileURLToPath(new URL('../children/load-generator.ts', import.meta.url));

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  seconds: number;
  connections: number;
  /** A first run, thrown away, so JIT compilation and pools settle before measuring. */
  warmupSeconds: number;
}

export interface LoadResult {
  url: string;
  connections: number;
  requestsPerSecond: number;
  totalRequests: number;
  seconds: number;
  latencyMs: { p50: number; p99: number; max: number; mean: number };
  /** Connection errors, timeouts and non-2xx answers: any of them makes the figures suspect. */
  failures: { errors: number; timeouts: number; non2xx: number };
}

async function generate(
  options: LoadOptions,
  seconds: number,
): Promise<Omit<LoadResult, 'url' | 'connections'>> {
  const input = {
    url: options.url,
    headers: options.headers ?? {},
    seconds,
    connections: options.connections,
  };
  const { stdout } = await runNode(['--import', 'tsx', generator, JSON.stringify(input)], cleanEnv({}));
  return JSON.parse(stdout) as Omit<LoadResult, 'url' | 'connections'>;
}

/** Loads one URL over loopback for a bounded time; the generator runs in its own process. */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await generate(options, options.warmupSeconds);
  const result = await generate(options, options.seconds);
  return { url: options.url, connections: options.connections, ...result };
}
