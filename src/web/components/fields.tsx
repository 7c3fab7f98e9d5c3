import type { ReactNode } from 'react';
import {
  Button,
  Checkbox,
  type CheckboxProps,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Switch,
  type SwitchProps,
  Text,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';
import { useT } from '../i18n.ts';
import { useClearFieldError, useFieldError } from './forms.tsx';

interface FieldProps extends Omit<TextFieldProps, 'children' | 'className' | 'isInvalid'> {
  label: string;
  description?: ReactNode;
  optional?: boolean;
  inputClassName?: string;
}

/**
 * A labelled text input with its hint and its error; React Aria ties them together
 * (aria-describedby, aria-invalid). The error comes from the surrounding ApiForm.
 */
export function Field({ label, description, optional, inputClassName, ...props }: FieldProps) {
  const t = useT();
  const error = useFieldError(props.name);
  return (
    <TextField {...props} isInvalid={Boolean(error)} className="field">
      <Label className="field-label">
        {label}
        {optional ? <span className="field-optional"> {t('form.optional')}</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <Input className={inputClassName ? `input ${inputClassName}` : 'input'} />
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

export interface Option {
  id: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  name?: string;
  options: readonly Option[];
  value: string | null;
  onChange: (value: string) => void;
  description?: ReactNode;
  isRequired?: boolean;
  isDisabled?: boolean;
  placeholder?: string;
}

function Choices({ options }: { options: readonly Option[] }) {
  return (
    <Popover className="popover">
      <ListBox className="listbox" items={options}>
        {(item) => (
          <ListBoxItem id={item.id} className="listbox-item" textValue={item.label}>
            {item.label}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  );
}

/** A single choice from a short list. */
export function SelectField({ label, options, value, onChange, description, ...props }: SelectFieldProps) {
  const error = useFieldError(props.name);
  const clearError = useClearFieldError(props.name);
  return (
    <Select
      {...props}
      className="field"
      isInvalid={Boolean(error)}
      value={value}
      onChange={(key) => {
        clearError();
        if (key !== null) onChange(String(key));
      }}
    >
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-chevron" />
      </Button>
      <FieldError className="field-error">{error}</FieldError>
      <Choices options={options} />
    </Select>
  );
}

interface MultiSelectFieldProps extends Omit<SelectFieldProps, 'value' | 'onChange'> {
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/** Several choices from a list; the button shows what is chosen. */
export function MultiSelectField({
  label,
  options,
  value,
  onChange,
  description,
  ...props
}: MultiSelectFieldProps) {
  const error = useFieldError(props.name);
  const clearError = useClearFieldError(props.name);
  return (
    <Select
      {...props}
      selectionMode="multiple"
      className="field"
      isInvalid={Boolean(error)}
      value={value}
      onChange={(keys) => {
        clearError();
        onChange(keys.map(String));
      }}
    >
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-chevron" />
      </Button>
      <FieldError className="field-error">{error}</FieldError>
      <Choices options={options} />
    </Select>
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
