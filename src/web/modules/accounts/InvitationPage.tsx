import { Link, useLocation } from 'wouter';
import { api } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { checkNewPassword, NewPasswordFields, useHashToken } from '../../components/passwords.tsx';
import { ErrorAlert, LoadError, Loading } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useRoleName, useT } from '../../i18n.ts';
import type { InvitationView } from '../../types.ts';
import type { LoginNotice } from './LoginPage.tsx';

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const t = useT();
  const [, navigate] = useLocation();
  const form = useApiForm();
  return (
    <ApiForm
      className="form card"
      form={form}
      onSubmit={(values) => {
        const { name = '', password = '', passwordRepeat = '' } = values;
        if (!invitation.hasPassword) {
          const problem = checkNewPassword(t, password, passwordRepeat);
          if (problem) return form.setError(problem);
        }
        void form.run(async () => {
          await api.post(
            '/api/account/invitations/accept',
            invitation.hasPassword ? { token } : { token, name, password },
            { allowUnauthorized: true },
          );
          navigate('/login', {
            replace: true,
            state: { notice: 'invitationAccepted', email: invitation.email } satisfies LoginNotice,
          });
        });
      }}
    >
      {invitation.hasPassword ? (
        <p>{t('invitation.hasPassword')}</p>
      ) : (
        <>
          <h2>{t('invitation.formTitle')}</h2>
          <Field
            name="name"
            label={t('invitation.name')}
            description={t('invitation.nameHint')}
            defaultValue={invitation.name}
            autoComplete="name"
            isRequired
          />
          <NewPasswordFields />
        </>
      )}
      <div className="actions">
        <SubmitButton isPending={form.pending}>{t('invitation.submit')}</SubmitButton>
      </div>
    </ApiForm>
  );
}

/** Opened from the e-mailed link: /invitation#<token>. */
export function InvitationPage() {
  const t = useT();
  const roleName = useRoleName();
  const token = useHashToken();
  const invitation = useResource<InvitationView>(
    token ? `/api/account/invitations/${encodeURIComponent(token)}` : null,
  );
  const title = t('invitation.title');
  if (!token || invitation.error) {
    return (
      <Page title={title}>
        {invitation.error ? (
          <LoadError error={invitation.error} />
        ) : (
          <ErrorAlert message={t('invitation.noToken')} />
        )}
        <p>{t('invitation.askAgain')}</p>
        <p>
          <Link href="/login" className="link">
            {t('invitation.toLogin')}
          </Link>
        </p>
      </Page>
    );
  }
  if (!invitation.data) return <Loading />;
  const data = invitation.data;
  return (
    <Page title={title}>
      <div className="welcome">
        <p className="lead">
          {t('invitation.who', { organisation: data.organisationName, role: roleName(data.role) })}
        </p>
        <dl className="facts">
          <div>
            <dt>{t('invitation.organisation')}</dt>
            <dd>{data.organisationName}</dd>
          </div>
          <div>
            <dt>{t('invitation.role')}</dt>
            <dd>{roleName(data.role, 'label')}</dd>
          </div>
          <div>
            <dt>{t('invitation.email')}</dt>
            <dd>{data.email}</dd>
          </div>
        </dl>
      </div>
      <AcceptForm token={token} invitation={data} />
    </Page>
  );
}
