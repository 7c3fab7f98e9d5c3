import { useState } from 'react';
import type { z } from 'zod';
import type { numbersView } from '../../../contracts/signals.ts';
import { Page } from '../../components/Page.tsx';
import { Empty, Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import './signals.css';

type Numbers = z.infer<typeof numbersView>;

/** The meldpunt coordinator's overview: counts of the last twelve months, never personal data. */
export function NumbersPage() {
  const t = useT();
  const meldpunts = useResource<{ items: { municipalityId: string; name: string }[] }>(
    '/api/signals/meldpunts',
  );
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Page title={t('signals.numbers.title')} intro={<p>{t('signals.numbers.intro')}</p>} wide>
      <Loaded resource={meldpunts}>
        {(data) => {
          const municipalityId = chosen ?? data.items[0]?.municipalityId ?? null;
          if (!municipalityId) return <Empty>{t('signals.numbers.noMeldpunt')}</Empty>;
          return (
            <div className="signals-stack">
              {data.items.length > 1 ? (
                <SelectField
                  label={t('signals.numbers.municipality')}
                  options={data.items.map((m) => ({ id: m.municipalityId, label: m.name }))}
                  value={municipalityId}
                  onChange={setChosen}
                />
              ) : null}
              <NumbersFor municipalityId={municipalityId} />
            </div>
          );
        }}
      </Loaded>
    </Page>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  const t = useT();
  if (rows.length === 0) return <Empty>{t('signals.numbers.empty')}</Empty>;
  return (
    <TableScroll label={caption}>
      <table className="table table-compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col">{t('signals.numbers.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function NumbersFor({ municipalityId }: { municipalityId: string }) {
  const t = useT();
  const resource = useResource<Numbers>(`/api/signals/numbers?municipalityId=${municipalityId}`);
  return (
    <Loaded resource={resource}>
      {(n) => (
        <div className="card-grid">
          <section className="card" aria-labelledby="numbers-now">
            <h2 id="numbers-now">{t('signals.numbers.now')}</h2>
            <dl className="signals-facts">
              <dt>{t('signals.numbers.overdue')}</dt>
              <dd className={n.overdue > 0 ? 'signals-urgent' : undefined}>{n.overdue}</dd>
              <dt>{t('signals.numbers.median')}</dt>
              <dd>
                {n.medianHoursToFirstContact === null
                  ? t('signals.numbers.noContactYet')
                  : t('signals.numbers.days', {
                      count: Math.round((n.medianHoursToFirstContact / 24) * 10) / 10,
                    })}
              </dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="numbers-month">
            <h2 id="numbers-month">{t('signals.numbers.perMonth')}</h2>
            <CountTable
              caption={t('signals.numbers.month')}
              rows={n.perMonth.map((m) => [m.month, m.count])}
            />
          </section>
          <section className="card" aria-labelledby="numbers-source">
            <h2 id="numbers-source">{t('signals.numbers.bySource')}</h2>
            <CountTable
              caption={t('signals.numbers.source')}
              rows={n.bySource.map((s) => [
                s.source === 'citizen'
                  ? t('signals.numbers.citizen')
                  : t('signals.numbers.professional', { kind: t(`kinds.${s.organisationKind ?? 'other'}`) }),
                s.count,
              ])}
            />
          </section>
          <section className="card" aria-labelledby="numbers-outcome">
            <h2 id="numbers-outcome">{t('signals.numbers.byOutcome')}</h2>
            <CountTable
              caption={t('signals.numbers.outcome')}
              rows={n.byOutcome.map((o) => [t(`signals.outcomes.${o.outcome}`), o.count])}
            />
          </section>
        </div>
      )}
    </Loaded>
  );
}
