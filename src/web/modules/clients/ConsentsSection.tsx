import { useState } from 'react';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { RadioField } from '../signals/fields.tsx';
import { openForWork } from './labels.tsx';
import { type ClientDetail, CONSENT_METHODS, type Consent } from './types.ts';

/** What the person agreed to, when, how and noted by whom; each can be withdrawn. */
export function ConsentsSection({
  path,
  client,
  onDone,
}: {
  path: string;
  client: ClientDetail;
  onDone: () => void;
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="client-consents">
      <h2 id="client-consents">{t('clients.consents.title')}</h2>
      <ul className="clients-list">
        {client.consents.map((c) => (
          <li key={c.id} className="clients-list-item">
            <p className="clients-item-title">
              {c.kind === 'sharing'
                ? t('clients.consents.kinds.sharingWith', {
                    organisation: c.sharedWithOrganisation?.name ?? '?',
                  })
                : t(`clients.consents.kinds.${c.kind}`)}{' '}
              {c.active ? (
                <span className="badge badge-ok">{t('clients.consents.active')}</span>
              ) : (
                <span className="badge badge-error">{t('clients.consents.withdrawn')}</span>
              )}
            </p>
            <p className="muted">
              {t('clients.consents.given', {
                method: t(`clients.methods.${c.method}`),
                date: formatDateTime(c.givenAt),
                by: c.recordedBy ?? '?',
              })}
            </p>
            {c.note ? <p className="clients-text">{c.note}</p> : null}
            {c.withdrawnAt ? (
              <p className="muted">
                {t('clients.consents.withdrawnOn', {
                  method: c.withdrawalMethod ? t(`clients.methods.${c.withdrawalMethod}`) : '',
                  date: formatDateTime(c.withdrawnAt),
                  by: c.withdrawnBy ?? '?',
                })}
              </p>
            ) : null}
            {c.active && client.may.edit ? <WithdrawDialog path={path} consent={c} onDone={onDone} /> : null}
          </li>
        ))}
      </ul>
      {client.may.edit && openForWork(client) ? <AddConsent path={path} onDone={onDone} /> : null}
    </section>
  );
}

/** Asks before withdrawing, and says what it means for the work with the person. */
function WithdrawDialog({ path, consent, onDone }: { path: string; consent: Consent; onDone: () => void }) {
  const t = useT();
  const [method, setMethod] = useState('in_person');
  const what =
    consent.kind === 'sharing'
      ? t('clients.consents.kinds.sharingWith', { organisation: consent.sharedWithOrganisation?.name ?? '?' })
      : t(`clients.consents.kinds.${consent.kind}`);
  return (
    <ConfirmDialog
      trigger={t('clients.consents.withdraw')}
      title={t('clients.consents.withdrawTitle', { what })}
      confirmLabel={t('clients.consents.withdrawConfirm')}
      danger
      onConfirm={async () => {
        await api.post(`${path}/consents/${consent.id}/withdraw`, { method });
        onDone();
      }}
    >
      <p>{t(`clients.consents.withdrawMeans.${consent.kind}`)}</p>
      <RadioField
        name="withdrawMethod"
        label={t('clients.consents.withdrawHow')}
        value={method}
        onChange={setMethod}
        options={CONSENT_METHODS.map((m) => ({ id: m, label: t(`clients.methods.${m}`) }))}
      />
    </ConfirmDialog>
  );
}

/** A further consent: to be contacted, or to fill in questionnaires on their own. */
function AddConsent({ path, onDone }: { path: string; onDone: () => void }) {
  const t = useT();
  const form = useApiForm();
  const [kind, setKind] = useState('contact');
  const [method, setMethod] = useState('in_person');
  const [added, setAdded] = useState(false);
  return (
    <details className="clients-more">
      <summary>{t('clients.consents.add')}</summary>
      <SuccessMessage message={added ? t('clients.consents.added') : null} />
      <ApiForm
        form={form}
        onSubmit={() => {
          setAdded(false);
          void form.run(async () => {
            await api.post(`${path}/consents`, { kind, method });
            setAdded(true);
            onDone();
          });
        }}
      >
        <RadioField
          name="kind"
          label={t('clients.consents.addWhat')}
          value={kind}
          onChange={setKind}
          options={(['contact', 'self_fill'] as const).map((k) => ({
            id: k,
            label: t(`clients.consents.kinds.${k}`),
          }))}
        />
        <RadioField
          name="method"
          label={t('clients.consentStep.method')}
          value={method}
          onChange={setMethod}
          options={CONSENT_METHODS.map((m) => ({ id: m, label: t(`clients.methods.${m}`) }))}
        />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('clients.consents.addSubmit')}</SubmitButton>
        </div>
      </ApiForm>
    </details>
  );
}
