import { useT } from '../../i18n.ts';
import { BarChart } from './BarChart.tsx';
import { CountTable } from './CountTable.tsx';
import { monthLabel, typeLabel } from './format.ts';
import { rowsWithPeople } from './rows.ts';
import type { CountTableView, Filters, ReachView } from './types.ts';
import { useView } from './useView.ts';
import { ViewFrame } from './ViewFrame.tsx';

/** Signals and new clients side by side, one row each, as the chart draws them. */
function perMonth(view: ReachView): CountTableView {
  const row = (table: CountTableView, key: string) => ({ ...(table.rows[0] ?? emptyRow(table)), key });
  return {
    columns: view.signals.columns,
    rows: [row(view.signals, 'signals'), row(view.clients, 'clients')],
    columnTotals: null,
    total: null,
  };
}

function emptyRow(table: CountTableView) {
  return {
    key: '',
    label: null,
    cells: table.columns.map(() => ({ value: 0, suppressed: false })),
    total: null,
  };
}

/** Reach: whom the signals, the client records and the initiatives reach, per month and place. */
export function ReachTab({ filters }: { filters: Filters }) {
  const t = useT();
  const resource = useView<ReachView>('reach', filters);
  return (
    <ViewFrame resource={resource}>
      {(view) => {
        const months = perMonth(view);
        const participants = rowsWithPeople(view.participants);
        const measure = (key: string) => t(`insights.measures.${key}`);
        return (
          <>
            <section className="card" aria-labelledby="reach-months">
              <h2 id="reach-months">{t('insights.reach.perMonth')}</h2>
              <BarChart
                categories={months.columns.map(monthLabel)}
                series={months.rows.map((r) => ({ name: measure(r.key), cells: r.cells }))}
              />
              <CountTable
                caption={t('insights.reach.perMonth')}
                table={months}
                rowHeader={t('insights.reach.what')}
                rowLabel={measure}
                columnLabel={monthLabel}
              />
            </section>
            <section className="card" aria-labelledby="reach-types">
              <h2 id="reach-types">{t('insights.reach.perType')}</h2>
              <p>{t('insights.reach.perTypeIntro')}</p>
              {participants.rows.length === 0 ? (
                <p className="empty">{t('insights.reach.noParticipants')}</p>
              ) : (
                <>
                  <BarChart
                    horizontal
                    categories={participants.rows.map((r) => typeLabel(t, r.key))}
                    series={[
                      {
                        name: measure('participants'),
                        cells: participants.rows.map((r) => r.total ?? { value: null, suppressed: false }),
                      },
                    ]}
                  />
                  <CountTable
                    caption={t('insights.reach.perTypeCaption')}
                    table={participants}
                    rowHeader={t('insights.type')}
                    rowLabel={(key) => typeLabel(t, key)}
                    columnLabel={monthLabel}
                  />
                </>
              )}
            </section>
            {view.municipalities ? (
              <section className="card" aria-labelledby="reach-places">
                <h2 id="reach-places">{t('insights.reach.perMunicipality')}</h2>
                <CountTable
                  caption={t('insights.reach.perMunicipality')}
                  table={view.municipalities}
                  rowHeader={t('insights.municipality')}
                  rowLabel={(key, label) => label ?? key}
                  columnLabel={measure}
                />
              </section>
            ) : null}
            {view.neighbourhoods ? (
              <section className="card" aria-labelledby="reach-postcodes">
                <h2 id="reach-postcodes">{t('insights.reach.perPostcode')}</h2>
                <CountTable
                  caption={t('insights.reach.perPostcode')}
                  table={view.neighbourhoods}
                  rowHeader={t('insights.postcode')}
                  rowLabel={(key, label) => label ?? (key || t('insights.noPostcode'))}
                  columnLabel={measure}
                />
              </section>
            ) : null}
          </>
        );
      }}
    </ViewFrame>
  );
}
