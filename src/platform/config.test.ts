import { describe, expect, it } from 'vitest';
import { ConfigError, isSecureDeployment, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', demo: 'auto', nodeEnv: 'development' });
    expect(config.databaseUrl).toBeUndefined();
    expect(isSecureDeployment(config)).toBe(false);
  });

  it('refuses an invalid configuration, listing every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'zeventig',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'http://mail',
        SESSION_IDLE_MINUTES: '1',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'SESSION_IDLE_MINUTES'])
      expect(problems).toContain(name);
  });

  it('treats production and https as a secure deployment', () => {
    expect(isSecureDeployment(loadConfig({ NODE_ENV: 'production' }))).toBe(true);
    expect(isSecureDeployment(loadConfig({ PUBLIC_URL: 'https://verbonden.example.org' }))).toBe(true);
  });
});
