import type { ReactNode } from 'react';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useT } from '../../i18n.ts';
import { CellValue } from './CellValue.tsx';
import { effectWords, formatNumber } from './format.ts';
import type { ChangeStat } from './types.ts';

export interface StatRow {
  id: string;
  label: string;
  /** A second heading cell (the period), when the table has one. */
  sub?: string;
  stat: ChangeStat;
  extra?: ReactNode;
}

interface Props {
  caption: string;
  rows: StatRow[];
  subHeader?: string;
  extraHeader?: string;
}

/** The interval as "−2,1 tot −0,4", hidden with its count. */
function Interval({ stat }: { stat: ChangeStat }) {
  const t = useT();
  if (stat.ciLow.suppressed || stat.ciHigh.suppressed) return <CellValue cell={stat.ciLow} />;
  if (stat.ciLow.value === null || stat.ciHigh.value === null) return <>–</>;
  return (
    <>
      {t('insights.change.interval', {
        low: formatNumber(stat.ciLow.value, 1),
        high: formatNumber(stat.ciHigh.value, 1),
      })}
    </>
  );
}

function Effect({ stat }: { stat: ChangeStat }) {
  const t = useT();
  const dz = stat.effectSize;
  if (dz.suppressed || dz.value === null) return <CellValue cell={dz} digits={1} />;
  return (
    <>
      {formatNumber(dz.value, 1)} <span className="insights-words">({effectWords(t, dz.value)})</span>
    </>
  );
}

/** Pairs, mean change, interval and effect size, one line per initiative type (and period). */
export function StatsTable({ caption, rows, subHeader, extraHeader }: Props) {
  const t = useT();
  return (
    <TableScroll label={caption}>
      <table className="table table-compact insights-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.type')}</th>
            {subHeader ? <th scope="col">{subHeader}</th> : null}
            <th scope="col" className="num">
              {t('insights.change.pairs')}
            </th>
            <th scope="col" className="num">
              {t('insights.change.mean')}
            </th>
            <th scope="col" className="num">
              {t('insights.change.ci')}
            </th>
            <th scope="col" className="num">
              {t('insights.change.effectSize')}
            </th>
            {extraHeader ? <th scope="col">{extraHeader}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.stat.key === 'all' ? 'insights-total-row' : undefined}>
              <th scope="row">{row.label}</th>
              {subHeader ? <td>{row.sub}</td> : null}
              <td className="num">
                <CellValue cell={row.stat.n} />
              </td>
              <td className="num">
                <CellValue cell={row.stat.mean} digits={1} />
              </td>
              <td className="num">
                <Interval stat={row.stat} />
              </td>
              <td className="num">
                <Effect stat={row.stat} />
              </td>
              {extraHeader ? <td>{row.extra}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
