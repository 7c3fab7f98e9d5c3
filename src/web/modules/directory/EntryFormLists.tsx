import type { ReactNode } from 'react';
import { Button, CheckboxGroup, FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { ACCESSIBILITY, WEEKDAYS } from '../../../contracts/directory-vocabulary.ts';
import { CheckboxField, Field, LabelAndHint } from '../../components/fields.tsx';
import { useClearFieldError, useFieldError } from '../../components/forms.tsx';
import { MultiSelectField, SelectField } from '../../components/selects.tsx';
import type { T } from '../../i18n.ts';
import { vocab } from './labels.ts';
import type { ManagedEntry } from './types.ts';
import './editor.css';

export type LocationBase = Partial<ManagedEntry['locations'][number]>;
export type ScheduleBase = Partial<ManagedEntry['schedules'][number]> & {
  locationIndex?: number | null;
};
export type ContactBase = Partial<ManagedEntry['contacts'][number]>;

/** One row of a list: a stable key (so typed text stays with its row), what the entry held, and its choices. */
export interface Row<B> {
  key: number;
  base: B;
  accessibility: string[];
  rhythm: string;
  day: string;
}

const RHYTHMS = ['weekly', '1', '2', '3', '4', '-1'];

export function TextAreaField({
  name,
  label,
  defaultValue,
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
}) {
  const error = useFieldError(name);
  return (
    <TextField name={name} defaultValue={defaultValue ?? ''} isInvalid={Boolean(error)} className="field">
      <LabelAndHint label={label} />
      <TextArea className="input" rows={4} />
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

/** Several choices shown at once as checkboxes; the API's message for the list sits below. */
export function CheckboxGroupField({
  name,
  label,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  options: readonly { id: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const error = useFieldError(name);
  const clear = useClearFieldError(name);
  return (
    <CheckboxGroup
      name={name}
      className="field editor-choices"
      value={value}
      isInvalid={Boolean(error)}
      onChange={(next) => {
        clear();
        onChange(next);
      }}
    >
      <Label className="field-label">{label}</Label>
      {options.map((o) => (
        <CheckboxField key={o.id} value={o.id}>
          {o.label}
        </CheckboxField>
      ))}
      <FieldError className="field-error">{error}</FieldError>
    </CheckboxGroup>
  );
}

/** A numbered part of a list, with its own remove button and a legend that tells the rows apart. */
function ListItem({
  legend,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="fieldset editor-item">
      <legend>{legend}</legend>
      {children}
      <div className="actions">
        <Button className="button button-secondary" onPress={onRemove}>
          {removeLabel}
        </Button>
      </div>
    </fieldset>
  );
}

interface ListProps<B> {
  t: T;
  rows: Row<B>[];
  onChange: (rows: Row<B>[]) => void;
  onAdd: () => void;
}

const patchRow = <B,>(rows: Row<B>[], i: number, patch: Partial<Row<B>>) =>
  rows.map((r, j) => (j === i ? { ...r, ...patch } : r));

/** Where it happens: every location of the entry, each with its own accessibility. */
export function LocationsList({ t, rows, onChange, onAdd }: ListProps<LocationBase>) {
  const k = (key: string) => t(`directoryEditor.${key}`);
  return (
    <fieldset className="fieldset">
      <legend>{t('directory.where')}</legend>
      {rows.map((row, i) => (
        <ListItem
          key={row.key}
          legend={t('directoryEditor.location', { n: i + 1 })}
          removeLabel={t('directoryEditor.removeLocation', { n: i + 1 })}
          onRemove={() => onChange(rows.filter((_, j) => j !== i))}
        >
          <Field
            name={`locations.${i}.name`}
            label={t('directory.editor.placeName')}
            defaultValue={row.base.name}
          />
          <Field
            name={`locations.${i}.address1`}
            label={t('directory.editor.address1')}
            defaultValue={row.base.address1}
          />
          <Field
            name={`locations.${i}.postalCode`}
            label={t('directory.editor.postalCode')}
            defaultValue={row.base.postalCode}
          />
          <Field
            name={`locations.${i}.city`}
            label={t('directory.editor.city')}
            defaultValue={row.base.city}
          />
          <MultiSelectField
            name={`locations.${i}.accessibility`}
            label={t('directory.accessibility')}
            options={ACCESSIBILITY.map((id) => ({ id, label: vocab(t, 'accessibility', id) }))}
            value={row.accessibility}
            onChange={(accessibility) => onChange(patchRow(rows, i, { accessibility }))}
          />
          <TextAreaField
            name={`locations.${i}.accessibilityDescription`}
            label={k('accessibilityDescription')}
            defaultValue={row.base.accessibilityDescription}
          />
        </ListItem>
      ))}
      <Button className="button button-secondary" onPress={onAdd}>
        {k('addLocation')}
      </Button>
    </fieldset>
  );
}

/** When it happens: every recurring time, weekly or on a given weekday of the month. */
export function SchedulesList({ t, rows, onChange, onAdd }: ListProps<ScheduleBase>) {
  return (
    <fieldset className="fieldset">
      <legend>{t('directory.when')}</legend>
      {rows.map((row, i) => (
        <ListItem
          key={row.key}
          legend={t('directoryEditor.schedule', { n: i + 1 })}
          removeLabel={t('directoryEditor.removeSchedule', { n: i + 1 })}
          onRemove={() => onChange(rows.filter((_, j) => j !== i))}
        >
          <SelectField
            name={`schedules.${i}.freq`}
            label={t('directory.editor.rhythm')}
            options={RHYTHMS.map((id) => ({ id, label: t(`directory.editor.rhythms.${id}`) }))}
            value={row.rhythm}
            onChange={(rhythm) => onChange(patchRow(rows, i, { rhythm }))}
          />
          <SelectField
            name={`schedules.${i}.byday`}
            label={t('directory.day')}
            options={WEEKDAYS.map((id) => ({ id, label: vocab(t, 'day', id) }))}
            value={row.day}
            onChange={(day) => onChange(patchRow(rows, i, { day }))}
          />
          <Field
            name={`schedules.${i}.opensAt`}
            label={t('directory.editor.opensAt')}
            description={t('directory.editor.timeHint')}
            defaultValue={row.base.opensAt}
          />
          <Field
            name={`schedules.${i}.closesAt`}
            label={t('directory.editor.closesAt')}
            description={t('directory.editor.timeHint')}
            defaultValue={row.base.closesAt}
          />
        </ListItem>
      ))}
      <Button className="button button-secondary" onPress={onAdd}>
        {t('directoryEditor.addSchedule')}
      </Button>
    </fieldset>
  );
}

/** The entry's phone numbers; the first is the one the finder shows. */
export function PhonesList({ t, rows, onChange, onAdd }: ListProps<ContactBase>) {
  return (
    <div className="editor-list">
      {rows.map((row, i) => (
        <div key={row.key} className="editor-phone">
          <Field
            name={`contacts.${i}.phone`}
            label={t('directoryEditor.phone', { n: i + 1 })}
            defaultValue={row.base.phone ?? ''}
          />
          <Button
            className="button button-secondary"
            onPress={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t('directoryEditor.removePhone', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button className="button button-secondary" onPress={onAdd}>
        {t('directoryEditor.addPhone')}
      </Button>
    </div>
  );
}
