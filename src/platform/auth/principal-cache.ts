import type { Principal } from './principal.ts';

/**
 * How long a resolved session or API token is trusted without reading the
 * database again. The repositories that change users, memberships, sessions,
 * tokens and organisations evict at once in this process; another instance
 * sees such a change within this time.
 */
export const PRINCIPAL_CACHE_MS = 3_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  /** Cached until (clock time, ms). */
  until: number;
  /** When the session row's expiry ends it regardless (absolute), and the idle deadline. */
  expiresAt: number;
  lastSeenAt: number;
}

// Keyed by SHA-256 of the session or token: unique across databases too (tests run many in one process).
const cache = new Map<string, Entry>();

export function cachedPrincipal(key: string, now: number): Entry | undefined {
  const entry = cache.get(key);
  if (!entry) return undefined;
  if (entry.until <= now) {
    cache.delete(key);
    return undefined;
  }
  return entry;
}

export function rememberPrincipal(key: string, entry: Entry): void {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, entry);
}

/** Forget one session or token (logout). */
export function forgetPrincipal(key: string): void {
  cache.delete(key);
}

/** Forget every cached session and token of a user (their account, roles or sessions changed). */
export function forgetUser(userId: string): void {
  for (const [key, entry] of cache) if (entry.principal.user.id === userId) cache.delete(key);
}

/** Forget everything (an organisation's settings changed, which affects all its members). */
export function forgetAllPrincipals(): void {
  cache.clear();
}
