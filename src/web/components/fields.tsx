import type { ReactNode } from 'react';
import {
  Checkbox,
  type CheckboxProps,
  FieldError,
  Input,
  Label,
  Switch,
  type SwitchProps,
  Text,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';
import { useT } from '../i18n.ts';
import { useFieldError } from './forms.tsx';

interface FieldProps extends Omit<TextFieldProps, 'children' | 'className' | 'isInvalid'> {
  label: string;
  description?: ReactNode;
  optional?: boolean;
  inputClassName?: string;
}

/** A field's label (marked when optional) and its hint, which React Aria ties to the input. */
export function LabelAndHint({
  label,
  optional,
  description,
}: {
  label: string;
  optional?: boolean;
  description?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <Label className="field-label">
        {label}
        {optional ? <span className="field-optional"> {t('form.optional')}</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
    </>
  );
}

/**
 * A labelled text input with its hint and its error; React Aria ties them together
 * (aria-describedby, aria-invalid). The error comes from the surrounding ApiForm.
 */
export function Field({ label, description, optional, inputClassName, ...props }: FieldProps) {
  const error = useFieldError(props.name);
  return (
    <TextField {...props} isInvalid={Boolean(error)} className="field">
      <LabelAndHint label={label} optional={optional} description={description} />
      <Input className={inputClassName ? `input ${inputClassName}` : 'input'} />
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

interface CheckboxFieldProps extends Omit<CheckboxProps, 'children' | 'className'> {
  children: ReactNode;
}

export function CheckboxField({ children, ...props }: CheckboxFieldProps) {
  return (
    <Checkbox {...props} className="checkbox">
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 18 18" focusable="false" aria-hidden="true">
          <polyline points="3.5 9.5 7.5 13 14.5 5" />
        </svg>
      </span>
      <span className="checkbox-label">{children}</span>
    </Checkbox>
  );
}

interface SwitchFieldProps extends Omit<SwitchProps, 'children' | 'className'> {
  children: ReactNode;
}

export function SwitchField({ children, ...props }: SwitchFieldProps) {
  return (
    <Switch {...props} className="switch">
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-label">{children}</span>
    </Switch>
  );
}
