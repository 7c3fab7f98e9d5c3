import { Empty } from '../../components/Status.tsx';
import { useT } from '../../i18n.ts';
import { BarChart } from './BarChart.tsx';
import { Explanation } from './Explanation.tsx';
import { periodLabel, typeLabel } from './format.ts';
import { statsWithPairs } from './rows.ts';
import { StatsTable } from './StatsTable.tsx';
import type { ChangeView, Filters } from './types.ts';
import { useView } from './useView.ts';
import { ViewFrame } from './ViewFrame.tsx';

/** Types first, "all" last; within a type the periods in order, then all periods together. */
function ordered(cells: ChangeView['instruments'][number]['cells'], periods: string[]) {
  const keys = [...new Set(cells.map((c) => c.key))].sort(
    (a, b) => Number(a === 'all') - Number(b === 'all'),
  );
  const order = [...periods, 'all'];
  return keys.flatMap((key) =>
    cells.filter((c) => c.key === key).sort((a, b) => order.indexOf(a.period) - order.indexOf(b.period)),
  );
}

/** Change: how scores moved between the start and the latest follow-up, per instrument. */
export function ChangeTab({ filters }: { filters: Filters }) {
  const t = useT();
  const resource = useView<ChangeView>('change', filters);
  return (
    <ViewFrame resource={resource}>
      {(view) => {
        const measured = view.instruments
          .map((i) => ({ ...i, cells: statsWithPairs(i.cells) }))
          .filter((i) => i.cells.length > 0);
        return (
          <>
            <Explanation />
            {measured.length === 0 ? <Empty>{t('insights.change.empty')}</Empty> : null}
            {measured.map((instrument) => {
              const name = t(`insights.instruments.${instrument.instrument}`);
              const overall = instrument.cells.filter((c) => c.period === 'all');
              const id = `change-${instrument.instrument}`;
              return (
                <section key={instrument.instrument} className="card" aria-labelledby={id}>
                  <h2 id={id}>{name}</h2>
                  <h3>{t('insights.change.chartTitle')}</h3>
                  <BarChart
                    horizontal
                    digits={1}
                    categories={overall.map((c) => typeLabel(t, c.key))}
                    series={[
                      {
                        name: t('insights.change.mean'),
                        cells: overall.map((c) => c.mean),
                        intervals: overall.map((c) => ({ low: c.ciLow, high: c.ciHigh })),
                      },
                    ]}
                  />
                  <p className="insights-chart-note">{t('insights.change.chartNote')}</p>
                  <StatsTable
                    caption={t('insights.change.caption', { instrument: name })}
                    subHeader={t('insights.change.period')}
                    rows={ordered(instrument.cells, instrument.periods).map((c) => ({
                      id: `${c.key}/${c.period}`,
                      label: typeLabel(t, c.key),
                      sub: periodLabel(t, c.period),
                      stat: c,
                    }))}
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
