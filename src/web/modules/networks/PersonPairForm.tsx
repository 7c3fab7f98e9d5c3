import { type ReactNode, useState } from 'react';
import { ApiForm } from '../../components/forms.tsx';
import { SelectField } from '../../components/selects.tsx';
import type { Genogram } from './genogramEditing.ts';
import {
  type FieldErrors,
  FormActions,
  type FormMessages,
  personOptions,
  useGenogramForm,
} from './genogramFormParts.tsx';

/**
 * A form about two people in the genogram (fields "a" and "b"): a partnership or a bond.
 * The caller adds its own fields as children and reads them in `readRest`.
 */
export function PersonPairForm<Rest extends object>({
  genogram,
  labelA,
  labelB,
  submitLabel,
  readRest,
  onSubmit,
  children,
}: {
  genogram: Genogram;
  labelA: string;
  labelB: string;
  submitLabel: string;
  /** The form's other values; what is wrong with them goes into `fields`. */
  readRest: (values: Record<string, string>, fields: FieldErrors, messages: FormMessages) => Rest;
  onSubmit: (input: { a: string; b: string } & Rest) => void;
  children: ReactNode;
}) {
  const { form, messages, rejects } = useGenogramForm();
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const options = personOptions(genogram);
  return (
    <ApiForm
      form={form}
      className="form networks-form"
      onSubmit={(values, element) => {
        const fields: FieldErrors = {};
        if (!a) fields.a = messages.pick;
        if (!b) fields.b = messages.pick;
        if (a && a === b) fields.b = messages.samePerson;
        const rest = readRest(values, fields, messages);
        if (rejects(fields) || !a || !b) return;
        onSubmit({ a, b, ...rest });
        element.reset();
        setA(null);
        setB(null);
      }}
    >
      <SelectField label={labelA} name="a" options={options} value={a} onChange={setA} />
      <SelectField label={labelB} name="b" options={options} value={b} onChange={setB} />
      {children}
      <FormActions submitLabel={submitLabel} />
    </ApiForm>
  );
}
