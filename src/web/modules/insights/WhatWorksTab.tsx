import { Empty } from '../../components/Status.tsx';
import { useT } from '../../i18n.ts';
import { BarChart } from './BarChart.tsx';
import { Explanation } from './Explanation.tsx';
import { typeLabel } from './format.ts';
import { isShownZero, statsWithPairs } from './rows.ts';
import { StatsTable } from './StatsTable.tsx';
import type { Cell, Filters, WhatWorksView } from './types.ts';
import { useView } from './useView.ts';
import { ViewFrame } from './ViewFrame.tsx';

const LEVELS = [
  'strong_indications',
  'good_indications',
  'first_indications',
  'theory_based',
  'well_described',
  'none',
] as const;

/** "2 × Goede aanwijzingen voor effect" per level that has entries (entries, not people: never hidden). */
function Evidence({ evidence }: { evidence: Record<string, Cell> }) {
  const t = useT();
  const levels = LEVELS.filter((l) => (evidence[l]?.value ?? 0) > 0);
  if (levels.length === 0) return <span className="insights-words">{t('insights.whatWorks.noEntries')}</span>;
  return (
    <ul className="insights-evidence">
      {levels.map((l) => (
        <li key={l}>
          {t('insights.whatWorks.level', {
            count: evidence[l]?.value ?? 0,
            level: t(`directory.practices.levels.${l}`),
          })}
        </li>
      ))}
    </ul>
  );
}

/** What works: initiative types side by side, with the evidence from the good-practice database. */
export function WhatWorksTab({ filters }: { filters: Filters }) {
  const t = useT();
  const resource = useView<WhatWorksView>('what-works', filters);
  return (
    <ViewFrame resource={resource}>
      {(view) => {
        const measured = view.instruments
          .filter((i) => !isShownZero(i.overall.n))
          .map((i) => ({ ...i, types: statsWithPairs(i.types) }));
        return (
          <>
            <Explanation />
            {measured.length === 0 ? <Empty>{t('insights.change.empty')}</Empty> : null}
            {measured.map((instrument) => {
              const name = t(`insights.instruments.${instrument.instrument}`);
              const id = `works-${instrument.instrument}`;
              return (
                <section key={instrument.instrument} className="card" aria-labelledby={id}>
                  <h2 id={id}>{name}</h2>
                  <h3>{t('insights.whatWorks.chartTitle')}</h3>
                  <BarChart
                    horizontal
                    digits={1}
                    categories={instrument.types.map((c) => typeLabel(t, c.key))}
                    series={[
                      {
                        name: t('insights.change.effectSize'),
                        cells: instrument.types.map((c) => c.effectSize),
                      },
                    ]}
                  />
                  <StatsTable
                    caption={t('insights.whatWorks.caption', { instrument: name })}
                    extraHeader={t('insights.whatWorks.evidence')}
                    rows={[
                      ...instrument.types.map((c) => ({
                        id: c.key,
                        label: typeLabel(t, c.key),
                        stat: c,
                        extra: <Evidence evidence={c.evidence} />,
                      })),
                      { id: 'all', label: typeLabel(t, 'all'), stat: instrument.overall },
                    ]}
                  />
                </section>
              );
            })}
          </>
        );
      }}
    </ViewFrame>
  );
}
