import { useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, api, request } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useT } from '../../i18n.ts';
import { clientName } from './labels.tsx';
import { type ClientDetail, ERASURE_REASONS } from './types.ts';

/** The record as a whole: close or reopen it, answer an access request, erase it. */
export function RecordSection({
  path,
  client,
  onDone,
}: {
  path: string;
  client: ClientDetail;
  onDone: () => void;
}) {
  const t = useT();
  const name = clientName(client);
  if (!client.may.edit && !client.may.manage) return null;
  return (
    <section className="card" aria-labelledby="client-record">
      <h2 id="client-record">{t('clients.record.title')}</h2>
      {client.may.edit ? (
        <div className="clients-record-part">
          {client.status === 'active' ? (
            <>
              <p>{t('clients.record.closeText')}</p>
              <ConfirmDialog
                trigger={t('clients.record.close')}
                title={t('clients.record.closeTitle', { name })}
                confirmLabel={t('clients.record.close')}
                onConfirm={async () => {
                  await api.post(`${path}/close`);
                  onDone();
                }}
              >
                <p>{t('clients.record.closeConfirm')}</p>
              </ConfirmDialog>
            </>
          ) : client.registered ? (
            <>
              <p>{t('clients.record.reopenText')}</p>
              <ConfirmDialog
                trigger={t('clients.record.reopen')}
                title={t('clients.record.reopenTitle', { name })}
                confirmLabel={t('clients.record.reopen')}
                onConfirm={async () => {
                  await api.post(`${path}/reopen`);
                  onDone();
                }}
              >
                <p>{t('clients.record.reopenConfirm')}</p>
              </ConfirmDialog>
            </>
          ) : null}
        </div>
      ) : null}
      {client.may.manage ? (
        <>
          <div className="clients-record-part">
            <h3>{t('clients.record.accessTitle')}</h3>
            <p>{t('clients.record.accessText')}</p>
            <ul className="link-list link-list-inline">
              <li>
                <a href={`${path}/access-request.pdf`} className="link" download>
                  {t('clients.record.accessPdf')}
                </a>
              </li>
              <li>
                <a href={`${path}/access-request.json`} className="link" download>
                  {t('clients.record.accessJson')}
                </a>
              </li>
            </ul>
          </div>
          <div className="clients-record-part">
            <h3>{t('clients.record.eraseTitle')}</h3>
            <p>{t('clients.record.eraseText')}</p>
            <EraseDialog path={path} client={client} />
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Names what goes, asks why (kept in the audit log), and then erases for good. */
function EraseDialog({ path, client }: { path: string; client: ClientDetail }) {
  const t = useT();
  const [, navigate] = useLocation();
  const [reason, setReason] = useState<string | null>(null);
  const name = clientName(client);
  return (
    <ConfirmDialog
      trigger={t('clients.record.erase')}
      triggerVariant="danger"
      title={t('clients.record.eraseDialogTitle', { name })}
      confirmLabel={t('clients.record.eraseConfirm')}
      danger
      onConfirm={async () => {
        if (!reason) throw new ApiError(400, 'clients.reason_needed', t('clients.record.eraseReasonNeeded'));
        await request('DELETE', path, { body: { reason } });
        navigate('/clients', { replace: true });
      }}
    >
      <p>{t('clients.record.eraseWhat', { name })}</p>
      <ul>
        <li>{t('clients.record.eraseRecord')}</li>
        <li>{t('clients.record.eraseConsents', { count: client.consents.length })}</li>
        <li>{t('clients.record.eraseContacts', { count: client.counts.contacts })}</li>
        <li>{t('clients.record.eraseTimeline', { count: client.counts.timeline })}</li>
        <li>{t('clients.record.eraseReferrals')}</li>
        <li>{t('clients.record.eraseNetwork')}</li>
      </ul>
      <p>{t('clients.record.eraseKept')}</p>
      <SelectField
        label={t('clients.record.eraseReason')}
        options={ERASURE_REASONS.map((r) => ({ id: r, label: t(`clients.record.reasons.${r}`) }))}
        value={reason}
        onChange={setReason}
        placeholder={t('form.choose')}
        isRequired
      />
    </ConfirmDialog>
  );
}
