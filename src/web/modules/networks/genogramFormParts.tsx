import type { ReactNode } from 'react';
import { SEXES } from '../../../contracts/networks.ts';
import { SubmitButton, useApiForm } from '../../components/forms.tsx';
import { useT } from '../../i18n.ts';
import type { Genogram } from './genogramEditing.ts';
import { ChoiceField, useFormMessages } from './networkFields.tsx';

/* What the genogram forms share: the form state with its per-field messages, the sex choice and the submit row. */

export type FieldErrors = Record<string, string>;
export type FormMessages = ReturnType<typeof useFormMessages>;

export function checked(values: Record<string, string>, name: string) {
  return values[name] === 'on' || values[name] === 'true';
}

export function personOptions(genogram: Genogram) {
  return genogram.people.map((p) => ({ id: p.id, label: p.label }));
}

/** The form's state and messages, and `rejects`: shows the field errors, true when there are any. */
export function useGenogramForm() {
  const form = useApiForm();
  const messages = useFormMessages();
  const rejects = (fields: FieldErrors) => {
    if (Object.keys(fields).length > 0) {
      form.setError({ title: messages.check, fields });
      return true;
    }
    form.setError(null);
    return false;
  };
  return { form, messages, rejects };
}

export function SexField({ defaultValue }: { defaultValue: string }) {
  const t = useT();
  return (
    <ChoiceField
      label={t('networks.genogram.form.sex')}
      name="sex"
      defaultValue={defaultValue}
      options={SEXES.map((s) => ({ id: s, label: t(`networks.genogram.sex.${s}`) }))}
    />
  );
}

export function FormActions({ submitLabel, children }: { submitLabel: string; children?: ReactNode }) {
  return (
    <div className="actions">
      <SubmitButton>{submitLabel}</SubmitButton>
      {children}
    </div>
  );
}
