import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileOffsetClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';

const HOUR = 3_600_000;

describe('the test clock that follows a file', () => {
  let dir: string;
  let file: string;
  let real: number;
  const clock = () => new FileOffsetClock(file, 150, () => real);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vb-clock-'));
    file = join(dir, 'offset');
    real = Date.UTC(2026, 10, 29, 9);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs on real time while the file is missing or empty', () => {
    const c = clock();
    expect(c.now().getTime()).toBe(real);
    writeFileSync(file, '');
    real += 1_000;
    expect(c.now().getTime()).toBe(real);
  });

  it('runs ahead of real time by the milliseconds in the file', () => {
    writeFileSync(file, String(2 * HOUR));
    expect(clock().now().getTime()).toBe(real + 2 * HOUR);
  });

  it('reads the file again only once the refresh interval has passed', () => {
    const c = clock();
    expect(c.now().getTime()).toBe(real);
    writeFileSync(file, String(HOUR));
    real += 100;
    expect(c.now().getTime()).toBe(real);
    real += 50;
    expect(c.now().getTime()).toBe(real + HOUR);
  });

  it('refuses a file that does not hold a number', () => {
    writeFileSync(file, 'morgen');
    expect(() => clock().now()).toThrow(/not a number/);
  });
});

describe('the test clock setting', () => {
  it('is accepted when NODE_ENV is test', () => {
    const config = loadConfig({ NODE_ENV: 'test', VERBONDEN_TEST_CLOCK_FILE: '/tmp/offset' });
    expect(config.testClockFile).toBe('/tmp/offset');
  });

  it.each(['production', 'development', undefined])(
    'is refused at start-up when NODE_ENV is %s',
    (nodeEnv) => {
      let error: unknown;
      try {
        loadConfig({ NODE_ENV: nodeEnv, VERBONDEN_TEST_CLOCK_FILE: '/tmp/offset' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'VERBONDEN_TEST_CLOCK_FILE: only allowed when NODE_ENV=test',
      ]);
    },
  );
});
