import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { z } from 'zod';
import type { signalDetailView } from '../../../contracts/signals.ts';
import { api } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { AccessRecord } from './AccessRecord.tsx';
import { MeldpuntChoice } from './MeldpuntChoice.tsx';
import './signals.css';

type SignalDetail = z.infer<typeof signalDetailView>;
interface Answer {
  asked: string;
  at: string;
  signals: SignalDetail[];
}

/**
 * A person asks what the meldpunt holds about them (GDPR art. 15): the
 * coordinator, having checked who asks, searches by name or address and gets
 * every signal in full, ready to print.
 */
export function AccessRequestPage() {
  const t = useT();
  return (
    <Page title={t('signals.access.title')} intro={<p>{t('signals.access.intro')}</p>} wide>
      <MeldpuntChoice>
        {(municipalityId) => <AccessRequest key={municipalityId} municipalityId={municipalityId} />}
      </MeldpuntChoice>
    </Page>
  );
}

function AccessRequest({ municipalityId }: { municipalityId: string }) {
  const t = useT();
  const form = useApiForm();
  const [answer, setAnswer] = useState<Answer | null>(null);
  return (
    <>
      <ApiForm
        className="form card no-print"
        form={form}
        onSubmit={(values) => {
          const name = values.name?.trim() || undefined;
          const street = values.street?.trim() || undefined;
          void form.run(async () => {
            const result = await api.post<{ signals: SignalDetail[] }>('/api/signals/access-requests', {
              municipalityId,
              name,
              street,
            });
            setAnswer({
              asked: [name, street].filter(Boolean).join(', '),
              at: new Date().toISOString(),
              signals: result.signals,
            });
          });
        }}
      >
        <p className="field-description">{t('signals.access.searchHint')}</p>
        <Field name="name" label={t('signals.access.name')} optional autoComplete="off" />
        <Field name="street" label={t('signals.access.street')} optional autoComplete="off" />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('signals.access.submit')}</SubmitButton>
        </div>
      </ApiForm>
      {answer ? (
        <section className="signals-stack" aria-labelledby="access-result">
          <h2 id="access-result">{t('signals.access.resultTitle', { asked: answer.asked })}</h2>
          <p role="status">
            {t('signals.access.found', { count: answer.signals.length })}{' '}
            <span className="print-only">
              {t('signals.access.printedAt', { at: formatDateTime(answer.at) })}
            </span>
          </p>
          {answer.signals.length > 0 ? (
            <p className="alert alert-info no-print">{t('signals.access.thirdParty')}</p>
          ) : null}
          {answer.signals.length > 0 ? (
            <p className="no-print">
              <Button className="button button-secondary" onPress={() => window.print()}>
                {t('signals.access.print')}
              </Button>
            </p>
          ) : null}
          {answer.signals.map((s) => (
            <AccessRecord key={s.id} signal={s} />
          ))}
        </section>
      ) : null}
    </>
  );
}
