// What leaves Verbonden of custom questionnaires: CSV, definition, access request, erasure.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/harness/pdf.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { renderAccessRequestPdf } from '../clients/clients.rights.pdf.ts';
import { buildAccessRequest } from '../clients/clients.rights.usecases.ts';
import {
  answer,
  as,
  coordinatorId,
  ctx,
  definition,
  goodAnswers,
  newClient,
  newQuestionnaire,
  organisationId,
  send,
  setUpQuestionnaireWorld,
  storedResponses,
} from './questionnaires.fixture.ts';
import { questionnairesClientData } from './questionnaires.rights.ts';

setUpQuestionnaireWorld();

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

    // In the request's language, Dutch where the questionnaire has no translation.
    const english = (await questionnairesClientData.exportForClient(
      ctx.db,
      { organisationId, clientId: client.id },
      'en',
    )) as {
      responses: { questionnaire: string; answers: { code: string; question: string; answer: string }[] }[];
    };
    expect(english.responses[0]?.questionnaire).toBe('Neighbourhood feeling');
    expect(english.responses[0]?.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'contact',
          question: 'How often do you talk to a neighbour?',
          answer: 'every week',
        }),
        expect.objectContaining({ code: 'neighbours', question: 'Hoeveel buren ken je bij naam?' }),
      ]),
    );

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
