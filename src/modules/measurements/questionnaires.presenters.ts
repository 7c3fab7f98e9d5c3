import type { z } from 'zod';
import type {
  Definition,
  definitionExportView,
  fillableQuestionnaireView,
  questionnaireSummaryView,
  responseView,
} from '../../contracts/questionnaires.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { answerInWords, localize } from './questionnaires.models.ts';
import type { ClientResponseRow, QuestionnaireListRow, VersionRow } from './questionnaires.repository.ts';

export function presentSummary(
  row: QuestionnaireListRow,
  locale: Locale,
): z.infer<typeof questionnaireSummaryView> {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    status: row.status,
    currentVersion: row.current_version,
    title: localize(row.title, locale),
    itemCount: row.items.length,
    responses: row.responses,
  };
}

export function definitionOf(row: Pick<VersionRow, 'title' | 'intro' | 'items'>): Definition {
  return { title: row.title, intro: row.intro, items: row.items };
}

/** A questionnaire in one language, as a worker reads it to the person. */
export function presentFillable(
  row: { id: string; current_version: number } & Pick<VersionRow, 'title' | 'intro' | 'items'>,
  locale: Locale,
): z.infer<typeof fillableQuestionnaireView> {
  return {
    id: row.id,
    version: row.current_version,
    title: localize(row.title, locale),
    intro: row.intro ? localize(row.intro, locale) : null,
    items: row.items.map((item) => ({
      code: item.code,
      text: localize(item.text, locale),
      required: item.required,
      scale:
        item.scale.type === 'choice'
          ? {
              type: 'choice' as const,
              options: item.scale.options.map((o) => ({ code: o.code, label: localize(o.label, locale) })),
            }
          : item.scale,
    })),
  };
}

/** Answers in words, beside their questions; never a score. */
export function presentResponse(row: ClientResponseRow, locale: Locale): z.infer<typeof responseView> {
  const t = translator(locale);
  const yesNo = { yes: t('questionnaires.yes'), no: t('questionnaires.no') };
  return {
    id: row.id,
    questionnaireId: row.questionnaire_id,
    version: row.questionnaire_version,
    title: localize(row.title, locale),
    answeredOn: row.answered_on,
    answers: row.items.map((item) => ({
      code: item.code,
      question: localize(item.text, locale),
      answer: answerInWords(item, row.answers[item.code], locale, yesNo),
    })),
    recordedBy: row.recorded_by ? { id: row.recorded_by, name: row.recorded_by_name ?? '' } : null,
    createdAt: row.created_at,
  };
}

export function presentDefinitionExport(row: VersionRow): z.infer<typeof definitionExportView> {
  return {
    questionnaireId: row.questionnaire_id,
    organisationId: row.organisation_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    scored: false,
    ...definitionOf(row),
  };
}
