import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { api } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import './signals.css';

type PublicStatus = 'received' | 'being_handled' | 'closed';

/** A reporter looks up the status of their report: only received, being handled or closed. */
export function StatusPage() {
  const t = useT();
  const form = useApiForm();
  const initial = new URLSearchParams(useSearch()).get('nummer') ?? '';
  const [result, setResult] = useState<{ reference: string; status: PublicStatus } | null>(null);
  return (
    <Page title={t('signals.status.title')} intro={<p>{t('signals.status.intro')}</p>}>
      <div className="signals-stack">
        <ApiForm
          className="form card"
          form={form}
          onSubmit={(values) => {
            const reference = (values.reference ?? '').trim();
            void form.run(async () => {
              setResult(null);
              const { status } = await api.get<{ status: PublicStatus }>(
                `/api/signals/status/${encodeURIComponent(reference || '-')}`,
                { allowUnauthorized: true },
              );
              setResult({ reference, status });
            });
          }}
        >
          <Field
            name="reference"
            label={t('signals.status.reference')}
            description={t('signals.status.referenceHint')}
            defaultValue={initial}
            autoComplete="off"
            isRequired
          />
          <div className="actions">
            <SubmitButton isPending={form.pending}>{t('signals.status.submit')}</SubmitButton>
          </div>
        </ApiForm>
        <div className={result ? 'card' : 'visually-hidden'} role="status">
          {result ? (
            <>
              <h2>{t('signals.status.result', { reference: result.reference })}</h2>
              <p>{t(`signals.status.${result.status}`)}</p>
            </>
          ) : null}
        </div>
      </div>
      <p>
        <Link href="/melden" className="link">
          {t('signals.status.newReport')}
        </Link>
      </p>
    </Page>
  );
}
