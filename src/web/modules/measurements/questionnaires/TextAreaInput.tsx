import type { ReactNode } from 'react';
import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useFieldError } from '../../../components/forms.tsx';

/** A labelled multi-line text, controlled, with its hint and the error from the surrounding ApiForm. */
export function TextAreaInput({
  label,
  description,
  name,
  value,
  onChange,
  maxLength,
  rows = 3,
  isRequired,
}: {
  label: string;
  description?: ReactNode;
  name: string;
  value?: string;
  onChange: (value: string) => void;
  maxLength?: number;
  rows?: number;
  isRequired?: boolean;
}) {
  const error = useFieldError(name);
  return (
    <TextField
      name={name}
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      className="field field-wide"
    >
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <TextArea className="input qn-textarea" rows={rows} maxLength={maxLength} />
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
