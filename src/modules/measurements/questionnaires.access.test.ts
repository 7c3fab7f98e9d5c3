// Who may manage custom questionnaires and record answers to them.

import { describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createClient } from '../../../test/harness/clients.ts';
import {
  answer,
  app,
  as,
  ctx,
  definition,
  goodAnswers,
  newQuestionnaire,
  organisationId,
  send,
  setUpQuestionnaireWorld,
  storedResponses,
  volunteerId,
  workerId,
} from './questionnaires.fixture.ts';

setUpQuestionnaireWorld();

describe('who reaches custom questionnaires', () => {
  it('lets only the organisation’s coordinators manage them: 401 without login, 403 for other roles, 404 elsewhere', async () => {
    const id = await newQuestionnaire();
    await expectGuarded(
      app,
      { method: 'GET', url: '/api/questionnaires' },
      { allowed: as.coordinator, wrongRole: as.worker },
    );
    await expectGuarded(
      app,
      { method: 'POST', url: '/api/questionnaires', payload: { organisationId, ...definition } },
      { wrongRole: as.worker, wrongTenant: as.otherCoordinator },
    );
    const routes = [
      { method: 'GET', url: `/api/questionnaires/${id}` },
      { method: 'PUT', url: `/api/questionnaires/${id}`, payload: definition },
      { method: 'POST', url: `/api/questionnaires/${id}/versions`, payload: definition },
      { method: 'POST', url: `/api/questionnaires/${id}/retire` },
      { method: 'GET', url: `/api/questionnaires/${id}/versions/1/definition.json` },
      { method: 'GET', url: `/api/questionnaires/${id}/versions/1/responses.csv` },
    ] as const;
    for (const route of routes) {
      await expectGuarded(app, route, { wrongRole: as.worker });
      for (const who of [as.otherCoordinator, as.otherWorker]) {
        const res = await send(route.method, route.url, who, 'payload' in route ? route.payload : undefined);
        expect(res.statusCode, `${route.method} ${route.url} from another organisation`).toBe(404);
        expect(res.json().code).toBe('questionnaires.not_found');
      }
    }
    expect(
      (await send('GET', `/api/questionnaires?organisationId=${organisationId}`, as.otherCoordinator))
        .statusCode,
    ).toBe(403);
    const [row] = await ctx.db.selectFrom('questionnaires').selectAll().where('id', '=', id).execute();
    expect(row).toMatchObject({ status: 'active', current_version: 1 });
  });

  it('lets the client’s team record answers, not an assigned volunteer, an organisation admin or another organisation', async () => {
    const id = await newQuestionnaire();
    const client = await createClient(ctx, {
      organisationId,
      createdBy: workerId,
      assigned: [{ userId: volunteerId, role: 'volunteer' }],
    });
    const body = { questionnaireId: id, version: 1, answeredOn: '2026-06-14', answers: goodAnswers };
    await expectGuarded(
      app,
      { method: 'POST', url: `/api/clients/${client.id}/questionnaire-responses`, payload: body },
      { wrongRole: as.volunteer, wrongTenant: as.otherWorker },
    );
    const byAdmin = await send('POST', `/api/clients/${client.id}/questionnaire-responses`, as.admin, body);
    // An organisation admin does not reach client data, and hears so (a member, not an outsider).
    expect(byAdmin.statusCode, byAdmin.body).toBe(403);
    await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients/${client.id}/questionnaires` },
      { wrongTenant: as.otherWorker, allowed: as.worker },
    );
    expect(await storedResponses(client.id)).toEqual([]);
    expect((await answer(client.id, id, goodAnswers, 1, as.coordinator)).statusCode).toBe(201);
  });
});
