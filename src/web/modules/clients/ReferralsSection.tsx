import { useState } from 'react';
import { canMoveReferral } from '../../../modules/clients/clients.models.ts';
import { api } from '../../api.ts';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { SelectField } from '../../components/selects.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { TextAreaField } from '../signals/fields.tsx';
import { openForWork } from './labels.tsx';
import { NewReferralForm } from './NewReferralForm.tsx';
import { type ClientDetail, REFERRAL_STATUSES, type Referral, type ReferralStatus } from './types.ts';

const FINAL: readonly ReferralStatus[] = ['declined', 'stopped', 'completed'];

/** Where the person was referred, how far each referral got, and a new referral. */
export function ReferralsSection({
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
    <section className="card" aria-labelledby="client-referrals">
      <h2 id="client-referrals">{t('clients.referrals.title')}</h2>
      {client.referrals.length === 0 ? (
        <p className="empty">{t('clients.referrals.empty')}</p>
      ) : (
        <ul className="clients-list">
          {client.referrals.map((r) => (
            <li key={r.id} className="clients-list-item">
              <p className="clients-item-title">
                {r.serviceName}{' '}
                <span className={FINAL.includes(r.status) ? 'badge' : 'badge badge-info'}>
                  {t(`clients.referrals.statuses.${r.status}`)}
                </span>
              </p>
              <p className="muted">
                {t('clients.referrals.since', { date: formatDate(r.createdAt), by: r.createdBy ?? '?' })}
              </p>
              <ReferralNotes referral={r} />
              {client.may.edit && !FINAL.includes(r.status) ? (
                <ReferralUpdate path={path} referral={r} onDone={onDone} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {client.may.edit && openForWork(client) ? (
        <NewReferralForm path={path} client={client} onDone={onDone} />
      ) : null}
    </section>
  );
}

/** Why, what the initiative's organisation answered, and how it went: each only when written down. */
function ReferralNotes({ referral }: { referral: Referral }) {
  const t = useT();
  const notes = [
    ['reasonLabel', referral.reason],
    ['answerLabel', referral.answerNote],
    ['outcomeLabel', referral.outcomeNote],
  ] as const;
  const written = notes.filter(([, text]) => text);
  if (written.length === 0) return null;
  return (
    <dl className="clients-notes">
      {written.map(([label, text]) => (
        <div key={label}>
          <dt>{t(`clients.referrals.${label}`)}</dt>
          <dd className="clients-text">{text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The next step of one referral, with a word on how it went. */
function ReferralUpdate({
  path,
  referral,
  onDone,
}: {
  path: string;
  referral: Referral;
  onDone: () => void;
}) {
  const t = useT();
  const form = useApiForm();
  const [status, setStatus] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const next = REFERRAL_STATUSES.filter((s) => s !== referral.status && canMoveReferral(referral.status, s));
  return (
    <>
      <SuccessMessage message={saved ? t('clients.referrals.saved') : null} />
      <details className="clients-more" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('clients.referrals.update', { service: referral.serviceName })}</summary>
        <ApiForm
          form={form}
          onSubmit={(values, element) => {
            setSaved(false);
            void form.run(async () => {
              await api.patch(`${path}/referrals/${referral.id}`, {
                status: status ?? undefined,
                outcomeNote: values.outcomeNote?.trim() || undefined,
              });
              element.reset();
              setStatus(null);
              setOpen(false);
              setSaved(true);
              onDone();
            });
          }}
        >
          <SelectField
            name="status"
            label={t('clients.referrals.nextStatus')}
            options={next.map((s) => ({ id: s, label: t(`clients.referrals.statuses.${s}`) }))}
            value={status}
            onChange={setStatus}
            placeholder={t('form.choose')}
          />
          <TextAreaField
            name="outcomeNote"
            label={`${t('clients.referrals.outcome')} ${t('form.optional')}`}
            maxLength={2000}
          />
          <div className="actions">
            <SubmitButton isPending={form.pending}>{t('clients.referrals.updateSubmit')}</SubmitButton>
          </div>
        </ApiForm>
      </details>
    </>
  );
}
