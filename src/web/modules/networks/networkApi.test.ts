import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_NETWORK_MAP, SECTORS } from '../../../contracts/networks.ts';
import type { NetworkMapView } from '../../../contracts/networks-api.ts';

// The web's i18n reads the locale cookie and the browser's languages when it loads; this test
// runs in Node, without a page (Node 20 has no navigator either).
vi.hoisted(() => {
  const page = {
    document: { cookie: '', documentElement: {} },
    navigator: { language: 'nl-BE', languages: ['nl-BE'] },
  };
  for (const [name, value] of Object.entries(page))
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
});

const { ApiError } = await import('../../api.ts');
const { saveMap } = await import('./networkApi.ts');

const clientId = '6f1c2f5e-3f5a-4c1e-9d36-0b6a51c1a001';

const theirs: NetworkMapView = {
  document: {
    ...EMPTY_NETWORK_MAP,
    ecogram: {
      members: [{ id: 'els', label: 'dochter Els', sector: SECTORS[0], ring: 1, formal: false }],
      ties: [],
    },
  },
  version: 4,
  updatedAt: '2026-03-02T09:30:00.000Z',
  updatedBy: { id: '9b2d7c1e-1a4f-4b8e-a3c2-5d6e7f8a9b0c', name: 'Bram Begeleider' },
};

function problem(status: number, body: object): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('saving a network map', () => {
  it('takes the map someone else saved from the conflict answer itself, without asking again', async () => {
    const fetch = vi.fn(async () =>
      problem(409, {
        type: 'urn:verbonden:problem:networks.version_conflict',
        title: 'Iemand anders heeft deze kaart intussen bewaard.',
        status: 409,
        code: 'networks.version_conflict',
        current: theirs,
      }),
    );
    vi.stubGlobal('fetch', fetch);

    const result = await saveMap(clientId, EMPTY_NETWORK_MAP, 3);

    expect(result).toEqual({ kind: 'conflict', current: theirs });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows a conflict answer without the saved map as an error instead of guessing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problem(409, {
          type: 'urn:verbonden:problem:networks.version_conflict',
          title: 'Iemand anders heeft deze kaart intussen bewaard.',
          status: 409,
          code: 'networks.version_conflict',
        }),
      ),
    );

    const saving = saveMap(clientId, EMPTY_NETWORK_MAP, 3);

    await expect(saving).rejects.toBeInstanceOf(ApiError);
    await expect(saving).rejects.toMatchObject({ status: 409, code: 'networks.version_conflict' });
  });

  it('keeps the whole problem body on the error for the caller to read', async () => {
    const body = { type: 'urn:x', title: 'Niet gevonden.', status: 404, code: 'clients.not_found' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(404, body)),
    );

    const error = await saveMap(clientId, EMPTY_NETWORK_MAP, 3).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as InstanceType<typeof ApiError>).body).toEqual(body);
  });
});
