import { CheckboxGroup, Label, Radio, RadioGroup } from 'react-aria-components';
import { CheckboxField } from '../../components/fields.tsx';

export interface Choice<T extends string> {
  id: T;
  label: string;
}

/** One of a few choices, all visible at once: quicker to tap at the kitchen table than a dropdown. */
export function RadioChoice<T extends string>({
  label,
  options,
  value,
  onChange,
  isDisabled,
}: {
  label: string;
  options: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  isDisabled?: boolean;
}) {
  return (
    <RadioGroup
      value={value}
      onChange={(v) => onChange(v as T)}
      isDisabled={isDisabled}
      orientation="horizontal"
      className="field eco-choices"
    >
      <Label className="field-label">{label}</Label>
      <div className="eco-choice-row">
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="eco-radio">
            <span className="eco-radio-dot" aria-hidden="true" />
            <span>{o.label}</span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

/** Any number of choices under one label. */
export function CheckboxChoices<T extends string>({
  label,
  options,
  value,
  onChange,
  isDisabled,
}: {
  label: string;
  options: readonly Choice<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  isDisabled?: boolean;
}) {
  return (
    <CheckboxGroup
      value={[...value]}
      onChange={(v) => onChange(options.filter((o) => v.includes(o.id)).map((o) => o.id))}
      isDisabled={isDisabled}
      className="field eco-choices"
    >
      <Label className="field-label">{label}</Label>
      <div className="eco-choice-row">
        {options.map((o) => (
          <CheckboxField key={o.id} value={o.id}>
            {o.label}
          </CheckboxField>
        ))}
      </div>
    </CheckboxGroup>
  );
}
