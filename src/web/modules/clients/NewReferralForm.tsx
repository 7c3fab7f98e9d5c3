import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { useT } from '../../i18n.ts';
import type { SearchResult } from '../directory/types.ts';
import { RadioField, RequiredCheckbox, TextAreaField } from '../signals/fields.tsx';
import { ServicePicker } from './ServicePicker.tsx';
import { type ClientDetail, CONSENT_METHODS } from './types.ts';

/**
 * Refers the person to a published initiative. When another organisation runs it, the person
 * must first agree to share their name, phone and the reason with that organisation: asked here,
 * recorded as a consent, then the referral goes out.
 */
export function NewReferralForm({
  path,
  client,
  onDone,
}: {
  path: string;
  client: ClientDetail;
  onDone: () => void;
}) {
  const t = useT();
  const form = useApiForm();
  const [service, setService] = useState<SearchResult | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [status, setStatus] = useState('proposed');
  const [share, setShare] = useState(false);
  const [method, setMethod] = useState('in_person');
  const [done, setDone] = useState<string | null>(null);

  // Who runs the initiative decides whether sharing consent is needed.
  useEffect(() => {
    setOwner(null);
    setShare(false);
    if (!service) return;
    const controller = new AbortController();
    api
      .get<{ organisationId: string }>(`/api/directory/entries/${service.id}`, { signal: controller.signal })
      .then(
        (entry) => setOwner(entry.organisationId),
        () => setOwner(null),
      );
    return () => controller.abort();
  }, [service]);

  const otherOrganisation = owner !== null && owner !== client.organisationId;
  const consented = client.consents.some(
    (c) => c.active && c.kind === 'sharing' && c.sharedWithOrganisation?.id === owner,
  );
  const needsConsent = otherOrganisation && !consented;

  return (
    <div className="clients-subform">
      <h3>{t('clients.referrals.new')}</h3>
      <SuccessMessage message={done} />
      <ApiForm
        form={form}
        onSubmit={(values, element) => {
          setDone(null);
          void form.run(async () => {
            if (needsConsent) {
              if (!share)
                throw new ApiError(400, 'clients.share_needed', t('form.checkFields'), [
                  {
                    field: 'share',
                    code: 'clients.share_needed',
                    message: t('clients.referrals.shareNeeded'),
                  },
                ]);
              await api.post(`${path}/consents`, {
                kind: 'sharing',
                method,
                sharedWithOrganisationId: owner,
              });
              // Recorded even if the referral below fails: the record shows it, and a retry does not ask again.
              onDone();
            }
            await api.post(`${path}/referrals`, {
              serviceId: service?.id,
              reason: values.reason?.trim() || undefined,
              status,
            });
            element.reset();
            setDone(t('clients.referrals.created', { service: service?.name ?? '' }));
            setService(null);
            onDone();
          });
        }}
      >
        <ServicePicker value={service?.id ?? null} onChange={setService} />
        {needsConsent ? (
          <fieldset className="clients-fieldset clients-consent">
            <legend>{t('clients.referrals.shareLegend')}</legend>
            <p>{t('clients.referrals.shareText')}</p>
            <RequiredCheckbox name="share" isSelected={share} onChange={setShare}>
              {t('clients.referrals.shareAccept')}
            </RequiredCheckbox>
            <RadioField
              name="shareMethod"
              label={t('clients.consentStep.method')}
              value={method}
              onChange={setMethod}
              options={CONSENT_METHODS.map((m) => ({ id: m, label: t(`clients.methods.${m}`) }))}
            />
          </fieldset>
        ) : null}
        {otherOrganisation && consented ? (
          <p className="note">{t('clients.referrals.sharedAlready')}</p>
        ) : null}
        <TextAreaField
          name="reason"
          label={`${t('clients.referrals.reason')} ${t('form.optional')}`}
          description={
            otherOrganisation ? t('clients.referrals.reasonShared') : t('clients.referrals.reasonHint')
          }
          maxLength={2000}
        />
        <RadioField
          name="status"
          label={t('clients.referrals.startAs')}
          value={status}
          onChange={setStatus}
          options={[
            { id: 'proposed', label: t('clients.referrals.startProposed') },
            { id: 'sent', label: t('clients.referrals.startSent') },
          ]}
        />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('clients.referrals.submit')}</SubmitButton>
        </div>
      </ApiForm>
    </div>
  );
}
