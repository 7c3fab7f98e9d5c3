import { useT } from '../../i18n.ts';
import type { InstrumentId, Measurement } from './types.ts';

/** Items per De Jong Gierveld subscale (INSTRUMENTS.md), to show a subscale as "2 of 3". */
const SUBSCALE_ITEMS: Partial<Record<InstrumentId, { emotional: number; social: number }>> = {
  'djg-11': { emotional: 6, social: 5 },
  'djg-6': { emotional: 3, social: 3 },
};

/**
 * What a score means, in the plain words the server gives, and the De Jong Gierveld
 * subscales as numbers: the worker reads them with the person, they never label the person.
 */
export function ScoreSummary({ measurement }: { measurement: Measurement }) {
  const t = useT();
  const { score } = measurement;
  const max = SUBSCALE_ITEMS[measurement.instrumentId];
  const parts = max
    ? (['emotional', 'social'] as const).filter((s) => score[s] !== null)
    : ([] as ('emotional' | 'social')[]);
  return (
    <div className="mq-score">
      <p className="mq-meaning">{measurement.meaning}</p>
      {parts.length > 0 && max ? (
        <ul className="mq-subscales">
          {parts.map((s) => (
            <li key={s}>{t(`measurements.subscale.${s}`, { score: score[s], max: max[s] })}</li>
          ))}
        </ul>
      ) : null}
      {score.status === 'one_item_missing' ? (
        <p className="muted">
          {t('measurements.score.oneMissing', { items: score.missingItems.join(', ') })}
        </p>
      ) : null}
    </div>
  );
}
