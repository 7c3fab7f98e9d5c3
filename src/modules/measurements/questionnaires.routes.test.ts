// Writing custom questionnaires and recording answers: versions, words, refusals.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  answer,
  as,
  ctx,
  definition,
  goodAnswers,
  newClient,
  newQuestionnaire,
  organisationId,
  otherOrganisationId,
  send,
  setUpQuestionnaireWorld,
  storedResponses,
  workerId,
} from './questionnaires.fixture.ts';

setUpQuestionnaireWorld();

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
