import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createClient } from '../../../test/harness/clients.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { App } from '../../platform/http/app.ts';
import { renderAccessRequestPdf } from '../clients/clients.rights.pdf.ts';
import { buildAccessRequest } from '../clients/clients.rights.usecases.ts';
import { questionnairesClientData } from './questionnaires.rights.ts';

let ctx: TestContext;
let app: App;
let organisationId: string;
let coordinatorId: string;
let workerId: string;
let volunteerId: string;
let otherOrganisationId: string;
const as: Record<
  'coordinator' | 'worker' | 'englishWorker' | 'volunteer' | 'admin' | 'otherCoordinator' | 'otherWorker',
  TestSession
> = {} as never;

const definition = {
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
const goodAnswers = { contact: 'weekly', neighbours: 4, helps: true, wish: 'samen koken' };

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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const send = (method: Method, url: string, session?: TestSession, payload?: unknown) =>
  app.inject({ method, url, headers: session?.headers, payload: payload as object });

async function newQuestionnaire(body: object = definition): Promise<string> {
  const res = await send('POST', '/api/questionnaires', as.coordinator, { organisationId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().version).toBe(1);
  return res.json().id;
}

const newClient = () =>
  createClient(ctx, {
    organisationId,
    createdBy: workerId,
    givenName: 'Josée',
  });

const answer = (
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

const storedResponses = (clientId: string) =>
  ctx.db.selectFrom('questionnaire_responses').selectAll().where('client_id', '=', clientId).execute();

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

describe('answers to a custom questionnaire', () => {
  it('are stored against the exact version and shown in words, never with a score or a category', async () => {
    const id = await newQuestionnaire();
    const client = await newClient();
    const res = await answer(client.id, id, goodAnswers);
    expect(res.statusCode, res.body).toBe(201);
    const [stored] = await storedResponses(client.id);
    expect(stored).toMatchObject({
      questionnaire_id: id,
      questionnaire_version: 1,
      recorded_by: workerId,
      answers: goodAnswers,
    });

    const list = await send('GET', `/api/clients/${client.id}/questionnaires`, as.worker);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.available.map((q: { id: string }) => q.id)).toContain(id);
    const [response] = body.responses;
    expect(response).toMatchObject({
      questionnaireId: id,
      version: 1,
      title: 'Buurtgevoel',
      answeredOn: '2026-06-14',
    });
    expect(response.answers).toEqual([
      { code: 'contact', question: 'Hoe vaak spreek je een buur?', answer: 'elke week' },
      { code: 'neighbours', question: 'Hoeveel buren ken je bij naam?', answer: '4' },
      { code: 'helps', question: 'Zou een buur je helpen?', answer: 'ja' },
      { code: 'wish', question: 'Wat zou je graag doen in de buurt?', answer: 'samen koken' },
    ]);
    expect(list.body).not.toMatch(/"(score|total|category)"/);

    const english = await send('GET', `/api/clients/${client.id}/questionnaires`, as.englishWorker);
    const [inEnglish] = english.json().responses;
    expect(inEnglish.title).toBe('Neighbourhood feeling');
    expect(inEnglish.answers[0]).toEqual({
      code: 'contact',
      question: 'How often do you talk to a neighbour?',
      answer: 'every week',
    });
    // Not translated: Dutch.
    expect(inEnglish.answers[1].question).toBe('Hoeveel buren ken je bij naam?');

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', client.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'questionnaires.read',
      'questionnaires.read',
      'questionnaires.response_recorded',
    ]);
    const timeline = await ctx.db
      .selectFrom('client_timeline')
      .select(['kind', 'ref_type'])
      .where('client_id', '=', client.id)
      .execute();
    expect(timeline).toEqual([{ kind: 'questionnaire_answered', ref_type: 'questionnaire_response' }]);
  });

  it('are refused with every problem named, translated, and nothing stored', async () => {
    const id = await newQuestionnaire();
    const client = await newClient();
    const cases: [object, { field: string; code: string }[]][] = [
      [{ ...goodAnswers, mood: 'good' }, [{ field: 'answers.mood', code: 'questionnaires.unknown_item' }]],
      [
        { ...goodAnswers, contact: 'hourly' },
        [{ field: 'answers.contact', code: 'questionnaires.answer_not_an_option' }],
      ],
      [
        { ...goodAnswers, neighbours: 51 },
        [{ field: 'answers.neighbours', code: 'questionnaires.answer_out_of_range' }],
      ],
      [
        { ...goodAnswers, neighbours: 2.5 },
        [{ field: 'answers.neighbours', code: 'questionnaires.answer_out_of_range' }],
      ],
      [
        { ...goodAnswers, helps: 'ja' },
        [{ field: 'answers.helps', code: 'questionnaires.answer_not_yes_no' }],
      ],
      [
        { ...goodAnswers, wish: 'x'.repeat(21) },
        [{ field: 'answers.wish', code: 'questionnaires.answer_too_long' }],
      ],
      [
        { wish: 'iets' },
        [
          { field: 'answers.contact', code: 'questionnaires.answer_required' },
          { field: 'answers.neighbours', code: 'questionnaires.answer_required' },
          { field: 'answers.helps', code: 'questionnaires.answer_required' },
        ],
      ],
    ];
    for (const [answers, expected] of cases) {
      const res = await answer(client.id, id, answers);
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.json().errors.map((e: { field: string; code: string }) => ({ field: e.field, code: e.code })),
      ).toEqual(expected);
    }
    const tooLong = (await answer(client.id, id, { ...goodAnswers, wish: 'x'.repeat(21) })).json();
    expect(tooLong.errors[0].message).toBe('Dit antwoord is te lang. Gebruik hoogstens 20 tekens.');
    const offScale = (await answer(client.id, id, { ...goodAnswers, contact: 'hourly' })).json();
    expect(offScale.errors[0].message).toBe(
      'Dit antwoord kan niet bij deze vraag. Kies uit: daily, weekly, rarely.',
    );

    const future = await send('POST', `/api/clients/${client.id}/questionnaire-responses`, as.worker, {
      questionnaireId: id,
      version: 1,
      answeredOn: '2026-07-01',
      answers: goodAnswers,
    });
    expect(future.json().errors[0].field).toBe('answeredOn');
    const elsewhere = await send('POST', '/api/questionnaires', as.otherCoordinator, {
      organisationId: otherOrganisationId,
      ...definition,
    });
    expect(elsewhere.statusCode).toBe(201);
    const foreign = await answer(client.id, elsewhere.json().id, goodAnswers);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('questionnaireId');
    expect(await storedResponses(client.id)).toEqual([]);
  });
});

describe('writing a questionnaire', () => {
  it('refuses definitions with clashing codes, empty ranges or no Dutch text, naming the field, and stores nothing', async () => {
    const before = await ctx.db.selectFrom('questionnaires').select('id').execute();
    const clash = structuredClone(definition) as typeof definition & {
      items: { code: string; scale: Record<string, unknown> }[];
    };
    clash.items[1] = { ...clash.items[1], code: 'contact' } as never;
    const res = await send('POST', '/api/questionnaires', as.coordinator, { organisationId, ...clash });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'items.1.code', code: 'questionnaires.duplicate_item_code' }),
    ]);
    const range = structuredClone(definition);
    range.items[1] = { ...range.items[1], scale: { type: 'number', min: 5, max: 5 } } as never;
    const emptyRange = await send('POST', '/api/questionnaires', as.coordinator, {
      organisationId,
      ...range,
    });
    expect(emptyRange.json().errors).toEqual([
      expect.objectContaining({ field: 'items.1.scale.max', code: 'questionnaires.range_empty' }),
    ]);
    const badCode = await send('POST', '/api/questionnaires', as.coordinator, {
      organisationId,
      ...definition,
      items: [{ ...definition.items[2], code: 'Vraag 1' }],
    });
    expect(badCode.json().errors).toEqual([
      expect.objectContaining({ field: 'items.0.code', code: 'questionnaires.code_format' }),
    ]);
    const noDutch = await send('POST', '/api/questionnaires', as.coordinator, {
      organisationId,
      ...definition,
      title: { en: 'Only English' },
    });
    expect(noDutch.statusCode).toBe(400);
    expect(noDutch.json().errors[0].field).toBe('title.nl-BE');
    expect(await ctx.db.selectFrom('questionnaires').select('id').execute()).toHaveLength(before.length);
  });

  it('changes a version in place until it is answered; then only a new version, and old answers keep their version', async () => {
    const id = await newQuestionnaire();
    const edited = { ...definition, title: { 'nl-BE': 'Mijn buurt' } };
    expect((await send('PUT', `/api/questionnaires/${id}`, as.coordinator, edited)).statusCode).toBe(204);
    const client = await newClient();
    expect((await answer(client.id, id, goodAnswers)).statusCode).toBe(201);

    const refused = await send('PUT', `/api/questionnaires/${id}`, as.coordinator, {
      ...definition,
      title: { 'nl-BE': 'Anders' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'questionnaires.has_answers',
      errors: [{ field: 'version' }],
    });
    expect(refused.json().title).toContain('Maak een nieuwe versie');
    const shown = (await send('GET', `/api/questionnaires/${id}`, as.coordinator)).json();
    expect(shown).toMatchObject({ title: 'Mijn buurt', currentVersion: 1, editable: false });

    const v2 = structuredClone(definition);
    v2.items[0] = {
      ...v2.items[0],
      text: { 'nl-BE': 'Hoe vaak praat je met iemand uit de straat?' },
    } as never;
    v2.items.push({
      code: 'safe',
      text: { 'nl-BE': 'Voel je je veilig?' },
      scale: { type: 'yes_no' },
    } as never);
    const created = await send('POST', `/api/questionnaires/${id}/versions`, as.coordinator, v2);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ id, version: 2 });

    const outdated = await answer(client.id, id, goodAnswers, 1);
    expect(outdated.statusCode).toBe(400);
    expect(outdated.json().errors[0]).toMatchObject({
      field: 'version',
      code: 'questionnaires.version_outdated',
    });
    expect((await answer(client.id, id, { ...goodAnswers, safe: false }, 2)).statusCode).toBe(201);

    const responses = (await send('GET', `/api/clients/${client.id}/questionnaires`, as.worker)).json()
      .responses;
    const byVersion = Object.fromEntries(responses.map((r: { version: number }) => [r.version, r]));
    expect(byVersion[1].answers.map((a: { question: string }) => a.question)).toEqual([
      'Hoe vaak spreek je een buur?',
      'Hoeveel buren ken je bij naam?',
      'Zou een buur je helpen?',
      'Wat zou je graag doen in de buurt?',
    ]);
    expect(byVersion[2].answers.at(-1)).toEqual({
      code: 'safe',
      question: 'Voel je je veilig?',
      answer: 'nee',
    });
    const full = (await send('GET', `/api/questionnaires/${id}`, as.coordinator)).json();
    expect(full).toMatchObject({ currentVersion: 2, editable: false, responses: 2 });
    expect(
      full.versions.map((v: { version: number; responses: number }) => [v.version, v.responses]),
    ).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('stops taking answers once retired, and keeps what was answered exportable', async () => {
    const id = await newQuestionnaire();
    const client = await newClient();
    expect((await answer(client.id, id, goodAnswers)).statusCode).toBe(201);
    expect((await send('POST', `/api/questionnaires/${id}/retire`, as.coordinator)).statusCode).toBe(204);
    const late = await answer(client.id, id, goodAnswers);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('questionnaires.retired');
    expect(
      (await send('POST', `/api/questionnaires/${id}/versions`, as.coordinator, definition)).statusCode,
    ).toBe(409);
    const available = (await send('GET', `/api/clients/${client.id}/questionnaires`, as.worker)).json()
      .available;
    expect(available.map((q: { id: string }) => q.id)).not.toContain(id);
    const csv = await send('GET', `/api/questionnaires/${id}/versions/1/responses.csv`, as.coordinator);
    expect(csv.statusCode).toBe(200);
    expect(parse(csv.body, { columns: true })).toHaveLength(1);
    expect(await storedResponses(client.id)).toHaveLength(1);
  });
});

describe('exports', () => {
  it('give the coordinator one CSV row per response and one column per item code, and the definition as JSON', async () => {
    const id = await newQuestionnaire();
    const [a, b] = [await newClient(), await newClient()];
    ctx.clock.set(new Date('2026-06-15T10:00:00Z'));
    expect((await answer(a.id, id, goodAnswers)).statusCode).toBe(201);
    ctx.clock.set(new Date('2026-06-15T10:10:00Z'));
    expect(
      (await answer(b.id, id, { contact: 'rarely', neighbours: 0, helps: false, wish: '=HYPERLINK("x")' }))
        .statusCode,
    ).toBe(201);
    ctx.clock.set(new Date('2026-06-15T10:00:00Z'));

    const res = await send('GET', `/api/questionnaires/${id}/versions/1/responses.csv`, as.coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`questionnaire-${id}-v1.csv`);
    const rows = parse(res.body) as string[][];
    expect(rows[0]).toEqual([
      'response_id',
      'answered_on',
      'recorded_at',
      'contact',
      'neighbours',
      'helps',
      'wish',
    ]);
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual([
      ['2026-06-14', '2026-06-15T10:00:00.000Z', 'weekly', '4', 'yes', 'samen koken'],
      ['2026-06-14', '2026-06-15T10:10:00.000Z', 'rarely', '0', 'no', `'=HYPERLINK("x")`],
    ]);
    expect(res.body).not.toContain('Josée');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_id', '=', id)
      .where('action', '=', 'questionnaires.csv_exported')
      .execute();
    expect(audit).toEqual([{ action: 'questionnaires.csv_exported', details: { version: 1, rows: 2 } }]);

    const json = await send('GET', `/api/questionnaires/${id}/versions/1/definition.json`, as.coordinator);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      questionnaireId: id,
      organisationId,
      version: 1,
      scored: false,
      title: definition.title,
    });
    expect(json.json().items[3]).toEqual({ ...definition.items[3], required: false });
    expect(json.json().items[0].required).toBe(true);
    expect(
      (await send('GET', `/api/questionnaires/${id}/versions/7/definition.json`, as.coordinator)).statusCode,
    ).toBe(404);
  });

  it('put the person’s answers in their access request, as JSON and in the PDF', async () => {
    const id = await newQuestionnaire();
    const client = await newClient();
    expect((await answer(client.id, id, goodAnswers)).statusCode).toBe(201);
    const res = await send('GET', `/api/clients/${client.id}/access-request.json`, as.coordinator);
    expect(res.statusCode, res.body).toBe(200);
    const section = res.json().other.find((o: { key: string }) => o.key === 'questionnaires');
    expect(section.title).toBe('Antwoorden op eigen vragenlijsten (geen gevalideerde meting, geen score)');
    expect(section.data.responses).toEqual([
      expect.objectContaining({
        questionnaire: 'Buurtgevoel',
        version: 1,
        answeredOn: '2026-06-14',
        answers: expect.arrayContaining([
          {
            code: 'contact',
            question: 'Hoe vaak spreek je een buur?',
            answer: 'elke week',
            stored: 'weekly',
          },
        ]),
      }),
    ]);

    const principal: Principal = {
      user: {
        id: coordinatorId,
        email: 'c@example.org',
        name: 'C',
        locale: 'nl-BE',
        largeText: false,
        isPlatformAdmin: false,
        totpEnabled: false,
      },
      memberships: [{ organisationId, organisationName: 'A', role: 'coordinator', effective: true }],
      via: 'token',
      pendingSecondFactor: false,
    };
    const data = await buildAccessRequest({
      ctx,
      principal,
      clientId: client.id,
      ip: '127.0.0.1',
      locale: 'nl-BE',
      providers: [questionnairesClientData],
      format: 'pdf',
    });
    const text = pdfText(await renderAccessRequestPdf(data, 'nl-BE', { compress: false }));
    expect(text).toContain('Antwoorden op eigen vragenlijsten');
    expect(text).toContain('Hoe vaak spreek je een buur?');
    expect(text).toContain('samen koken');
  });

  it('go with the person when they are erased: their answers cascade, the questionnaire stays', async () => {
    const id = await newQuestionnaire();
    const client = await newClient();
    expect((await answer(client.id, id, goodAnswers)).statusCode).toBe(201);
    const erased = await send('DELETE', `/api/clients/${client.id}`, as.coordinator, {
      reason: 'person_request',
    });
    expect(erased.statusCode, erased.body).toBe(204);
    expect(await storedResponses(client.id)).toEqual([]);
    const shown = (await send('GET', `/api/questionnaires/${id}`, as.coordinator)).json();
    expect(shown).toMatchObject({ responses: 0, editable: true });
  });
});

/** The text drawn in an uncompressed pdfkit file: its TJ operators' hex strings, in WinAnsi. */
function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const tj of pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)) {
    const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
    lines.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return lines.join('');
}
