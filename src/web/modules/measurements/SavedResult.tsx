import { Link } from 'wouter';
import { useT } from '../../i18n.ts';
import { ScoreSummary } from './ScoreSummary.tsx';
import type { Measurement } from './types.ts';
import { useFocusHeading } from './useFocusHeading.ts';

/** Right after saving: the result with its meaning, to talk about together. */
export function SavedResult({ clientId, measurement }: { clientId: string; measurement: Measurement }) {
  const t = useT();
  const heading = useFocusHeading();
  return (
    <section aria-labelledby="mq-saved" className="mq-saved">
      <h2 id="mq-saved" ref={heading} tabIndex={-1}>
        {t('measurements.saved.title')}
      </h2>
      <div className="alert alert-success">
        <ScoreSummary measurement={measurement} />
      </div>
      <p>{t('measurements.saved.talk')}</p>
      <div className="actions">
        <Link href={`/clients/${clientId}/measurements`} className="button button-primary">
          {t('measurements.saved.toList')}
        </Link>
      </div>
    </section>
  );
}
