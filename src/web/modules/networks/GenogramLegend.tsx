import type { ReactNode } from 'react';
import { EMOTIONAL_BONDS, PARENTAGE_KINDS, PARTNERSHIP_STATUSES } from '../../../contracts/networks.ts';
import { useT } from '../../i18n.ts';
import { BondLine, ChildLine, PartnershipLine, PersonSymbol } from './genogramShapes.tsx';

function Sample({ children, label }: { children: ReactNode; label: string }) {
  return (
    <li>
      <svg className="genogram-legend-sample" viewBox="0 0 64 48" width="64" height="48" aria-hidden="true">
        {children}
      </svg>
      <span>{label}</span>
    </li>
  );
}

/** What each symbol and line means: printed with the drawing, so it stands on its own. */
export function GenogramLegend() {
  const t = useT();
  const symbol = (props: Parameters<typeof PersonSymbol>[0]) => (
    <g transform="translate(32 24)">
      <PersonSymbol {...props} size={12} />
    </g>
  );
  return (
    <section className="genogram-legend networks-legend" aria-labelledby="genogram-legend-title">
      <h2 id="genogram-legend-title" className="networks-subtitle">
        {t('networks.genogram.legendTitle')}
      </h2>
      <ul className="networks-legend-list">
        <Sample label={t('networks.genogram.legend.male')}>
          {symbol({ sex: 'male', deceased: false, index: false })}
        </Sample>
        <Sample label={t('networks.genogram.legend.female')}>
          {symbol({ sex: 'female', deceased: false, index: false })}
        </Sample>
        <Sample label={t('networks.genogram.legend.other')}>
          {symbol({ sex: 'other', deceased: false, index: false })}
        </Sample>
        <Sample label={t('networks.genogram.legend.unknown')}>
          {symbol({ sex: 'unknown', deceased: false, index: false })}
        </Sample>
        <Sample label={t('networks.genogram.legend.deceased')}>
          {symbol({ sex: 'male', deceased: true, index: false })}
        </Sample>
        <Sample label={t('networks.genogram.legend.index')}>
          {symbol({ sex: 'female', deceased: false, index: true })}
        </Sample>
        {PARTNERSHIP_STATUSES.map((s) => (
          <Sample key={s} label={t(`networks.genogram.partnership.${s}`)}>
            <PartnershipLine status={s} from={{ x: 6, y: 24 }} to={{ x: 58, y: 24 }} barY={24} />
          </Sample>
        ))}
        {PARENTAGE_KINDS.map((k) => (
          <Sample key={k} label={t(`networks.genogram.legend.child_${k}`)}>
            <ChildLine kind={k} from={{ x: 32, y: 4 }} to={{ x: 32, y: 44 }} busY={24} />
          </Sample>
        ))}
        {EMOTIONAL_BONDS.map((k) => (
          <Sample key={k} label={t(`networks.genogram.bond.${k}`)}>
            <BondLine kind={k} from={{ x: -20, y: 30 }} to={{ x: 84, y: 30 }} />
          </Sample>
        ))}
        <Sample label={t('networks.genogram.household')}>
          <rect className="genogram-household-sample" x={6} y={8} width={52} height={32} rx={8} />
        </Sample>
      </ul>
    </section>
  );
}
