import type { ReactNode } from 'react';
import {
  CheckboxGroup,
  FieldError,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { CheckboxField } from '../../components/fields.tsx';
import { useClearFieldError, useFieldError } from '../../components/forms.tsx';

/**
 * A labelled multi-line text with its hint and the error from the surrounding
 * ApiForm; uncontrolled unless `value` and `onChange` are given.
 */
export function TextAreaField({
  label,
  description,
  name,
  isRequired,
  maxLength,
  value,
  onChange,
  rows = 6,
  inputClassName = 'signals-textarea',
}: {
  label: string;
  description?: ReactNode;
  name: string;
  isRequired?: boolean;
  maxLength?: number;
  value?: string;
  onChange?: (value: string) => void;
  rows?: number;
  inputClassName?: string;
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
      <TextArea className={`input ${inputClassName}`} rows={rows} maxLength={maxLength} />
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

/** One choice out of a few, all visible at once (a fieldset of radio buttons). */
export function RadioField({
  label,
  name,
  options,
  value,
  onChange,
  description,
}: {
  label: string;
  name: string;
  options: readonly { id: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
}) {
  const error = useFieldError(name);
  const clear = useClearFieldError(name);
  return (
    <RadioGroup
      name={name}
      value={value}
      onChange={(v) => {
        clear();
        onChange(v);
      }}
      isInvalid={Boolean(error)}
      className="field signals-choices"
    >
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      {options.map((o) => (
        <Radio key={o.id} value={o.id} className="signals-radio">
          <span className="signals-radio-dot" aria-hidden="true" />
          <span>{o.label}</span>
        </Radio>
      ))}
      <FieldError className="field-error">{error}</FieldError>
    </RadioGroup>
  );
}

/** Several choices out of a list, as checkboxes under one label. */
export function CheckboxesField({
  label,
  name,
  options,
  description,
}: {
  label: string;
  name: string;
  options: readonly { id: string; label: string }[];
  description?: ReactNode;
}) {
  return (
    <CheckboxGroup name={name} className="field signals-choices">
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      {options.map((o) => (
        <CheckboxField key={o.id} value={o.id}>
          {o.label}
        </CheckboxField>
      ))}
    </CheckboxGroup>
  );
}

/** A checkbox that must be ticked, with the error from the surrounding ApiForm under it. */
export function RequiredCheckbox({
  name,
  isSelected,
  onChange,
  children,
}: {
  name: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  children: ReactNode;
}) {
  const error = useFieldError(name);
  const clear = useClearFieldError(name);
  const errorId = `${name}-error`;
  return (
    <div className="field">
      <CheckboxField
        name={name}
        isSelected={isSelected}
        isInvalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        onChange={(value) => {
          clear();
          onChange(value);
        }}
      >
        {children}
      </CheckboxField>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
