import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';

export function ForgotPasswordPage() {
  const t = useT();
  const form = useApiForm();
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <Page title={t('forgot.title')} intro={sentTo ? undefined : <p>{t('forgot.intro')}</p>}>
      {sentTo ? (
        <div className="card" role="status">
          <h2>{t('forgot.sentTitle')}</h2>
          {/* Worded so it says nothing about whether the address has an account. */}
          <p>{t('forgot.sent', { email: sentTo })}</p>
          <p>{t('forgot.sentSpam')}</p>
          <p>
            <Link href="/login" className="link">
              {t('forgot.backToLogin')}
            </Link>
          </p>
        </div>
      ) : (
        <ApiForm
          className="form card"
          form={form}
          onSubmit={(values) => {
            const { email = '' } = values;
            void form.run(async () => {
              await api.post('/api/account/password-reset/request', { email }, { allowUnauthorized: true });
              setSentTo(email);
            });
          }}
        >
          <Field name="email" type="email" label={t('forgot.email')} autoComplete="email" isRequired />
          <div className="actions">
            <SubmitButton isPending={form.pending}>{t('forgot.submit')}</SubmitButton>
            <Link href="/login" className="link">
              {t('forgot.backToLogin')}
            </Link>
          </div>
        </ApiForm>
      )}
    </Page>
  );
}
