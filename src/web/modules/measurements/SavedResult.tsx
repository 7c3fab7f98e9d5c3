import { Link } from 'wouter';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { ScoreSummary } from './ScoreSummary.tsx';
import type { MeasurementList } from './types.ts';
import { useFocusHeading } from './useFocusHeading.ts';

/** Right after saving: the result with its meaning, to talk about together. */
export function SavedResult({ clientId, measurementId }: { clientId: string; measurementId: string }) {
  const t = useT();
  const heading = useFocusHeading();
  const list = useResource<MeasurementList>(`/api/clients/${clientId}/measurements`);
  return (
    <section aria-labelledby="mq-saved" className="mq-saved">
      <h2 id="mq-saved" ref={heading} tabIndex={-1}>
        {t('measurements.saved.title')}
      </h2>
      <Loaded resource={list}>
        {(l) => {
          const m = l.items.find((item) => item.id === measurementId);
          return m ? (
            <div className="alert alert-success">
              <ScoreSummary measurement={m} />
            </div>
          ) : null;
        }}
      </Loaded>
      <p>{t('measurements.saved.talk')}</p>
      <div className="actions">
        <Link href={`/clients/${clientId}/measurements`} className="button button-primary">
          {t('measurements.saved.toList')}
        </Link>
      </div>
    </section>
  );
}
