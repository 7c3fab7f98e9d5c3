import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { App } from '../../platform/http/app.ts';
import { networksClientData } from './networks.rights.ts';
import { networkTeam, widower } from './networks.routes.fixture.ts';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

describe('the network part of an access request', () => {
  it('holds the current map and every snapshot, whole, and nothing of other clients', async () => {
    const team = await networkTeam(ctx, app);
    const client = await team.newClient();
    const other = await team.newClient();
    const headers = team.sessions.worker.headers;
    const story = widower();
    const put = (clientId: string, document: object, version: number) =>
      app.inject({
        method: 'PUT',
        url: `/api/clients/${clientId}/network`,
        payload: { document, version },
        headers,
      });
    await put(client.id, story.before, 0);
    await app.inject({
      method: 'POST',
      url: `/api/clients/${client.id}/network/snapshots`,
      payload: { takenOn: '2025-09-01', label: 'Bij de start' },
      headers,
    });
    await put(client.id, story.now, 1);
    await put(other.id, story.before, 0);

    const key = { organisationId: team.organisationId, clientId: client.id };
    const data = (await networksClientData.exportForClient(ctx.db, key, 'nl-BE')) as {
      map: { document: unknown; version: number };
      snapshots: { takenOn: string; label: string; document: unknown }[];
    };
    expect(data.map).toMatchObject({ document: story.now, version: 2 });
    expect(data.snapshots).toHaveLength(1);
    expect(data.snapshots[0]).toMatchObject({
      takenOn: '2025-09-01',
      label: 'Bij de start',
      document: story.before,
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('is empty for a client without a map', async () => {
    const team = await networkTeam(ctx, app);
    const client = await team.newClient();
    const data = await networksClientData.exportForClient(
      ctx.db,
      { organisationId: team.organisationId, clientId: client.id },
      'nl-BE',
    );
    expect(data).toEqual({ map: null, snapshots: [] });
  });

  it('has a translated title', async () => {
    const { translator } = await import('../../platform/i18n/i18n.ts');
    expect(translator('nl-BE')(networksClientData.titleKey)).toBe('Netwerkkaart en momentopnamen');
  });
});
