import { FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import { Field } from '../../components/fields.tsx';
import { useClearFieldError, useFieldError } from '../../components/forms.tsx';
import { useT } from '../../i18n.ts';

/** One choice out of a few, all visible at once; arrow keys move between them. */
export function ChoiceField({
  label,
  name,
  options,
  defaultValue,
  value,
  onChange,
}: {
  label: string;
  name: string;
  options: readonly { id: string; label: string }[];
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const error = useFieldError(name);
  const clear = useClearFieldError(name);
  return (
    <RadioGroup
      name={name}
      defaultValue={defaultValue}
      value={value}
      onChange={(v) => {
        clear();
        onChange?.(v);
      }}
      isInvalid={Boolean(error)}
      className="field networks-choices"
      orientation="horizontal"
    >
      <Label className="field-label">{label}</Label>
      <div className="networks-choice-row">
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="networks-radio">
            <span className="networks-radio-dot" aria-hidden="true" />
            <span>{o.label}</span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error">{error}</FieldError>
    </RadioGroup>
  );
}

/** A year, four digits; the form checks the range and the order of birth and death. */
export function YearField({
  label,
  name,
  defaultValue,
}: {
  label: string;
  name: string;
  defaultValue?: number;
}) {
  return (
    <Field
      label={label}
      name={name}
      optional
      defaultValue={defaultValue === undefined ? '' : String(defaultValue)}
      inputMode="numeric"
      maxLength={4}
      inputClassName="networks-year"
    />
  );
}

/** Reads a year field: empty is no year, anything but 1850–2100 is an error code. */
export function parseYear(raw: string | undefined): { year?: number; error?: 'year' } {
  const text = (raw ?? '').trim();
  if (!text) return {};
  if (!/^\d{4}$/.test(text)) return { error: 'year' };
  const year = Number(text);
  if (year < 1850 || year > 2100) return { error: 'year' };
  return { year };
}

/** The success line after an edit, read out by screen readers. */
export function Done({ message }: { message: string | null }) {
  return (
    <p className="networks-done" role="status">
      {message ?? ''}
    </p>
  );
}

/** "Name is required", "A year such as 1948": the shared messages of the genogram forms. */
export function useFormMessages() {
  const t = useT();
  return {
    check: t('networks.genogram.form.check'),
    name: t('networks.genogram.form.nameRequired'),
    year: t('networks.genogram.form.yearInvalid'),
    deathBeforeBirth: t('networks.problems.death_before_birth'),
    pick: t('networks.genogram.form.pickPerson'),
    samePerson: t('networks.genogram.form.samePerson'),
  };
}
