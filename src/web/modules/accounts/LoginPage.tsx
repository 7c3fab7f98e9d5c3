import { Link } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { api } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { SessionView } from '../../types.ts';

/** Messages that other pages leave for the login page (history state, never in the URL). */
export interface LoginNotice {
  notice?: 'loggedOut' | 'loggedOutEverywhere' | 'sessionExpired' | 'invitationAccepted' | 'passwordReset';
  email?: string;
}

export function LoginPage() {
  const t = useT();
  const { setSession } = useSession();
  const state = useHistoryState<LoginNotice | null>();
  const form = useApiForm();
  return (
    <Page title={t('login.title')} intro={<p>{t('login.intro')}</p>}>
      {state?.notice ? (
        <div className="alert alert-info" role="status">
          <p>{t(`login.notice.${state.notice}`)}</p>
        </div>
      ) : null}
      <ApiForm
        className="form card"
        form={form}
        onSubmit={(values) => {
          void form.run(async () => {
            // The route guard takes it from here: to the code page, or where the person wanted to go.
            setSession(
              await api.post<SessionView>(
                '/api/session/login',
                { email: values.email ?? '', password: values.password ?? '' },
                { allowUnauthorized: true },
              ),
            );
          });
        }}
      >
        <Field
          name="email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          defaultValue={state?.email}
          isRequired
        />
        <Field
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          isRequired
        />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('login.submit')}</SubmitButton>
          <Link href="/forgot-password" className="link">
            {t('login.forgot')}
          </Link>
        </div>
      </ApiForm>
    </Page>
  );
}
