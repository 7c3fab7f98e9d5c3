import { Link, useLocation } from 'wouter';
import { api } from '../../api.ts';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { checkNewPassword, NewPasswordFields, useHashToken } from '../../components/passwords.tsx';
import { ErrorAlert } from '../../components/Status.tsx';
import { useT } from '../../i18n.ts';
import type { LoginNotice } from './LoginPage.tsx';

export function ResetPasswordPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const token = useHashToken();
  const form = useApiForm();
  if (!token) {
    return (
      <Page title={t('reset.title')}>
        <ErrorAlert message={t('reset.noToken')} />
        <p>
          <Link href="/forgot-password" className="link">
            {t('reset.askNew')}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('reset.title')} intro={<p>{t('reset.intro')}</p>}>
      <ApiForm
        className="form card"
        form={form}
        onSubmit={(values) => {
          const { password = '', passwordRepeat = '' } = values;
          const problem = checkNewPassword(t, password, passwordRepeat);
          if (problem) return form.setError(problem);
          void form.run(async () => {
            await api.post('/api/account/password-reset', { token, password }, { allowUnauthorized: true });
            navigate('/login', { replace: true, state: { notice: 'passwordReset' } satisfies LoginNotice });
          });
        }}
      >
        <NewPasswordFields />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('reset.submit')}</SubmitButton>
        </div>
      </ApiForm>
      {form.error && !Object.keys(form.error.fields).length ? (
        <p className="below-card">
          <Link href="/forgot-password" className="link">
            {t('reset.askNew')}
          </Link>
        </p>
      ) : null}
    </Page>
  );
}
