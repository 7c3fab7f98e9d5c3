import { Button } from 'react-aria-components';
import { api } from '../../api.ts';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useLogout, useSession } from '../../session.tsx';
import type { SessionView } from '../../types.ts';
import { CodeField, withoutSpaces } from './CodeField.tsx';

/** The second step of logging in: the six digits from the authenticator app. */
export function SecondFactorPage() {
  const t = useT();
  const { setSession } = useSession();
  const logout = useLogout();
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
                { code: withoutSpaces(code) },
                { allowUnauthorized: true },
              ),
            );
          });
        }}
      >
        <CodeField label={t('secondFactor.code')} description={t('secondFactor.codeHint')} autoFocus />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('secondFactor.submit')}</SubmitButton>
          <Button className="button button-quiet" onPress={() => void logout({ replace: true })}>
            {t('secondFactor.cancel')}
          </Button>
        </div>
      </ApiForm>
    </Page>
  );
}
