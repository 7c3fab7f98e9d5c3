import type { z } from 'zod';
import type { InstrumentDefinitionView, instrumentSummarySchema } from '../../contracts/measurements.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { InstrumentDefinition, Wording } from './instruments/instrument.ts';
import { adjustableThreshold, totalRange } from './measurements.models.ts';

export function presentInstrumentSummary(
  definition: InstrumentDefinition,
  locale: Locale,
): z.infer<typeof instrumentSummarySchema> {
  return {
    id: definition.id,
    version: definition.version,
    name: definition.name[locale],
    itemCount: definition.items.length,
  };
}

/** The wording for a language: its own when a validated one exists, otherwise the fallback, marked. */
function wordingFor(definition: InstrumentDefinition, locale: Locale) {
  const own = definition.wordings[locale];
  const served = own ? locale : definition.fallbackLocale;
  const wording = (own ?? definition.wordings[definition.fallbackLocale]) as Wording;
  const status = !own ? 'not_available' : locale === definition.originalLocale ? 'original' : 'translation';
  const t = translator(locale);
  const notice =
    status === 'not_available'
      ? t('measurements.wording.not_available', { language: t(`measurements.languages.${served}`) })
      : null;
  return { served, wording, status, notice } as const;
}

/** An instrument as a form can show it, in the request's language where a validated wording exists. */
export function presentInstrument(
  definition: InstrumentDefinition,
  locale: Locale,
): InstrumentDefinitionView {
  const { served, wording, status, notice } = wordingFor(definition, locale);
  const { scoring } = definition;
  const threshold = adjustableThreshold(definition);
  const subscales = (['emotional', 'social'] as const)
    .map((id) => ({
      id,
      items: definition.items.filter((item) => item.subscale === id).map((i) => i.number),
    }))
    .filter((s) => s.items.length > 0);
  const total = totalRange(definition);
  return {
    ...presentInstrumentSummary(definition, locale),
    wording: { locale: served, status, source: wording.source, notice },
    introduction: wording.introduction,
    items: definition.items.map((item) => ({
      number: item.number,
      text: wording.items[item.number] as string,
      polarity: item.polarity,
      subscale: item.subscale,
    })),
    answerForms: definition.answerForms.map((form) => ({
      id: form.id,
      options: form.codes.map((code) => ({
        code,
        label: wording.answers[code] as string,
        countsAs: scoring.kind === 'dichotomous' ? (scoring.countsAs[code] ?? null) : null,
        points: scoring.kind === 'sum' ? (scoring.points[code] ?? null) : null,
      })),
    })),
    scoring: {
      method: scoring.kind,
      scoresOne:
        scoring.kind === 'dichotomous'
          ? { positive: [...scoring.scoresOne.positive], negative: [...scoring.scoresOne.negative] }
          : null,
      total,
      bands: scoring.kind === 'dichotomous' ? scoring.totalBands.map((b) => ({ ...b })) : [],
      subscales: subscales.map((s) => ({
        ...s,
        max: s.items.length,
        lonelyFrom:
          scoring.kind === 'dichotomous' && scoring.subscaleLonely.kind === 'fixed'
            ? scoring.subscaleLonely.from
            : null,
      })),
      threshold: threshold
        ? { appliesTo: scoring.kind === 'sum' ? 'total' : 'subscales', ...threshold }
        : null,
      missingAnswers: scoring.kind === 'single_choice' ? 'all_items' : scoring.missing,
      chronicAnswers: scoring.kind === 'single_choice' ? [...scoring.chronic] : [],
    },
    sources: [...definition.sources],
  };
}
