import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createUser, loginAs } from '../../../test/harness/factories.ts';
import { type App, buildApp } from '../../platform/http/app.ts';
import { accountsRoutes } from '../accounts/accounts.routes.ts';
import { measurementsRoutes } from './measurements.routes.ts';

let ctx: TestContext;
let app: App;
beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp({ ctx, modules: [accountsRoutes, measurementsRoutes], version: 't' });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const get = (url: string, language = 'nl-BE') =>
  app.inject({ method: 'GET', url, headers: { 'accept-language': language } });
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers });

const SIX_LONELY = { 3: 'yes', 4: 'no', 7: 'more_or_less', 9: 'yes!', 8: 'no!', 10: 'no' };

describe('GET /api/instruments', () => {
  it('lists the instruments with id, version, name in the request’s language and item count, without a login', async () => {
    const res = await get('/api/instruments', 'fr-BE');
    expect(res.statusCode).toBe(200);
    expect(res.json().instruments).toEqual([
      {
        id: 'djg-11',
        version: '1.0.0',
        name: 'Échelle de solitude de De Jong Gierveld (11 questions)',
        itemCount: 11,
      },
      expect.objectContaining({ id: 'djg-6', itemCount: 6 }),
      expect.objectContaining({ id: 'ucla-3', itemCount: 3 }),
      expect.objectContaining({ id: 'direct', itemCount: 1 }),
    ]);
  });
});

describe('GET /api/instruments/:id', () => {
  it('serves the original Dutch wording, items in the order of the short form', async () => {
    const res = await get('/api/instruments/djg-6');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe('nl-BE');
    const body = res.json();
    expect(body.wording).toMatchObject({ locale: 'nl-BE', status: 'original', notice: null });
    expect(body.introduction).toMatch(/^Wilt u van elk van de volgende uitspraken/);
    expect(body.items.map((i: { number: number }) => i.number)).toEqual([3, 4, 7, 9, 8, 10]);
    expect(body.items[0]).toEqual({
      number: 3,
      text: 'Ik ervaar een leegte om me heen.',
      polarity: 'negative',
      subscale: 'emotional',
    });
    expect(body.answerForms[1].options[0]).toEqual({
      code: 'no!',
      label: 'nee!',
      countsAs: 'no',
      points: null,
    });
    expect(body.scoring).toMatchObject({
      method: 'dichotomous',
      total: { min: 0, max: 6 },
      bands: [
        { min: 0, max: 1, category: 'not_lonely' },
        { min: 2, max: 4, category: 'moderately_lonely' },
        { min: 5, max: 6, category: 'severely_lonely' },
      ],
      subscales: [
        { id: 'emotional', items: [3, 9, 10], max: 3, lonelyFrom: 1 },
        { id: 'social', items: [4, 7, 8], max: 3, lonelyFrom: 1 },
      ],
      threshold: null,
      missingAnswers: 'one_item_may_be_missing',
    });
  });

  it('serves the English items of INSTRUMENTS.md in English, without an introduction of our own', async () => {
    const body = (await get('/api/instruments/djg-11', 'en')).json();
    expect(body.wording).toMatchObject({ locale: 'en', status: 'translation', notice: null });
    expect(body.introduction).toBeNull();
    expect(body.items[9].text).toBe('I often feel rejected.');
  });

  it('serves the Dutch wording to French readers, saying in French that no validated version exists', async () => {
    const res = await get('/api/instruments/djg-11', 'fr-BE');
    expect(res.headers['content-language']).toBe('nl-BE');
    const body = res.json();
    expect(body.name).toBe('Échelle de solitude de De Jong Gierveld (11 questions)');
    expect(body.wording).toMatchObject({ locale: 'nl-BE', status: 'not_available' });
    expect(body.wording.notice).toContain('en néerlandais');
    expect(body.items[1].text).toBe('Ik mis een echt goede vriend of vriendin.');
  });

  it('serves the English UCLA original in Dutch too, and shows its threshold as a convention', async () => {
    const body = (await get('/api/instruments/ucla-3')).json();
    expect(body.wording).toMatchObject({ locale: 'en', status: 'not_available' });
    expect(body.wording.notice).toContain('in het Engels');
    expect(body.items[1].text).toBe('How often do you feel left out?');
    expect(body.answerForms[0].options.map((o: { points: number }) => o.points)).toEqual([1, 2, 3]);
    expect(body.scoring).toMatchObject({
      total: { min: 3, max: 9 },
      threshold: { appliesTo: 'total', default: 6, min: 4, max: 9, official: false },
    });
  });

  it('answers 404 with a translated problem for an unknown instrument', async () => {
    const res = await get('/api/instruments/ucla-20');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'measurements.unknown_instrument' });
    expect(res.json().title).toContain('ucla-20');
  });
});

describe('POST /api/instruments/:id/score', () => {
  it('scores a response without a login and names the version that produced the score', async () => {
    const res = await post('/api/instruments/djg-6/score', { answers: SIX_LONELY });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      instrument: 'djg-6',
      version: '1.0.0',
      status: 'complete',
      total: 5,
      emotional: 2,
      social: 3,
      category: 'severely_lonely',
      emotionalCategory: 'lonely',
      socialCategory: 'lonely',
      threshold: null,
      missingItems: [],
    });
  });

  it('flags one missing item on the 6-item form and sends null for what it cannot report', async () => {
    const { 10: _left, ...five } = SIX_LONELY;
    const body = (await post('/api/instruments/djg-6/score', { answers: five })).json();
    expect(body).toMatchObject({ status: 'one_item_missing', total: 5, emotional: null, social: 3 });
  });

  it('reports an incomplete 11-item response with nulls', async () => {
    const body = (await post('/api/instruments/djg-11/score', { answers: { 1: 'yes' } })).json();
    expect(body).toMatchObject({
      status: 'incomplete',
      total: null,
      emotional: null,
      social: null,
      category: null,
    });
  });

  it('applies a UCLA threshold from the query string', async () => {
    const answers = { 1: 'often', 2: 'some_of_the_time', 3: 'hardly_ever' };
    const byDefault = (await post('/api/instruments/ucla-3/score', { answers })).json();
    expect(byDefault).toMatchObject({ total: 6, category: 'lonely', threshold: 6 });
    const strict = (await post('/api/instruments/ucla-3/score?threshold=7', { answers })).json();
    expect(strict).toMatchObject({ total: 6, category: 'not_lonely', threshold: 7 });
  });

  it('scores the direct question', async () => {
    const body = (await post('/api/instruments/direct/score', { answers: { 1: 'often_always' } })).json();
    expect(body).toMatchObject({ status: 'complete', total: null, category: 'chronic' });
  });

  it('refuses an item of the 11-item form sent to the 6-item form, naming the field in Dutch', async () => {
    const res = await post('/api/instruments/djg-6/score', {
      answers: { ...SIX_LONELY, 7: 'yes', 2: 'yes' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation.failed',
      errors: [
        {
          field: 'answers.2',
          code: 'measurements.item_not_in_form',
          message:
            'Deze vraag hoort bij de lange vorm met 11 vragen, niet bij deze korte vorm. De korte vorm heeft de vragen 3, 4, 7, 8, 9, 10.',
        },
      ],
    });
  });

  it('refuses answers outside the scale and unknown items, every one named, in French when asked', async () => {
    const res = await post(
      '/api/instruments/ucla-3/score',
      { answers: { 1: 'yes', 4: 'often' } },
      { 'accept-language': 'fr-BE' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: 'answers.1',
        code: 'measurements.answer_not_on_scale',
        message:
          'Cette réponse n’est pas possible pour cette question. Choisissez parmi : hardly_ever, some_of_the_time, often.',
      },
      {
        field: 'answers.4',
        code: 'measurements.unknown_item',
        message: 'Cette question n’existe pas dans ce questionnaire. Les questions sont : 1, 2, 3.',
      },
    ]);
  });

  it('refuses a threshold where none can be set or outside the range', async () => {
    const notAdjustable = await post('/api/instruments/djg-6/score?threshold=2', { answers: {} });
    expect(notAdjustable.json().errors[0]).toMatchObject({
      field: 'querystring.threshold',
      code: 'measurements.threshold_not_adjustable',
    });
    const outOfRange = await post('/api/instruments/ucla-3/score?threshold=12', { answers: {} });
    expect(outOfRange.json().errors[0]).toMatchObject({
      field: 'querystring.threshold',
      message: 'Kies een grens van 4 tot en met 9.',
    });
  });

  it('refuses a body without answers, with other fields, or with a number for an answer', async () => {
    const missing = await post('/api/instruments/djg-6/score', {});
    expect(missing.json().errors[0]).toMatchObject({ field: 'answers', code: 'validation.required' });
    const extra = await post('/api/instruments/djg-6/score', { answers: {}, form: '5-point' });
    expect(extra.json().errors[0]).toMatchObject({ field: 'form', code: 'validation.unknown_field' });
    const wrongType = await post('/api/instruments/djg-6/score', { answers: { 3: 1 } });
    expect(wrongType.json().errors[0]).toMatchObject({ field: 'answers.3', code: 'validation.invalid_type' });
  });

  it('refuses more answers than any instrument has items', async () => {
    const answers = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [String(i + 1), 'yes']));
    const res = await post('/api/instruments/djg-11/score', { answers });
    expect(res.json().errors[0]).toMatchObject({ field: 'answers', code: 'measurements.too_many_answers' });
  });

  it('answers 404 for an unknown instrument, even with a body that would not fit it', async () => {
    const res = await post('/api/instruments/djg-12/score', { nonsense: true });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('measurements.unknown_instrument');
  });

  it('scores for a logged-in worker too, who sends the CSRF token like for every write', async () => {
    const user = await createUser(ctx);
    const session = await loginAs(app, user);
    const res = await post('/api/instruments/direct/score', { answers: { 1: 'never' } }, session.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().category).toBe('not_chronic');
  });
});
