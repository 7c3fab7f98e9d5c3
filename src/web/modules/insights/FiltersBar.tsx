import { SelectField } from '../../components/selects.tsx';
import { useT } from '../../i18n.ts';
import { monthLabel } from './format.ts';
import { recentMonths } from './query.ts';
import type { Filters, Scope } from './types.ts';

const INSTRUMENTS = ['djg-11', 'djg-6', 'ucla-3', 'direct'] as const;
const ALL = 'all';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** The municipalities this person may see (from an answer without a municipality filter). */
  municipalities: Scope['municipalities'];
}

/** Municipality, months, instrument and year or quarter: the same for every tab. */
export function FiltersBar({ filters, onChange, municipalities }: Props) {
  const t = useT();
  const months = recentMonths().map((m) => ({ id: m, label: monthLabel(m) }));
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <section className="card insights-filters" aria-labelledby="insights-filters-title">
      <h2 id="insights-filters-title" className="visually-hidden">
        {t('insights.filters.title')}
      </h2>
      <SelectField
        label={t('insights.filters.municipality')}
        options={[
          { id: ALL, label: t('insights.filters.allMunicipalities') },
          ...municipalities.map((m) => ({ id: m.nis, label: m.name })),
        ]}
        value={filters.municipality || ALL}
        onChange={(v) => set({ municipality: v === ALL ? '' : v })}
      />
      <SelectField
        label={t('insights.filters.from')}
        options={months}
        value={filters.from}
        onChange={(from) => set({ from })}
      />
      <SelectField
        label={t('insights.filters.to')}
        options={months}
        value={filters.to}
        onChange={(to) => set({ to })}
      />
      <SelectField
        label={t('insights.filters.instrument')}
        options={[
          { id: ALL, label: t('insights.filters.allInstruments') },
          ...INSTRUMENTS.map((id) => ({ id, label: t(`insights.instruments.${id}`) })),
        ]}
        value={filters.instrument || ALL}
        onChange={(v) => set({ instrument: v === ALL ? '' : v })}
      />
      <SelectField
        label={t('insights.filters.period')}
        options={[
          { id: 'year', label: t('insights.filters.year') },
          { id: 'quarter', label: t('insights.filters.quarter') },
        ]}
        value={filters.period}
        onChange={(v) => set({ period: v === 'quarter' ? 'quarter' : 'year' })}
      />
    </section>
  );
}
