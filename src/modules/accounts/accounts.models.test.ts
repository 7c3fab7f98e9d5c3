import { describe, expect, it } from 'vitest';
import { checkNewPassword, newApiToken, newTotpSecret, totpCode, totpStep } from './accounts.models.ts';

describe('the password rule', () => {
  it('refuses passwords shorter than 12 characters', async () => {
    expect(await checkNewPassword('Kort!wacht1', 'password')).toMatchObject({
      code: 'accounts.password_too_short',
    });
  });

  it('refuses long but common passwords', async () => {
    expect(await checkNewPassword('wachtwoord123', 'password')).toMatchObject({
      code: 'accounts.password_too_common',
    });
    expect(await checkNewPassword('azertyuiop123', 'password')).toMatchObject({
      code: 'accounts.password_too_common',
    });
    expect(await checkNewPassword('123456789012', 'password')).toMatchObject({
      code: 'accounts.password_too_common',
    });
  });

  it("refuses a password made of the person's own name", async () => {
    expect(
      await checkNewPassword('MariaPeeters', 'password', ['maria.peeters@example.org', 'Maria Peeters']),
    ).toMatchObject({
      code: 'accounts.password_too_common',
    });
  });

  it('accepts a long passphrase', async () => {
    expect(await checkNewPassword('fietsen langs de Leie in mei', 'password')).toBeNull();
  });
});

describe('second factor codes', () => {
  it('accepts the current code and one step of drift, and names the step', async () => {
    const secret = newTotpSecret();
    const now = new Date('2026-03-02T09:00:10Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(totpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(totpStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, new Date(now.getTime() - 120_000)), now)).toBeNull();
  });
});

describe('API tokens', () => {
  it('are long, random and recognisable', async () => {
    const a = newApiToken();
    const b = newApiToken();
    expect(a.token).toMatch(/^vb_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.token.startsWith(a.prefix)).toBe(true);
  });
});
