import type { z } from 'zod';
import type { measurementView } from '../../contracts/measurements.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import type { InstrumentDefinition } from './instruments/instrument.ts';
import { totalRange } from './measurements.models.ts';
import type { MeasurementRow } from './measurements.records.repository.ts';

type Row = Omit<MeasurementRow, 'recorded_by_name'> & { recorded_by_name?: string | null };

/**
 * What a score means on its scale, in plain words for the worker: the number
 * against its range and what the scale's authors say about that range —
 * never a label pinned on the person.
 */
export function scoreMeaning(
  definition: InstrumentDefinition,
  row: Pick<Row, 'status' | 'total' | 'category' | 'threshold'>,
  missingItems: number[],
  locale: Locale,
): string {
  const t = translator(locale);
  const range = totalRange(definition);
  if (row.category === null || (range && row.total === null))
    return t('measurements.meaning.incomplete', { items: missingItems.join(', ') });
  return t(`measurements.meaning.${row.category}`, {
    total: row.total,
    max: range?.max,
    threshold: row.threshold,
  });
}

export function presentMeasurement(row: Row, locale: Locale): z.infer<typeof measurementView> {
  const definition = INSTRUMENTS[row.instrument_id];
  const answers = row.answers as Record<string, string | null>;
  const missingItems = definition.items
    .map((item) => item.number)
    .filter((n) => answers[String(n)] === undefined || answers[String(n)] === null);
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    instrumentName: definition.name[locale],
    mode: row.mode,
    takenOn: row.taken_on,
    score: {
      instrument: row.instrument_id,
      version: row.instrument_version,
      status: row.status,
      total: row.total,
      emotional: row.emotional,
      social: row.social,
      category: row.category,
      emotionalCategory: row.emotional_category,
      socialCategory: row.social_category,
      threshold: row.threshold,
      missingItems,
    },
    meaning: scoreMeaning(definition, row, missingItems, locale),
    trackId: row.track_id,
    occasionMonths: row.occasion_months,
    recordedBy: row.recorded_by ? { id: row.recorded_by, name: row.recorded_by_name ?? '' } : null,
    createdAt: row.created_at,
  };
}
