import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { checkNewPassword, NewPasswordFields } from '../../components/passwords.tsx';
import { useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { LoginNotice } from './LoginPage.tsx';
import { SecondFactorSettings } from './SecondFactorSettings.tsx';

function ChangePassword() {
  const t = useT();
  const form = useApiForm();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      <ApiForm
        className="form"
        form={form}
        onSubmit={(values, formElement) => {
          const { currentPassword = '', newPassword = '', newPasswordRepeat = '' } = values;
          setSaved(null);
          const problem = checkNewPassword(t, newPassword, newPasswordRepeat, {
            password: 'newPassword',
            repeat: 'newPasswordRepeat',
          });
          if (problem) return form.setError(problem);
          void form.run(async () => {
            await api.post('/api/account/password', { currentPassword, newPassword });
            formElement.reset();
            setSaved(t('account.password.saved'));
          });
        }}
      >
        <SuccessMessage message={saved} />
        <Field
          name="currentPassword"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          isRequired
        />
        <NewPasswordFields name="newPassword" repeatName="newPasswordRepeat" />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('account.password.submit')}</SubmitButton>
        </div>
      </ApiForm>
    </section>
  );
}

function LogoutEverywhere() {
  const t = useT();
  const { clear } = useSession();
  const [, navigate] = useLocation();
  return (
    <section className="card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">{t('account.everywhere.title')}</h2>
      <p>{t('account.everywhere.intro')}</p>
      <ConfirmDialog
        trigger={t('account.everywhere.button')}
        title={t('account.everywhere.confirmTitle')}
        confirmLabel={t('account.everywhere.confirm')}
        danger
        onConfirm={async () => {
          await api.post('/api/session/logout-everywhere');
          clear();
          navigate('/login', { state: { notice: 'loggedOutEverywhere' } satisfies LoginNotice });
        }}
      >
        <p>{t('account.everywhere.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}

export function SecurityPage() {
  const t = useT();
  return (
    <Page title={t('account.security.title')} intro={<p>{t('account.security.intro')}</p>}>
      <div className="stack">
        <SecondFactorSettings />
        <ChangePassword />
        <LogoutEverywhere />
      </div>
    </Page>
  );
}
