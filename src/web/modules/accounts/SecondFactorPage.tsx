import { Button } from 'react-aria-components';
import { useLocation } from 'wouter';
import { api } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { SessionView } from '../../types.ts';

/** The second step of logging in: the six digits from the authenticator app. */
export function SecondFactorPage() {
  const t = useT();
  const { setSession, clear } = useSession();
  const [, navigate] = useLocation();
  const form = useApiForm();
  return (
    <Page title={t('secondFactor.title')} intro={<p>{t('secondFactor.intro')}</p>}>
      <ApiForm
        className="form card"
        form={form}
        onSubmit={(values) => {
          const { code = '' } = values;
          void form.run(async () => {
            setSession(
              await api.post<SessionView>(
                '/api/session/second-factor',
                { code: code.replace(/\s/g, '') },
                { allowUnauthorized: true },
              ),
            );
          });
        }}
      >
        <Field
          name="code"
          label={t('secondFactor.code')}
          description={t('secondFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          inputClassName="input-code"
          isRequired
          autoFocus
        />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('secondFactor.submit')}</SubmitButton>
          <Button
            className="button button-quiet"
            onPress={async () => {
              await api
                .post('/api/session/logout', undefined, { allowUnauthorized: true })
                .catch(() => undefined);
              clear();
              navigate('/login', { replace: true });
            }}
          >
            {t('secondFactor.cancel')}
          </Button>
        </div>
      </ApiForm>
    </Page>
  );
}
