import { expect } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import type { TestSession } from './factories.ts';

interface GuardedRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
}

/**
 * Asserts the access rules of one route: without login 401; with the wrong
 * role 403; from another organisation/municipality 403 (or 404, which hides
 * that the record exists); with the right role not refused.
 */
export async function expectGuarded(
  app: App,
  request: GuardedRequest,
  who: { allowed?: TestSession; wrongRole?: TestSession; wrongTenant?: TestSession },
) {
  const send = (session?: TestSession) =>
    app.inject({
      method: request.method,
      url: request.url,
      payload: request.payload as object,
      headers: session?.headers,
    });
  const anonymous = await send();
  expect(anonymous.statusCode, `${request.method} ${request.url} without login`).toBe(401);
  expect(anonymous.headers['content-type']).toContain('application/problem+json');
  if (who.wrongRole)
    expect((await send(who.wrongRole)).statusCode, `${request.method} ${request.url} wrong role`).toBe(403);
  if (who.wrongTenant)
    expect([403, 404], `${request.method} ${request.url} other tenant`).toContain(
      (await send(who.wrongTenant)).statusCode,
    );
  if (who.allowed) {
    const ok = await send(who.allowed);
    expect(ok.statusCode, `${request.method} ${request.url} allowed: ${ok.body}`).toBeLessThan(400);
    return ok;
  }
  return anonymous;
}
