import { useT } from '../../i18n.ts';
import { RadioField, RequiredCheckbox, TextAreaField } from '../signals/fields.tsx';
import { CONSENT_METHODS } from './types.ts';

/**
 * The consent to be registered, asked before anything is saved: what the person agreed to
 * (in words they were told), how they said so, and a short note of what was explained.
 */
export function ConsentStep({
  accepted,
  onAccept,
  method,
  onMethod,
}: {
  accepted: boolean;
  onAccept: (value: boolean) => void;
  method: string;
  onMethod: (value: string) => void;
}) {
  const t = useT();
  return (
    <fieldset className="clients-fieldset clients-consent">
      <legend>{t('clients.consentStep.legend')}</legend>
      <p>{t('clients.consentStep.intro')}</p>
      <ul className="clients-consent-points">
        <li>{t('clients.consentStep.point1')}</li>
        <li>{t('clients.consentStep.point2')}</li>
        <li>{t('clients.consentStep.point3')}</li>
      </ul>
      <RequiredCheckbox name="consent" isSelected={accepted} onChange={onAccept}>
        {t('clients.consentStep.accept')}
      </RequiredCheckbox>
      <RadioField
        name="consent.method"
        label={t('clients.consentStep.method')}
        value={method}
        onChange={onMethod}
        options={CONSENT_METHODS.map((m) => ({ id: m, label: t(`clients.methods.${m}`) }))}
      />
      <TextAreaField
        name="consent.note"
        label={`${t('clients.consentStep.note')} ${t('form.optional')}`}
        description={t('clients.consentStep.noteHint')}
        maxLength={1000}
      />
    </fieldset>
  );
}
