import type { ReactNode } from 'react';
import { useState } from 'react';
import { Empty, Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';

/**
 * The municipalities whose meldpunt this coordinator runs; a choice only when
 * there are several. Renders its children for the chosen one.
 */
export function MeldpuntChoice({ children }: { children: (municipalityId: string) => ReactNode }) {
  const t = useT();
  const meldpunts = useResource<{ items: { municipalityId: string; name: string }[] }>(
    '/api/signals/meldpunts',
  );
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Loaded resource={meldpunts}>
      {(data) => {
        const municipalityId = chosen ?? data.items[0]?.municipalityId ?? null;
        if (!municipalityId) return <Empty>{t('signals.numbers.noMeldpunt')}</Empty>;
        return (
          <div className="signals-stack">
            {data.items.length > 1 ? (
              <SelectField
                label={t('signals.numbers.municipality')}
                options={data.items.map((m) => ({ id: m.municipalityId, label: m.name }))}
                value={municipalityId}
                onChange={setChosen}
              />
            ) : (
              <p>{t('signals.meldpuntOf', { name: data.items[0]?.name ?? '' })}</p>
            )}
            {children(municipalityId)}
          </div>
        );
      }}
    </Loaded>
  );
}
