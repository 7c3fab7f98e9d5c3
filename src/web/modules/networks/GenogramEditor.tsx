import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { GenogramPerson } from '../../../contracts/networks.ts';
import { layoutGenogram } from '../../../modules/networks/networks.layout.ts';
import { useT } from '../../i18n.ts';
import { GenogramDrawing } from './GenogramDrawing.tsx';
import { BondForm, ChildForm, PartnershipForm, PersonForm } from './GenogramForms.tsx';
import { GenogramLegend } from './GenogramLegend.tsx';
import { GenogramTextList, PersonRelations } from './GenogramText.tsx';
import {
  addPerson,
  type Genogram,
  removePerson,
  setBond,
  setChild,
  setPartnership,
  updatePerson,
} from './genogramEditing.ts';
import { Done } from './networkFields.tsx';

type AddMode = 'person' | 'partnership' | 'child' | 'bond';
const MODES: AddMode[] = ['person', 'partnership', 'child', 'bond'];

export interface GenogramEditorProps {
  value: Genogram;
  onChange: (next: Genogram) => void;
  readOnly?: boolean;
  /** Problem codes per person id, from the map's validation. */
  problems?: ReadonlyMap<string, string[]>;
}

/**
 * The genogram: the drawing from the automatic layout, the forms beside it, the legend and a
 * text version under it. Selecting a person (click, or Tab and Enter) opens them for editing.
 */
export function GenogramEditor({ value, onChange, readOnly, problems }: GenogramEditorProps) {
  const t = useT();
  const layout = useMemo(() => layoutGenogram(value), [value]);
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<AddMode>(value.people.length === 0 ? 'person' : 'child');
  const [done, setDone] = useState<string | null>(null);
  const person = value.people.find((p) => p.id === selected) ?? null;
  const flagged = useMemo(() => new Set(problems?.keys() ?? []), [problems]);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const drawing = useRef<HTMLDivElement>(null);
  // Where the keyboard focus goes after a choice: the form of the chosen person, or back to them.
  const [focusTo, setFocusTo] = useState<{ to: 'form' } | { to: 'person'; id: string } | null>(null);
  useEffect(() => {
    if (!focusTo) return;
    if (focusTo.to === 'form') editHeading.current?.focus();
    else drawing.current?.querySelector<SVGGElement>(`[data-person="${CSS.escape(focusTo.id)}"]`)?.focus();
    setFocusTo(null);
  }, [focusTo]);
  const select = (id: string) => {
    const opening = selected !== id;
    setSelected(opening ? id : null);
    if (opening) setFocusTo({ to: 'form' });
  };
  const closeEdit = () => {
    if (selected) setFocusTo({ to: 'person', id: selected });
    setSelected(null);
  };

  const describe = (p: GenogramPerson) => {
    const parts = [p.label, t(`networks.genogram.sex.${p.sex}`)];
    if (p.index) parts.push(t('networks.genogram.text.index'));
    if (p.birthYear !== undefined) parts.push(t('networks.genogram.text.born', { year: p.birthYear }));
    if (p.deceased)
      parts.push(
        p.deathYear !== undefined
          ? t('networks.genogram.text.diedIn', { year: p.deathYear })
          : t('networks.genogram.text.deceased'),
      );
    if (p.inHousehold) parts.push(t('networks.genogram.text.household'));
    if (flagged.has(p.id)) parts.push(t('networks.genogram.text.hasProblem'));
    return parts.join(', ');
  };

  const change = (next: Genogram, message: string) => {
    onChange(next);
    setDone(message);
  };

  return (
    <div className="genogram-editor">
      <div className="genogram-layout">
        <section className="genogram-canvas card" aria-labelledby="genogram-drawing-title">
          <h2 id="genogram-drawing-title" className="networks-subtitle">
            {t('networks.genogram.drawingTitle')}
          </h2>
          {value.people.length === 0 ? (
            <p className="empty">{t('networks.genogram.empty')}</p>
          ) : (
            <div className="genogram-scroll" ref={drawing}>
              <GenogramDrawing
                genogram={value}
                layout={layout}
                label={t('networks.genogram.drawingLabel')}
                householdLabel={t('networks.genogram.household')}
                describe={describe}
                selectedId={selected}
                onSelect={readOnly ? undefined : select}
                flagged={flagged}
              />
            </div>
          )}
          {!readOnly && value.people.length > 0 ? (
            <p className="field-description">{t('networks.genogram.keyboardHint')}</p>
          ) : null}
        </section>
        {readOnly ? null : (
          <div className="genogram-panel">
            <Done message={done} />
            {person ? (
              <section className="card" aria-labelledby="genogram-edit-title">
                <h2 id="genogram-edit-title" className="networks-subtitle" ref={editHeading} tabIndex={-1}>
                  {t('networks.genogram.editTitle', { name: person.label })}
                </h2>
                {(problems?.get(person.id) ?? []).map((code) => (
                  <p key={code} className="field-error networks-problem">
                    {t(`networks.problems.${code.replace(/^networks\./, '')}`, {
                      defaultValue: t('networks.problems.invalid_value'),
                    })}
                  </p>
                ))}
                <PersonForm
                  key={person.id}
                  initial={person}
                  submitLabel={t('networks.genogram.saveChanges')}
                  onSubmit={(input) =>
                    change(
                      updatePerson(value, person.id, input),
                      t('networks.genogram.done.changed', { name: input.label }),
                    )
                  }
                >
                  <Button
                    className="button button-danger"
                    onPress={() => {
                      change(
                        removePerson(value, person.id),
                        t('networks.genogram.done.removed', { name: person.label }),
                      );
                      setSelected(null);
                    }}
                  >
                    {t('networks.genogram.remove')}
                  </Button>
                  <Button className="button button-quiet" onPress={closeEdit}>
                    {t('networks.genogram.close')}
                  </Button>
                </PersonForm>
                <PersonRelations
                  genogram={value}
                  personId={person.id}
                  onChange={(next, message) => change(next, message)}
                />
              </section>
            ) : null}
            <section className="card" aria-labelledby="genogram-add-title">
              <h2 id="genogram-add-title" className="networks-subtitle">
                {t('networks.genogram.addTitle')}
              </h2>
              <fieldset className="networks-modes">
                <legend className="visually-hidden">{t('networks.genogram.addWhat')}</legend>
                {MODES.map((m) => (
                  <Button
                    key={m}
                    className={`button ${mode === m ? 'button-primary' : 'button-secondary'}`}
                    aria-pressed={mode === m}
                    onPress={() => setMode(m)}
                    isDisabled={m !== 'person' && value.people.length === 0}
                  >
                    {t(`networks.genogram.mode.${m}`)}
                  </Button>
                ))}
              </fieldset>
              {mode === 'person' || value.people.length === 0 ? (
                <PersonForm
                  submitLabel={t('networks.genogram.add.person')}
                  onSubmit={(input) => {
                    const result = addPerson(value, input);
                    if (result.id)
                      change(result.genogram, t('networks.genogram.done.added', { name: input.label }));
                  }}
                />
              ) : mode === 'partnership' ? (
                <PartnershipForm
                  genogram={value}
                  onSubmit={(input) =>
                    change(setPartnership(value, input), t('networks.genogram.done.partnership'))
                  }
                />
              ) : mode === 'child' ? (
                <ChildForm
                  genogram={value}
                  onSubmit={({ child, parents, kind }) => {
                    let next = value;
                    let childId: string;
                    let childName: string;
                    if (typeof child === 'string') {
                      childId = child;
                      childName = value.people.find((p) => p.id === child)?.label ?? child;
                    } else {
                      const added = addPerson(value, child);
                      if (!added.id) return;
                      next = added.genogram;
                      childId = added.id;
                      childName = child.label;
                    }
                    change(
                      setChild(next, { child: childId, parents, kind }),
                      t('networks.genogram.done.child', { name: childName }),
                    );
                  }}
                />
              ) : (
                <BondForm
                  genogram={value}
                  onSubmit={(input) => change(setBond(value, input), t('networks.genogram.done.bond'))}
                />
              )}
            </section>
          </div>
        )}
      </div>
      <GenogramLegend />
      <GenogramTextList genogram={value} describe={describe} />
    </div>
  );
}
