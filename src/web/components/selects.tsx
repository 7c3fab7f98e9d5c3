import type { ReactNode } from 'react';
import {
  Button,
  FieldError,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import { LabelAndHint } from './fields.tsx';
import { useClearFieldError, useFieldError } from './forms.tsx';

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

/** What a single and a multiple select share: label, hint, the button showing the choice, error, list. */
function SelectParts({
  label,
  description,
  error,
  options,
}: {
  label: string;
  description?: ReactNode;
  error: string | undefined;
  options: readonly Option[];
}) {
  return (
    <>
      <LabelAndHint label={label} description={description} />
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-chevron" />
      </Button>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(item) => (
            <ListBoxItem id={item.id} className="listbox-item" textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </>
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
      <SelectParts label={label} description={description} error={error} options={options} />
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
      <SelectParts label={label} description={description} error={error} options={options} />
    </Select>
  );
}
