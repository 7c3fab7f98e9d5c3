import { type ReactNode, useRef, useState } from 'react';
import {
  ACTIVE_ELEMENTS,
  COST_OPTIONS,
  EVIDENCE_LEVELS,
  HOW_TO_JOIN,
  LANGUAGES,
  SERVICE_TYPES,
  TARGET_GROUPS,
} from '../../../contracts/directory-vocabulary.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, type ApiFormState, SubmitButton } from '../../components/forms.tsx';
import { MultiSelectField, SelectField } from '../../components/selects.tsx';
import type { T } from '../../i18n.ts';
import {
  CheckboxGroupField,
  LocationsList,
  PhonesList,
  SchedulesList,
  TextAreaField,
} from './EntryFormLists.tsx';
import {
  blank,
  type Choices,
  initialLists,
  type Lists,
  onScreen,
  PRACTICE,
  type Shown,
  toPayload,
  withoutEmptyRows,
} from './entryPayload.ts';
import { vocab } from './labels.ts';
import type { ManagedEntry } from './types.ts';

const options = (t: T, taxonomy: string, codes: readonly string[]) =>
  codes.map((id) => ({ id, label: vocab(t, taxonomy, id) }));

/** The editor's form: what an entry is, where and when it happens, how to get in touch, and the good practice. */
export function EntryForm({
  t,
  form,
  initial,
  before,
  submitLabel,
  onSubmit,
}: {
  t: T;
  form: ApiFormState;
  initial?: ManagedEntry;
  before?: ReactNode;
  submitLabel: string;
  onSubmit: (payload: Record<string, unknown>) => void;
}) {
  const [s, setS] = useState<Choices>({
    type: initial?.type ?? 'meeting_place',
    targetGroups: initial?.targetGroups ?? ['everyone'],
    howToJoin: initial?.howToJoin ?? 'walk_in',
    costOption: initial?.costOption ?? 'free',
    languages: initial?.languages ?? ['nl'],
    activeElements: initial?.activeElements ?? [],
    evidenceLevel: initial?.evidenceLevel ?? 'none',
  });
  const [lists, setLists] = useState<Lists>(() => initialLists(initial));
  const [shown, setShown] = useState<Shown>({});
  const nextKey = useRef(1000);
  const set = (patch: Partial<Choices>) => setS((c) => ({ ...c, ...patch }));
  const add = (list: keyof Lists) => () =>
    setLists((c) => ({ ...c, [list]: [...c[list], { ...blank, key: nextKey.current++, base: {} }] }));
  const change =
    <K extends keyof Lists>(list: K) =>
    (rows: Lists[K]) =>
      setLists((c) => ({ ...c, [list]: rows }));
  const p = (k: string) => t(`directory.practices.parts.${k}`);
  return (
    <ApiForm
      className="form card"
      form={onScreen(form, shown)}
      onSubmit={(v) => {
        const sent = withoutEmptyRows(v, lists);
        setShown(sent.shown);
        onSubmit(toPayload(sent.values, s, sent.lists, initial));
      }}
    >
      {before}
      <Field name="name" label={t('directory.editor.name')} defaultValue={initial?.name} isRequired />
      <TextAreaField
        name="description"
        label={t('directory.editor.description')}
        defaultValue={initial?.description}
      />
      <SelectField
        name="type"
        label={t('directory.type')}
        options={options(t, 'type', SERVICE_TYPES)}
        value={s.type}
        onChange={(type) => set({ type })}
      />
      <MultiSelectField
        name="targetGroups"
        label={t('directory.target_group')}
        options={options(t, 'target_group', TARGET_GROUPS)}
        value={s.targetGroups}
        onChange={(targetGroups) => set({ targetGroups })}
      />
      <SelectField
        name="howToJoin"
        label={t('directory.howToJoin')}
        options={options(t, 'how_to_join', HOW_TO_JOIN)}
        value={s.howToJoin}
        onChange={(howToJoin) => set({ howToJoin })}
      />
      <SelectField
        name="costOption"
        label={t('directory.cost')}
        options={options(t, 'cost', COST_OPTIONS)}
        value={s.costOption}
        onChange={(costOption) => set({ costOption })}
      />
      <Field
        name="costDescription"
        label={t('directory.editor.costDescription')}
        defaultValue={initial?.costDescription ?? ''}
      />
      <CheckboxGroupField
        name="languages"
        label={t('directoryEditor.languages')}
        options={LANGUAGES.map((id) => ({ id, label: t(`directoryEditor.language.${id}`) }))}
        value={s.languages}
        onChange={(languages) => set({ languages })}
      />
      <LocationsList t={t} rows={lists.locations} onChange={change('locations')} onAdd={add('locations')} />
      <SchedulesList t={t} rows={lists.schedules} onChange={change('schedules')} onAdd={add('schedules')} />
      <fieldset className="fieldset">
        <legend>{t('directory.contact')}</legend>
        <PhonesList t={t} rows={lists.phones} onChange={change('phones')} onAdd={add('phones')} />
        <Field name="email" label={t('directory.email')} defaultValue={initial?.email ?? ''} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('directoryEditor.goodPractice')}</legend>
        <p className="field-description">{t('directoryEditor.goodPracticeIntro')}</p>
        {PRACTICE.map((k) => (
          <TextAreaField
            key={k}
            name={`goodPractice.${k}`}
            label={p(k)}
            defaultValue={initial?.goodPractice[k]}
          />
        ))}
        <CheckboxGroupField
          name="activeElements"
          label={t('directory.practices.element')}
          options={ACTIVE_ELEMENTS.map((id) => ({ id, label: t(`directory.practices.elements.${id}`) }))}
          value={s.activeElements}
          onChange={(activeElements) => set({ activeElements })}
        />
        <SelectField
          name="evidenceLevel"
          label={t('directory.practices.evidence')}
          options={EVIDENCE_LEVELS.map((id) => ({ id, label: t(`directory.practices.levels.${id}`) }))}
          value={s.evidenceLevel}
          onChange={(evidenceLevel) => set({ evidenceLevel })}
        />
        <TextAreaField
          name="evidenceSource"
          label={t('directoryEditor.evidenceSource')}
          defaultValue={initial?.evidenceSource}
        />
      </fieldset>
      <div className="actions">
        <SubmitButton isPending={form.pending}>{submitLabel}</SubmitButton>
      </div>
    </ApiForm>
  );
}
