import { useState } from 'react';
import type { z } from 'zod';
import type { signalDetailView } from '../../../contracts/signals.ts';
import { CONTACT_METHODS, CONTACT_RESULTS } from '../../../modules/signals/signals.models.ts';
import { api } from '../../api.ts';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { RadioField, TextAreaField } from './fields.tsx';

type SignalDetail = z.infer<typeof signalDetailView>;

/** The outreach log: every attempt to reach the person, and a form to add one. */
export function OutreachSection({
  path,
  signal,
  onDone,
}: {
  path: string;
  signal: SignalDetail;
  onDone: () => void;
}) {
  const t = useT();
  const form = useApiForm();
  const [method, setMethod] = useState('visit');
  const [result, setResult] = useState('not_reached');
  const [logged, setLogged] = useState(false);
  const open = ['assigned', 'contact_attempted', 'in_contact'].includes(signal.status);
  return (
    <section className="card" aria-labelledby="signal-outreach">
      <h2 id="signal-outreach">{t('signals.outreach.title')}</h2>
      {signal.contactAttempts.length === 0 ? (
        <p className="empty">{t('signals.outreach.empty')}</p>
      ) : (
        <ol>
          {signal.contactAttempts.map((a) => (
            <li key={a.id}>
              <strong>{t(`signals.outreach.methods.${a.method}`)}</strong>:{' '}
              {t(`signals.outreach.results.${a.result}`)} · {formatDateTime(a.attemptedAt)} ·{' '}
              {t('signals.outreach.by', { name: a.actorName })}
              {a.note ? <p className="signals-facts-text">{a.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <>
          <p className="field-description">{t('signals.outreach.intro')}</p>
          <SuccessMessage message={logged ? t('signals.outreach.logged') : null} />
          <ApiForm
            form={form}
            onSubmit={(values, element) => {
              setLogged(false);
              void form.run(async () => {
                await api.post(`${path}/contact-attempts`, {
                  method,
                  result,
                  note: values.note?.trim() || undefined,
                });
                element.reset();
                setLogged(true);
                onDone();
              });
            }}
          >
            <RadioField
              name="method"
              label={t('signals.outreach.method')}
              value={method}
              onChange={setMethod}
              options={CONTACT_METHODS.map((m) => ({ id: m, label: t(`signals.outreach.methods.${m}`) }))}
            />
            <RadioField
              name="result"
              label={t('signals.outreach.result')}
              value={result}
              onChange={setResult}
              options={CONTACT_RESULTS.map((r) => ({ id: r, label: t(`signals.outreach.results.${r}`) }))}
            />
            <TextAreaField name="note" label={t('signals.outreach.note')} maxLength={2000} />
            <div className="actions">
              <SubmitButton isPending={form.pending}>{t('signals.outreach.submit')}</SubmitButton>
            </div>
          </ApiForm>
        </>
      ) : null}
    </section>
  );
}
