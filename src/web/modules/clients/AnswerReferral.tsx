import { useState } from 'react';
import { Label, Text, TextArea, TextField } from 'react-aria-components';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useT } from '../../i18n.ts';
import { clientName } from './labels.tsx';
import type { IncomingReferral } from './types.ts';

/**
 * The receiving organisation's answer to a referral: the person is welcome (started), or it is
 * not possible (declined, with a word why). The referring organisation reads it in the record.
 */
export function AnswerReferral({
  referral,
  onAnswered,
}: {
  referral: IncomingReferral;
  onAnswered: (answer: 'accept' | 'decline') => void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const name = clientName(referral);
  const words = {
    name,
    service: referral.serviceName,
    organisation: referral.fromOrganisation.name ?? '?',
  };
  const answer = async (value: 'accept' | 'decline') => {
    await api.post(`/api/clients/referrals/incoming/${referral.id}/answer`, {
      answer: value,
      note: value === 'decline' ? note.trim() || undefined : undefined,
    });
    onAnswered(value);
  };
  return (
    <div className="clients-answer">
      <ConfirmDialog
        trigger={
          <>
            {t('clients.incoming.accept')}
            <span className="visually-hidden">: {name}</span>
          </>
        }
        title={t('clients.incoming.acceptTitle', words)}
        confirmLabel={t('clients.incoming.accept')}
        onConfirm={() => answer('accept')}
      >
        <p>{t('clients.incoming.acceptText', words)}</p>
      </ConfirmDialog>
      <ConfirmDialog
        trigger={
          <>
            {t('clients.incoming.decline')}
            <span className="visually-hidden">: {name}</span>
          </>
        }
        title={t('clients.incoming.declineTitle', words)}
        confirmLabel={t('clients.incoming.decline')}
        onConfirm={() => answer('decline')}
      >
        <p>{t('clients.incoming.declineText', words)}</p>
        <TextField value={note} onChange={setNote} className="field field-wide">
          <Label className="field-label">
            {t('clients.incoming.declineNote')} {t('form.optional')}
          </Label>
          <Text slot="description" className="field-description">
            {t('clients.incoming.declineNoteHint', words)}
          </Text>
          <TextArea className="input" rows={3} maxLength={2000} />
        </TextField>
      </ConfirmDialog>
    </div>
  );
}
