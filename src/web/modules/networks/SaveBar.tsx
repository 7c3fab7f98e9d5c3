import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { NetworkMapDocument } from '../../../contracts/networks.ts';
import type { MapProblem } from '../../../modules/networks/networks.validate.ts';
import { formatDateTime } from '../../format.ts';
import { type T, useT } from '../../i18n.ts';
import { problemKey } from './mapProblems.ts';
import type { useNetworkMap } from './useNetworkMap.ts';

type MapState = ReturnType<typeof useNetworkMap>;

/** Which item a problem is about, in the words the worker used ("Els", "Jan – Rosa"). */
function itemName(doc: NetworkMapDocument, path: string, t: T): string | null {
  const [part, list, index] = path.split('.');
  const i = Number(index);
  if (!Number.isInteger(i)) return null;
  const member = (id: string) =>
    id === 'client'
      ? t('networks.page.theClient')
      : (doc.ecogram.members.find((m) => m.id === id)?.label ?? id);
  const person = (id: string) => doc.genogram.people.find((p) => p.id === id)?.label ?? id;
  if (part === 'ecogram' && list === 'members') return doc.ecogram.members[i]?.label ?? null;
  if (part === 'ecogram' && list === 'ties') {
    const tie = doc.ecogram.ties[i];
    return tie ? `${member(tie.from)} – ${member(tie.to)}` : null;
  }
  if (part === 'genogram' && list === 'people') return doc.genogram.people[i]?.label ?? null;
  if (part === 'genogram' && (list === 'partnerships' || list === 'bonds')) {
    const item = doc.genogram[list][i];
    return item ? `${person(item.a)} – ${person(item.b)}` : null;
  }
  if (part === 'genogram' && list === 'parentage') {
    const item = doc.genogram.parentage[i];
    return item ? person(item.child) : null;
  }
  if (part === 'strengths') {
    const card = doc.strengths.cards[i];
    if (!card) return null;
    return card.custom?.label ?? t(`networks.cards.${card.cardId}`, { defaultValue: card.cardId ?? '' });
  }
  return null;
}

function ProblemList({
  problems,
  doc,
  focus,
}: {
  problems: MapProblem[];
  doc: NetworkMapDocument;
  focus: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      ref={ref}
      className="alert alert-error networks-problems"
      role={focus ? 'alert' : undefined}
      tabIndex={-1}
    >
      <p>{t('networks.page.problemsTitle', { count: problems.length })}</p>
      <ul>
        {problems.map((p) => {
          const name = itemName(doc, p.path, t);
          const message = t(problemKey(p.code), { defaultValue: t('networks.problems.invalid_value') });
          return (
            <li key={`${p.path}:${p.code}`}>
              {name ? t('networks.page.problemAt', { name, message }) : message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Whether everything is saved, the Save button, and what must be fixed before saving. */
export function SaveBar({ map }: { map: MapState }) {
  const t = useT();
  const { saved, draft, dirty, saving, problems } = map;
  if (!saved || !draft) return null;
  const status = saving
    ? t('networks.page.saving')
    : dirty
      ? t('networks.page.unsaved')
      : saved.updatedAt
        ? t('networks.page.savedAt', { when: formatDateTime(saved.updatedAt) })
        : t('networks.page.nothingYet');
  return (
    <div className="networks-savebar-wrap">
      <div className={dirty ? 'networks-savebar networks-savebar-dirty' : 'networks-savebar'}>
        <p className="networks-savebar-status" role="status">
          <span className="networks-savebar-mark" aria-hidden="true">
            {dirty ? '●' : '✓'}
          </span>
          {status}
        </p>
        <Button
          className="button button-primary"
          onPress={() => void map.save()}
          isPending={saving}
          isDisabled={!dirty || map.conflict !== null}
        >
          {t('networks.page.save')}
        </Button>
      </div>
      {map.saveError ? (
        <div className="alert alert-error" role="alert">
          <p>{map.saveError.title}</p>
        </div>
      ) : null}
      {problems.all.length > 0 ? (
        <ProblemList problems={problems.all} doc={draft} focus={map.showProblems} />
      ) : null}
    </div>
  );
}
