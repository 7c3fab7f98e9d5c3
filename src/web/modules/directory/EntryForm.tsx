import { type ReactNode, useState } from 'react';
import { FieldError, TextArea, TextField } from 'react-aria-components';
import { Field, LabelAndHint } from '../../components/fields.tsx';
import { ApiForm, type ApiFormState, SubmitButton, useFieldError } from '../../components/forms.tsx';
import { MultiSelectField, SelectField } from '../../components/selects.tsx';
import type { T } from '../../i18n.ts';
import { vocab } from './labels.ts';
import type { ManagedEntry } from './types.ts';

const TYPES = [
  'buddy',
  'telephone_circle',
  'meeting_place',
  'neighbourhood_salon',
  'soup_cafe',
  'neighbourhood_restaurant',
  'community_garden',
  'study_spot',
  'drop_in_youth',
  'bridge_figure',
  'community_centre',
  'home_visits',
  'digital_inclusion',
  'helpline',
  'support_group',
  'volunteering',
  'sport',
  'culture',
  'awareness',
];
const GROUPS = [
  'everyone',
  'children',
  'youth',
  'young_adults',
  'adults',
  'older_people',
  'informal_carers',
  'newcomers',
  'disability',
];
const JOIN = ['walk_in', 'register', 'referral'];
const COST = ['free', 'contribution', 'paid'];
const ACCESS = ['wheelchair', 'hearing_loop', 'transport'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const RHYTHMS = ['weekly', '1', '2', '3', '4', '-1'];
const BYDAY = /^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

function TextAreaField({
  name,
  label,
  defaultValue,
}: {
  name: string;
  label: string;
  defaultValue?: string;
}) {
  const error = useFieldError(name);
  return (
    <TextField name={name} defaultValue={defaultValue} isInvalid={Boolean(error)} className="field">
      <LabelAndHint label={label} />
      <TextArea className="input" rows={4} />
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

const options = (t: T, taxonomy: string, codes: string[]) =>
  codes.map((id) => ({ id, label: vocab(t, taxonomy, id) }));

/** The entry document to send: the form's fields over everything else the entry already holds. */
function toPayload(v: Record<string, string>, s: Choices, initial: ManagedEntry | undefined) {
  const address1 = v['locations.0.address1'] ?? '';
  const postalCode = v['locations.0.postalCode'] ?? '';
  const opensAt = v['schedules.0.opensAt'] ?? '';
  const first = initial?.locations[0];
  const samePlace = first && first.address1 === address1 && first.postalCode === postalCode;
  const locations = address1
    ? [
        {
          ...(samePlace ? first : {}),
          name: v.placeName || v.name,
          address1,
          postalCode,
          city: v['locations.0.city'] ?? '',
          accessibility: s.accessibility,
        },
        ...(initial?.locations.slice(1) ?? []),
      ]
    : (initial?.locations.slice(1) ?? []);
  const byday = s.rhythm === 'weekly' ? s.day : `${s.rhythm}${s.day}`;
  const schedule = opensAt
    ? [
        {
          freq: s.rhythm === 'weekly' ? 'WEEKLY' : 'MONTHLY',
          interval: 1,
          byday,
          opensAt,
          closesAt: v['schedules.0.closesAt'] ?? '',
          locationIndex: locations.length > 0 ? 0 : null,
        },
      ]
    : [];
  const otherContacts = (initial?.contacts ?? []).filter(
    (c, i) => !(c.kind === 'phone' && i === initial?.contacts.findIndex((x) => x.kind === 'phone')),
  );
  return {
    ...(initial ?? { languages: ['nl'], goodPractice: {}, activeElements: [], evidenceLevel: 'none' }),
    name: v.name,
    description: v.description ?? '',
    email: v.email || null,
    type: s.type,
    targetGroups: s.targetGroups,
    howToJoin: s.howToJoin,
    costOption: s.costOption,
    costDescription: v.costDescription || null,
    locations,
    schedules: [...schedule, ...(initial?.schedules.slice(1) ?? [])],
    contacts: [...(v.phone ? [{ kind: 'phone', phone: v.phone }] : []), ...otherContacts],
  };
}

interface Choices {
  type: string;
  targetGroups: string[];
  howToJoin: string;
  costOption: string;
  accessibility: string[];
  day: string;
  rhythm: string;
}

/** The editor's form: what an entry says, where and when it happens, how to get in touch. */
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
  const firstSchedule = initial?.schedules[0];
  const parsed = firstSchedule ? BYDAY.exec(firstSchedule.byday.split(',')[0] ?? '') : null;
  const [s, setS] = useState<Choices>({
    type: initial?.type ?? 'meeting_place',
    targetGroups: initial?.targetGroups ?? ['everyone'],
    howToJoin: initial?.howToJoin ?? 'walk_in',
    costOption: initial?.costOption ?? 'free',
    accessibility: initial?.locations[0]?.accessibility ?? [],
    day: parsed?.[2] ?? 'TU',
    rhythm: parsed?.[1] ?? 'weekly',
  });
  const set = (patch: Partial<Choices>) => setS((c) => ({ ...c, ...patch }));
  const place = initial?.locations[0];
  const phone = initial?.contacts.find((c) => c.kind === 'phone')?.phone ?? '';
  return (
    <ApiForm className="form card" form={form} onSubmit={(v) => onSubmit(toPayload(v, s, initial))}>
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
        options={options(t, 'type', TYPES)}
        value={s.type}
        onChange={(type) => set({ type })}
      />
      <MultiSelectField
        name="targetGroups"
        label={t('directory.target_group')}
        options={options(t, 'target_group', GROUPS)}
        value={s.targetGroups}
        onChange={(targetGroups) => set({ targetGroups })}
      />
      <SelectField
        name="howToJoin"
        label={t('directory.howToJoin')}
        options={options(t, 'how_to_join', JOIN)}
        value={s.howToJoin}
        onChange={(howToJoin) => set({ howToJoin })}
      />
      <SelectField
        name="costOption"
        label={t('directory.cost')}
        options={options(t, 'cost', COST)}
        value={s.costOption}
        onChange={(costOption) => set({ costOption })}
      />
      <Field
        name="costDescription"
        label={t('directory.editor.costDescription')}
        defaultValue={initial?.costDescription ?? ''}
      />
      <fieldset className="fieldset">
        <legend>{t('directory.where')}</legend>
        <Field name="placeName" label={t('directory.editor.placeName')} defaultValue={place?.name} />
        <Field
          name="locations.0.address1"
          label={t('directory.editor.address1')}
          defaultValue={place?.address1}
        />
        <Field
          name="locations.0.postalCode"
          label={t('directory.editor.postalCode')}
          defaultValue={place?.postalCode}
        />
        <Field name="locations.0.city" label={t('directory.editor.city')} defaultValue={place?.city} />
        <MultiSelectField
          label={t('directory.accessibility')}
          options={options(t, 'accessibility', ACCESS)}
          value={s.accessibility}
          onChange={(accessibility) => set({ accessibility })}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('directory.when')}</legend>
        <SelectField
          label={t('directory.editor.rhythm')}
          options={RHYTHMS.map((id) => ({ id, label: t(`directory.editor.rhythms.${id}`) }))}
          value={s.rhythm}
          onChange={(rhythm) => set({ rhythm })}
        />
        <SelectField
          label={t('directory.day')}
          options={DAYS.map((id) => ({ id, label: vocab(t, 'day', id) }))}
          value={s.day}
          onChange={(day) => set({ day })}
        />
        <Field
          name="schedules.0.opensAt"
          label={t('directory.editor.opensAt')}
          description={t('directory.editor.timeHint')}
          defaultValue={firstSchedule?.opensAt}
        />
        <Field
          name="schedules.0.closesAt"
          label={t('directory.editor.closesAt')}
          description={t('directory.editor.timeHint')}
          defaultValue={firstSchedule?.closesAt}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('directory.contact')}</legend>
        <Field name="phone" label={t('directory.phone')} defaultValue={phone} />
        <Field name="email" label={t('directory.email')} defaultValue={initial?.email ?? ''} />
      </fieldset>
      <div className="actions">
        <SubmitButton isPending={form.pending}>{submitLabel}</SubmitButton>
      </div>
    </ApiForm>
  );
}
