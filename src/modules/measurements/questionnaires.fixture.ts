// Shared set-up of the custom questionnaire route tests: one organisation with
// every role, a second organisation, a definition and answers that fit it.
import { afterAll, beforeAll, expect } from 'vitest';
import { createClient } from '../../../test/harness/clients.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';

export let ctx: TestContext;
export let app: App;
export let organisationId: string;
export let coordinatorId: string;
export let workerId: string;
export let volunteerId: string;
export let otherOrganisationId: string;
export const as: Record<
  'coordinator' | 'worker' | 'englishWorker' | 'volunteer' | 'admin' | 'otherCoordinator' | 'otherWorker',
  TestSession
> = {} as never;

export const definition = {
  title: { 'nl-BE': 'Buurtgevoel', en: 'Neighbourhood feeling' },
  intro: { 'nl-BE': 'Een paar vragen over je buurt.' },
  items: [
    {
      code: 'contact',
      text: { 'nl-BE': 'Hoe vaak spreek je een buur?', en: 'How often do you talk to a neighbour?' },
      scale: {
        type: 'choice',
        options: [
          { code: 'daily', label: { 'nl-BE': 'elke dag', en: 'every day' } },
          { code: 'weekly', label: { 'nl-BE': 'elke week', en: 'every week' } },
          { code: 'rarely', label: { 'nl-BE': 'zelden', en: 'rarely' } },
        ],
      },
    },
    {
      code: 'neighbours',
      text: { 'nl-BE': 'Hoeveel buren ken je bij naam?' },
      scale: { type: 'number', min: 0, max: 50 },
    },
    { code: 'helps', text: { 'nl-BE': 'Zou een buur je helpen?' }, scale: { type: 'yes_no' } },
    {
      code: 'wish',
      text: { 'nl-BE': 'Wat zou je graag doen in de buurt?' },
      required: false,
      scale: { type: 'text', maxLength: 20 },
    },
  ],
};
export const goodAnswers = { contact: 'weekly', neighbours: 4, helps: true, wish: 'samen koken' };

/** Registers the set-up and tear-down of the test file that calls it. */
export function setUpQuestionnaireWorld() {
  beforeAll(async () => {
    ctx = await createTestContext();
    app = await createTestApp(ctx);
    ctx.clock.set(new Date('2026-06-15T10:00:00Z'));
    const here = await createTenant(ctx);
    const there = await createTenant(ctx);
    organisationId = here.organisation.id;
    const coordinator = await createUser(ctx, { organisationId, role: 'coordinator' });
    const worker = await createUser(ctx, { organisationId, role: 'worker' });
    const volunteer = await createUser(ctx, { organisationId, role: 'volunteer' });
    coordinatorId = coordinator.id;
    workerId = worker.id;
    volunteerId = volunteer.id;
    as.coordinator = await loginAs(app, coordinator);
    as.worker = await loginAs(app, worker);
    as.volunteer = await loginAs(app, volunteer);
    const englishWorker = await createUser(ctx, { organisationId, role: 'worker' });
    await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', englishWorker.id).execute();
    as.englishWorker = await loginAs(app, englishWorker);
    as.admin = await loginAs(app, await createUser(ctx, { organisationId, role: 'admin' }));
    const otherOrg = there.organisation.id;
    otherOrganisationId = otherOrg;
    as.otherCoordinator = await loginAs(
      app,
      await createUser(ctx, { organisationId: otherOrg, role: 'coordinator' }),
    );
    as.otherWorker = await loginAs(app, await createUser(ctx, { organisationId: otherOrg, role: 'worker' }));
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export const send = (method: Method, url: string, session?: TestSession, payload?: unknown) =>
  app.inject({ method, url, headers: session?.headers, payload: payload as object });

export async function newQuestionnaire(body: object = definition): Promise<string> {
  const res = await send('POST', '/api/questionnaires', as.coordinator, { organisationId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().version).toBe(1);
  return res.json().id;
}

export const newClient = () =>
  createClient(ctx, {
    organisationId,
    createdBy: workerId,
    givenName: 'Josée',
  });

export const answer = (
  clientId: string,
  questionnaireId: string,
  answers: object,
  version = 1,
  session = as.worker,
) =>
  send('POST', `/api/clients/${clientId}/questionnaire-responses`, session, {
    questionnaireId,
    version,
    answeredOn: '2026-06-14',
    answers,
  });

export const storedResponses = (clientId: string) =>
  ctx.db.selectFrom('questionnaire_responses').selectAll().where('client_id', '=', clientId).execute();
