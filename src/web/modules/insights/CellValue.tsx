import { useT } from '../../i18n.ts';
import { cellText } from './format.ts';
import type { Cell } from './types.ts';

/** A figure in a table; a hidden one is marked so nobody reads it as zero. */
export function CellValue({ cell, digits = 0 }: { cell: Cell | null | undefined; digits?: number }) {
  const t = useT();
  if (cell?.suppressed) return <span className="insights-hidden">{t('insights.hidden')}</span>;
  return <>{cellText(t, cell, digits)}</>;
}

/** The one explanation of "verborgen", shown beside every view that can hide figures. */
export function HiddenLegend({ threshold }: { threshold: number }) {
  const t = useT();
  return (
    <p className="insights-legend">
      <span className="insights-hidden">{t('insights.hidden')}</span>{' '}
      {t('insights.hiddenLegend', { threshold })}
    </p>
  );
}
