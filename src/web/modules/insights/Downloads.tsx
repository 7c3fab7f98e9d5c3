import { useT } from '../../i18n.ts';
import { insightsQuery } from './query.ts';
import type { Filters, Scope } from './types.ts';

interface Props {
  filters: Filters;
  view: string;
  municipalities: Scope['municipalities'];
}

/** The files: this view as CSV, the report for the council, and the open data of one municipality. */
export function Downloads({ filters, view, municipalities }: Props) {
  const t = useT();
  const query = insightsQuery(filters);
  // Open data is per municipality: the chosen one, or the only one this person sees.
  const openNis = filters.municipality || (municipalities.length === 1 ? municipalities[0]?.nis : '');
  const openName = municipalities.find((m) => m.nis === openNis)?.name;
  return (
    <section className="card insights-downloads" aria-labelledby="insights-downloads-title">
      <h2 id="insights-downloads-title">{t('insights.downloads.title')}</h2>
      <p>{t('insights.downloads.intro')}</p>
      <ul className="insights-download-list">
        <li>
          <a
            className="button button-secondary"
            href={`/api/insights/export.csv?${insightsQuery(filters, { view })}`}
            download
          >
            {t('insights.downloads.csv', { view: t(`insights.tabs.${view}`) })}
          </a>
        </li>
        <li>
          <a className="button button-secondary" href={`/api/insights/report.pdf?${query}`} download>
            {t('insights.downloads.pdf')}
          </a>
        </li>
      </ul>
      <h3>{t('insights.downloads.openTitle')}</h3>
      <p>{t('insights.downloads.openIntro')}</p>
      {openNis ? (
        <ul className="insights-download-list">
          <li>
            <a
              className="button button-secondary"
              href={`/api/insights/open-data.csv?${insightsQuery({ ...filters, municipality: openNis })}`}
              download
            >
              {t('insights.downloads.openData', { municipality: openName ?? openNis })}
            </a>
          </li>
          <li>
            <a className="button button-secondary" href="/api/insights/open-data/dictionary.csv" download>
              {t('insights.downloads.dictionary')}
            </a>
          </li>
        </ul>
      ) : (
        <p className="field-description">{t('insights.downloads.chooseMunicipality')}</p>
      )}
    </section>
  );
}
