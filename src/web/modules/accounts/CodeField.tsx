import { Field } from '../../components/fields.tsx';

/** The six digits from an authenticator app (a space in the middle is fine). */
export function CodeField({
  label,
  description,
  autoFocus,
}: {
  label: string;
  description: string;
  autoFocus?: boolean;
}) {
  return (
    <Field
      name="code"
      label={label}
      description={description}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      inputClassName="input-code"
      isRequired
      autoFocus={autoFocus}
    />
  );
}

/** "123 456" as the server wants it: "123456". */
export function withoutSpaces(code: string): string {
  return code.replace(/\s/g, '');
}
