import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { Secret, TOTP } from 'otpauth';
import { MIN_PASSWORD_LENGTH } from '../../contracts/accounts.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { randomToken } from '../../platform/ids.ts';

let estimator: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries are large: load them on the first password check, not at start-up. */
function passwordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, fr, nlBe] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-fr'),
      import('@zxcvbn-ts/language-nl-be'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary, ...nlBe.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return estimator;
}

/** zxcvbn score (0–4) below which a password counts as too easy to guess. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * The password rule: at least 12 characters and not among the common or easily
 * guessed passwords (Dutch, French and English dictionaries, names, keyboard
 * patterns, the person's own email and name).
 */
export async function checkNewPassword(
  password: string,
  field: string,
  personal: string[] = [],
): Promise<FieldProblem | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return { field, code: 'accounts.password_too_short', params: { min: MIN_PASSWORD_LENGTH } };
  const inputs = personal
    .flatMap((p) => [p, ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u)])
    .filter((p) => p.length > 2);
  if ((await passwordEstimator()).check(password.slice(0, 100), inputs).score < MIN_PASSWORD_SCORE)
    return { field, code: 'accounts.password_too_common' };
  return null;
}

export const TOTP_PERIOD_SECONDS = 30;

function totp(secretBase32: string, label: string) {
  return new TOTP({
    issuer: 'Verbonden',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUrl(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/**
 * The time step a code belongs to when it is valid now (one step of clock
 * drift either way), or null. Callers refuse a step at or before the last one
 * used, so a code is never accepted twice.
 */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** The code of a given moment (for tests and the CLI). */
export function totpCode(secretBase32: string, now: Date): string {
  return totp(secretBase32, 'x').generate({ timestamp: now.getTime() });
}

export const API_TOKEN_PREFIX = 'vb_';

/** A personal API token: recognisable prefix, 256 random bits. Only its SHA-256 is stored. */
export function newApiToken(): { token: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  return { token, prefix: token.slice(0, 10) };
}

export const INVITATION_DAYS = 7;
export const PASSWORD_RESET_MINUTES = 60;

/** Throttle windows: failed logins per account+IP and per IP. There is no per-account lockout, so nobody can lock a user out. */
export const THROTTLE = {
  windowMinutes: 15,
  perAccountAndIp: 5,
  perIp: 30,
  resetRequestsPerIp: 10,
} as const;

/** The first name, for a warm greeting in emails ("Dag Wout"). */
export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;
