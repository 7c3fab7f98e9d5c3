import { useT } from '../../i18n.ts';

/** What the change figures mean, in plain words, once per tab. */
export function Explanation() {
  const t = useT();
  return (
    <details className="card insights-explain" open>
      <summary>{t('insights.explain.title')}</summary>
      <ul>
        <li>{t('insights.explain.change')}</li>
        <li>{t('insights.explain.ci')}</li>
        <li>{t('insights.explain.effect')}</li>
        <li>{t('insights.explain.few')}</li>
      </ul>
    </details>
  );
}
