import { useEffect, useMemo, useRef } from 'react';
import { Button } from 'react-aria-components';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { differencesBetween, type MapDifference } from './mapDifferences.ts';
import type { useNetworkMap } from './useNetworkMap.ts';

type MapState = ReturnType<typeof useNetworkMap>;

function DifferenceList({ title, items, none }: { title: string; items: MapDifference[]; none: string }) {
  const t = useT();
  return (
    <div className="networks-conflict-side">
      <h3 className="networks-minor-title">{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="networks-text-list">
          {items.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two changes can read the same; the list never reorders
            <li key={i}>{t(`networks.conflict.diff.${d.kind}`, { name: d.name })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Someone else saved this map while the worker was editing. Both versions stay until the
 * worker chooses: what the other person changed and what the worker changed are listed side
 * by side, and each choice says what it gives up.
 */
export function ConflictView({ map, clientLabel }: { map: MapState; clientLabel: string }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const { conflict, saved, draft } = map;
  const labels = useMemo(
    () => ({ client: clientLabel, card: (id: string) => t(`networks.cards.${id}`, { defaultValue: id }) }),
    [clientLabel, t],
  );
  const theirs = useMemo(
    () => (conflict && saved ? differencesBetween(saved.document, conflict.document, labels) : []),
    [conflict, saved, labels],
  );
  const mine = useMemo(
    () => (saved && draft ? differencesBetween(saved.document, draft, labels) : []),
    [saved, draft, labels],
  );
  const version = conflict?.version;
  useEffect(() => {
    if (version !== undefined) ref.current?.focus();
  }, [version]);
  if (!conflict) return null;
  const who = conflict.updatedBy?.name ?? t('networks.conflict.someone');
  return (
    <section ref={ref} className="networks-conflict" aria-labelledby="networks-conflict-title" tabIndex={-1}>
      <h2 id="networks-conflict-title" className="networks-subtitle">
        {t('networks.conflict.title')}
      </h2>
      <p>
        {conflict.updatedAt
          ? t('networks.conflict.intro', { who, when: formatDateTime(conflict.updatedAt) })
          : t('networks.conflict.introNoTime', { who })}
      </p>
      <div className="networks-conflict-grid">
        <DifferenceList
          title={t('networks.conflict.theirChanges', { who })}
          items={theirs}
          none={t('networks.conflict.noChanges')}
        />
        <DifferenceList
          title={t('networks.conflict.myChanges')}
          items={mine}
          none={t('networks.conflict.noChanges')}
        />
      </div>
      <div className="actions">
        <Button className="button button-primary" onPress={() => void map.keepMine()} isPending={map.saving}>
          {t('networks.conflict.keepMine')}
        </Button>
        <Button className="button button-secondary" onPress={map.takeTheirs} isDisabled={map.saving}>
          {t('networks.conflict.takeTheirs')}
        </Button>
      </div>
      <p className="field-description">{t('networks.conflict.explain', { who })}</p>
    </section>
  );
}
