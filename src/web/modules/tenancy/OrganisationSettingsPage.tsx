import { useState } from 'react';
import { useParams } from 'wouter';
import { api } from '../../api.ts';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { OrganisationView } from '../../types.ts';
import { RequireSecondFactorField } from './OrganisationForm.tsx';

function SettingsForm({
  organisation,
  onSaved,
}: {
  organisation: OrganisationView;
  onSaved: (o: OrganisationView) => void;
}) {
  const t = useT();
  const { refresh } = useSession();
  const form = useApiForm();
  const [requireSecondFactor, setRequireSecondFactor] = useState(organisation.requireSecondFactor);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <ApiForm
      className="form card"
      form={form}
      onSubmit={() => {
        setSaved(null);
        void form.run(async () => {
          // An organisation's own admin may change only this; name, kind and area are the platform's.
          const updated = await api.patch<OrganisationView>(`/api/admin/organisations/${organisation.id}`, {
            requireSecondFactor,
          });
          onSaved(updated);
          // The second-factor rule shows up in the session (memberships, banner).
          await refresh();
          setSaved(t('form.saved'));
        });
      }}
    >
      <SuccessMessage message={saved} />
      <dl className="facts">
        <div>
          <dt>{t('organisations.name')}</dt>
          <dd>{organisation.name}</dd>
        </div>
        <div>
          <dt>{t('organisations.kind')}</dt>
          <dd>{t(`kinds.${organisation.kind}`)}</dd>
        </div>
      </dl>
      <p className="field-description">{t('organisationSettings.nameByPlatform')}</p>
      <RequireSecondFactorField isSelected={requireSecondFactor} onChange={setRequireSecondFactor} />
      <div className="actions">
        <SubmitButton isPending={form.pending}>{t('form.save')}</SubmitButton>
      </div>
    </ApiForm>
  );
}

/** An organisation's admin sets whether admins and coordinators need a second factor. */
export function OrganisationSettingsPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const organisations = useResource<OrganisationView[]>('/api/admin/organisations');
  const organisation = organisations.data?.find((o) => o.id === id);
  return (
    <Page title={t('organisationSettings.title')} intro={<p>{t('organisationSettings.intro')}</p>}>
      {organisations.error ? <LoadError error={organisations.error} onRetry={organisations.reload} /> : null}
      {organisation ? (
        <SettingsForm
          key={organisation.id}
          organisation={organisation}
          onSaved={(updated) =>
            organisations.setData((organisations.data ?? []).map((o) => (o.id === updated.id ? updated : o)))
          }
        />
      ) : organisations.loading ? (
        <Loading />
      ) : null}
    </Page>
  );
}
