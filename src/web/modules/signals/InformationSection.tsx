import { useState } from 'react';
import type { z } from 'zod';
import type { signalDetailView } from '../../../contracts/signals.ts';
import { INFORMATION_EXCEPTIONS, INFORMATION_METHODS } from '../../../modules/signals/signals.models.ts';
import { request } from '../../api.ts';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { RadioField, TextAreaField } from './fields.tsx';

type SignalDetail = z.infer<typeof signalDetailView>;

/** GDPR art. 14: whether and how the person was told, or which exception applied and why. */
export function InformationSection({
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
  const current = signal.information;
  const [kind, setKind] = useState<string>(current?.kind ?? 'informed');
  const [method, setMethod] = useState<string>(current?.method ?? 'in_person');
  const [exception, setException] = useState<string>(current?.exception ?? 'disproportionate_effort');
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby="signal-information">
      <h2 id="signal-information">{t('signals.information.title')}</h2>
      <p className="field-description">{t('signals.information.intro')}</p>
      <p>
        {current
          ? t('signals.information.current', {
              what:
                current.kind === 'informed'
                  ? t(`signals.information.methods.${current.method}`)
                  : t(`signals.information.exceptions.${current.exception}`),
              by: current.recordedBy ?? '',
              at: formatDateTime(current.recordedAt),
            })
          : t('signals.information.none')}
      </p>
      {current?.reason ? <p className="signals-facts-text">{current.reason}</p> : null}
      <SuccessMessage message={saved ? t('signals.information.saved') : null} />
      <ApiForm
        form={form}
        onSubmit={(values) => {
          setSaved(false);
          void form.run(async () => {
            await request<void>('PUT', `${path}/information`, {
              body: kind === 'informed' ? { kind, method } : { kind, exception, reason: values.reason ?? '' },
            });
            setSaved(true);
            onDone();
          });
        }}
      >
        <RadioField
          name="kind"
          label={t('signals.information.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { id: 'informed', label: t('signals.information.informed') },
            { id: 'exception', label: t('signals.information.exception') },
          ]}
        />
        {kind === 'informed' ? (
          <RadioField
            name="method"
            label={t('signals.information.method')}
            value={method}
            onChange={setMethod}
            options={INFORMATION_METHODS.map((m) => ({
              id: m,
              label: t(`signals.information.methods.${m}`),
            }))}
          />
        ) : (
          <>
            <RadioField
              name="exception"
              label={t('signals.information.which')}
              value={exception}
              onChange={setException}
              options={INFORMATION_EXCEPTIONS.map((e) => ({
                id: e,
                label: t(`signals.information.exceptions.${e}`),
              }))}
            />
            <TextAreaField
              name="reason"
              label={t('signals.information.reason')}
              isRequired
              maxLength={2000}
            />
          </>
        )}
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('signals.information.submit')}</SubmitButton>
        </div>
      </ApiForm>
    </section>
  );
}
