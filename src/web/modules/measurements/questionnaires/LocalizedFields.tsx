import { Field } from '../../../components/fields.tsx';
import { useFieldError } from '../../../components/forms.tsx';
import { useT } from '../../../i18n.ts';
import { TextAreaField } from '../../signals/fields.tsx';
import type { DraftLocale, DraftText } from './draft.ts';

/**
 * A text in Dutch with, folded away, its French and English translations.
 * Each input is named after the API's field (`title.nl-BE`), so the server's message lands beside it.
 */
export function LocalizedFields({
  name,
  label,
  description,
  value,
  onChange,
  multiline,
  optional,
}: {
  name: string;
  label: string;
  description?: string;
  value: DraftText;
  onChange: (value: DraftText) => void;
  multiline?: boolean;
  optional?: boolean;
}) {
  const t = useT();
  const set = (locale: DraftLocale) => (text: string) => onChange({ ...value, [locale]: text });
  const frError = useFieldError(`${name}.fr-BE`);
  const enError = useFieldError(`${name}.en`);
  const translated = value['fr-BE'] !== '' || value.en !== '';
  const input = (locale: DraftLocale, text: string, hint?: string) =>
    multiline ? (
      <TextAreaField
        rows={3}
        inputClassName="qn-textarea"
        name={`${name}.${locale}`}
        label={text}
        description={hint}
        value={value[locale]}
        onChange={set(locale)}
        isRequired={locale === 'nl-BE' && !optional}
      />
    ) : (
      <Field
        name={`${name}.${locale}`}
        label={text}
        description={hint}
        value={value[locale]}
        onChange={set(locale)}
        isRequired={locale === 'nl-BE' && !optional}
        optional={locale === 'nl-BE' && optional}
        inputClassName="qn-wide"
      />
    );
  return (
    <div className="qn-localized">
      {input('nl-BE', label, description)}
      <details className="qn-translations" open={translated || Boolean(frError || enError) || undefined}>
        <summary>{t('questionnaires.builder.translations', { what: label })}</summary>
        {input('fr-BE', t('questionnaires.builder.inFrench', { what: label }))}
        {input('en', t('questionnaires.builder.inEnglish', { what: label }))}
      </details>
    </div>
  );
}

/** The server's message about a field that is a list, not an input (too few answers, too many items). */
export function ListError({ name }: { name: string }) {
  const error = useFieldError(name);
  return error ? <p className="field-error qn-list-error">{error}</p> : null;
}
