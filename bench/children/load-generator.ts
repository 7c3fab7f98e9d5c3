// The load generator, in a process of its own: autocannon drives the requests
// and this records every 2xx response time unrounded (autocannon's own
// histogram keeps whole milliseconds, too coarse for a sub-millisecond p50).
import { createRequire } from 'node:module';
import { percentile } from '../lib/stats.ts';

interface Options {
  url: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

interface Result {
  requests: { average: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

interface Instance extends PromiseLike<Result> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}

type Autocannon = (options: {
  url: string;
  headers: Record<string, string>;
  duration: number;
  connections: number;
}) => Instance;

const autocannon: Autocannon = createRequire(import.meta.url)('autocannon');
const options = JSON.parse(process.argv[2] ?? '{}') as Options;

const times: number[] = [];
const instance = autocannon({
  url: options.url,
  headers: options.headers,
  duration: options.seconds,
  connections: options.connections,
});
instance.on('response', (_client, status, _bytes, ms) => {
  if (status >= 200 && status < 300) times.push(ms);
});
const result = await instance;
const sorted = Float64Array.from(times).sort();
const mean = times.reduce((sum, t) => sum + t, 0) / Math.max(times.length, 1);
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    totalRequests: result.requests.total,
    seconds: result.duration,
    latencyMs: sorted.length
      ? { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1], mean }
      : { p50: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN },
    failures: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx },
  })}\n`,
);
