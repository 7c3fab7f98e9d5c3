import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('uses argon2id with the OWASP baseline and verifies only the right password', async () => {
    const hash = await hashPassword('een lange zin als wachtwoord');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'een lange zin als wachtwoord')).toBe(true);
    expect(await verifyPassword(hash, 'een lange zin als wachtwoorD')).toBe(false);
  });

  it('refuses when there is no stored hash, and a corrupt hash does not throw', async () => {
    expect(await verifyPassword(null, 'wat dan ook')).toBe(false);
    expect(await verifyPassword('geen-hash', 'wat dan ook')).toBe(false);
  });
});
