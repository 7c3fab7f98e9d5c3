import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { Button, type ButtonProps, Form } from 'react-aria-components';
import { asApiError } from '../api.ts';

/** What a form shows after a failed submit: a title on top, a message per field. */
export interface FormError {
  title: string;
  fields: Record<string, string>;
}

interface ShownError extends FormError {
  /** Counts failed submits, so the alert takes focus once per failure (not when a field is cleared). */
  attempt: number;
}

/**
 * A form's state: pending while its action runs, and the error of the last failed submit.
 * The action does its own success work (navigate, show a message).
 */
export function useApiForm() {
  const [pending, setPending] = useState(false);
  const [error, setErrorState] = useState<ShownError | null>(null);
  const attempts = useRef(0);
  const setError = useCallback((next: FormError | null) => {
    attempts.current += 1;
    setErrorState(next ? { ...next, attempt: attempts.current } : null);
  }, []);
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setPending(true);
      setErrorState(null);
      try {
        await action();
        return true;
      } catch (e) {
        const apiError = asApiError(e);
        setError({ title: apiError.title, fields: apiError.fields });
        return false;
      } finally {
        setPending(false);
      }
    },
    [setError],
  );
  /** The person changed this field: its message goes; the title stays until the next submit. */
  const clearField = useCallback((name: string) => {
    setErrorState((current) => {
      if (!current || !(name in current.fields)) return current;
      const { [name]: _cleared, ...fields } = current.fields;
      return { ...current, fields };
    });
  }, []);
  return { pending, error, setError, run, clearField };
}

export type ApiFormState = ReturnType<typeof useApiForm>;

const noErrors: Record<string, string> = {};
const FieldErrors = createContext<{ errors: Record<string, string>; clear: (name: string) => void }>({
  errors: noErrors,
  clear: () => undefined,
});

/** The message for one field of the surrounding ApiForm, if its last submit failed on it. */
export function useFieldError(name: string | undefined): string | undefined {
  const { errors } = useContext(FieldErrors);
  return name ? errors[name] : undefined;
}

/** For fields without a native input event (selects): say the person changed the field. */
export function useClearFieldError(name: string | undefined): () => void {
  const { clear } = useContext(FieldErrors);
  return () => {
    if (name) clear(name);
  };
}

/** The title of a failed submit, at the top of the form; focused so keyboard and screen reader users land on it. */
export function FormAlert({ error }: { error: (FormError & { attempt?: number }) | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const attempt = error ? (error.attempt ?? error.title) : null;
  useEffect(() => {
    if (attempt !== null) ref.current?.focus();
  }, [attempt]);
  if (!error) return null;
  return (
    <div ref={ref} className="alert alert-error" role="alert" tabIndex={-1}>
      <p>{error.title}</p>
    </div>
  );
}

/** Values of a submitted form, as strings (React Aria fields render native inputs with their name). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') values[key] = value;
  return values;
}

/**
 * A React Aria Form wired to useApiForm: the error title on top, each message beside its
 * field (through useFieldError), and a field's message gone as soon as it is edited. The
 * messages do not wait for blur to go: that would move the submit button under the pointer.
 */
export function ApiForm({
  form,
  onSubmit,
  className = 'form',
  children,
}: {
  form: ApiFormState;
  onSubmit: (values: Record<string, string>, element: HTMLFormElement) => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form
      className={className}
      validationBehavior="aria"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(formValues(event.currentTarget), event.currentTarget);
      }}
    >
      <FieldErrors.Provider value={{ errors: form.error?.fields ?? noErrors, clear: form.clearField }}>
        <FormAlert error={form.error} />
        {/* React's own input event (React Aria's Form has no onInput), batched with the field's change. */}
        <div
          className="form-body"
          onInput={(event) => {
            const target = event.target as Partial<HTMLInputElement>;
            if (target.name) form.clearField(target.name);
          }}
        >
          {children}
        </div>
      </FieldErrors.Provider>
    </Form>
  );
}

interface SubmitButtonProps extends Omit<ButtonProps, 'type' | 'children' | 'className'> {
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
}

export function SubmitButton({ children, variant = 'primary', ...props }: SubmitButtonProps) {
  return (
    <Button {...props} type="submit" className={`button button-${variant}`}>
      {children}
    </Button>
  );
}

/**
 * A success message that screen readers announce without moving focus. The live region is
 * always in the page, so the message is announced when it appears.
 */
export function SuccessMessage({ message }: { message: ReactNode }) {
  return (
    <div className={message ? 'alert alert-success' : 'visually-hidden'} role="status">
      {message ? <p>{message}</p> : null}
    </div>
  );
}
