import { Link, useLocation } from 'wouter';
import type { z } from 'zod';
import type { duplicatesView, signalDetailView } from '../../../contracts/signals.ts';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loaded } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';

type SignalDetail = z.infer<typeof signalDetailView>;
type Duplicate = z.infer<typeof duplicatesView>['items'][number];

/** Signals that may be about the same person, side by side with this one, each mergeable. */
export function DuplicatesSection({ path, signal }: { path: string; signal: SignalDetail }) {
  const t = useT();
  const resource = useResource<z.infer<typeof duplicatesView>>(`${path}/duplicates`);
  return (
    <section className="card" aria-labelledby="signal-duplicates">
      <h2 id="signal-duplicates">{t('signals.duplicates.title')}</h2>
      <Loaded resource={resource}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('signals.duplicates.none')}</p>
          ) : (
            <>
              <p className="field-description">{t('signals.duplicates.intro')}</p>
              {data.items.map((d) => (
                <Comparison key={d.id} path={path} signal={signal} duplicate={d} />
              ))}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function Comparison({
  path,
  signal,
  duplicate: d,
}: {
  path: string;
  signal: SignalDetail;
  duplicate: Duplicate;
}) {
  const t = useT();
  const [, navigate] = useLocation();
  const rows: [string, string | null, string | null][] = [
    [t('signals.detail.name'), signal.personName, d.personName],
    [t('signals.detail.street'), signal.personStreet, d.personStreet],
    [t('signals.detail.postcode'), signal.personPostcode, d.personPostcode],
    [t('signals.list.received'), formatDateTime(signal.createdAt), formatDateTime(d.createdAt)],
    [t('signals.list.status'), t(`signals.statuses.${signal.status}`), t(`signals.statuses.${d.status}`)],
    [t('signals.detail.description'), signal.description, d.description],
  ];
  return (
    <div className="signals-comparison">
      <p>
        <strong>{d.reasons.map((r) => t(`signals.duplicates.reasons.${r}`)).join(' · ')}</strong>
      </p>
      <TableScroll label={t('signals.duplicates.caption', { reference: d.reference })}>
        <table className="table">
          <caption className="visually-hidden">
            {t('signals.duplicates.caption', { reference: d.reference })}
          </caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('signals.duplicates.this', { reference: signal.reference })}</th>
              <th scope="col">
                <Link href={`/signals/${signal.municipalityId}/${d.id}`} className="link">
                  {d.reference}
                </Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, mine, theirs]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="signals-facts-text">{mine ?? '–'}</td>
                <td className="signals-facts-text">{theirs ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="actions">
        <ConfirmDialog
          trigger={t('signals.duplicates.merge', { reference: d.reference })}
          title={t('signals.duplicates.confirmTitle')}
          confirmLabel={t('signals.duplicates.confirm')}
          onConfirm={async () => {
            await api.post(`${path}/merge`, { intoId: d.id });
            navigate(`/signals/${signal.municipalityId}/${d.id}`);
          }}
        >
          <p>{t('signals.duplicates.confirmText', { from: signal.reference, into: d.reference })}</p>
        </ConfirmDialog>
      </p>
    </div>
  );
}

/** On a signal: the duplicates merged into it, or, on a merged one, where it went. */
export function MergedSection({ signal }: { signal: SignalDetail }) {
  const t = useT();
  if (signal.mergedIntoId)
    return (
      <div className="alert alert-info" role="note">
        <p>
          {t('signals.duplicates.mergedInto')}{' '}
          <Link href={`/signals/${signal.municipalityId}/${signal.mergedIntoId}`} className="link">
            {t('signals.duplicates.openOther')}
          </Link>
        </p>
      </div>
    );
  if (signal.merged.length === 0) return null;
  return (
    <section className="card" aria-labelledby="signal-merged">
      <h2 id="signal-merged">{t('signals.duplicates.mergedTitle')}</h2>
      <ul>
        {signal.merged.map((m) => (
          <li key={m.id}>
            <p>
              <strong>{m.reference}</strong> · {formatDateTime(m.createdAt)} ·{' '}
              {m.reporter.anonymous
                ? t('signals.detail.anonymous')
                : [m.reporter.name, m.reporter.phone, m.reporter.email].filter(Boolean).join(', ')}
            </p>
            <p className="signals-facts-text">{m.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
