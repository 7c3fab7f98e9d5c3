import { TableScroll } from '../../components/TableScroll.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { BarChart } from './BarChart.tsx';
import { CellValue } from './CellValue.tsx';
import { typeLabel } from './format.ts';
import type { DirectoryHealthView, Filters } from './types.ts';
import { useView } from './useView.ts';
import { ViewFrame } from './ViewFrame.tsx';

/** The social map's health: how many initiatives per type, which are out of date, where a type is missing. */
export function DirectoryTab({ filters }: { filters: Filters }) {
  const t = useT();
  const resource = useView<DirectoryHealthView>('directory-health', filters);
  return (
    <ViewFrame resource={resource} hides={false}>
      {(view) => {
        const names = new Map(view.scope.municipalities.map((m) => [m.nis, m.name]));
        const caption = t('insights.directory.caption');
        return (
          <section className="card" aria-labelledby="directory-title">
            <h2 id="directory-title">{t('insights.directory.title')}</h2>
            <p>{t('insights.directory.intro', { date: formatDate(view.staleBefore) })}</p>
            <BarChart
              horizontal
              categories={view.types.map((r) => typeLabel(t, r.type))}
              series={[
                { name: t('insights.directory.published'), cells: view.types.map((r) => r.published) },
                { name: t('insights.directory.stale'), cells: view.types.map((r) => r.stale) },
              ]}
            />
            <TableScroll label={caption}>
              <table className="table table-compact insights-table">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insights.type')}</th>
                    <th scope="col" className="num">
                      {t('insights.directory.published')}
                    </th>
                    <th scope="col" className="num">
                      {t('insights.directory.regionWide')}
                    </th>
                    <th scope="col" className="num">
                      {t('insights.directory.stale')}
                    </th>
                    <th scope="col">{t('insights.directory.without')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.types.map((r) => (
                    <tr key={r.type}>
                      <th scope="row">{typeLabel(t, r.type)}</th>
                      <td className="num">
                        <CellValue cell={r.published} />
                      </td>
                      <td className="num">
                        <CellValue cell={r.regionWide} />
                      </td>
                      <td className="num">
                        <CellValue cell={r.stale} />
                      </td>
                      <td>{r.municipalitiesWithout.map((nis) => names.get(nis) ?? nis).join(', ') || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      }}
    </ViewFrame>
  );
}
