import { Link, useParams } from 'wouter';
import { api } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import type { MunicipalityView, OrganisationView, RegionView } from '../../types.ts';
import { NotFoundPage } from '../home/NotFoundPage.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';

/** A platform admin edits one organisation. */
export function OrganisationEditPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const organisations = useResource<OrganisationView[]>('/api/admin/organisations');
  const regions = useResource<RegionView[]>('/api/admin/regions');
  const municipalities = useResource<MunicipalityView[]>('/api/admin/municipalities');
  const error = organisations.error ?? regions.error ?? municipalities.error;
  if (error)
    return (
      <Page title={t('organisations.editTitle')}>
        <LoadError error={error} onRetry={organisations.reload} />
      </Page>
    );
  if (!organisations.data || !regions.data || !municipalities.data) return <Loading />;
  const organisation = organisations.data.find((o) => o.id === id);
  if (!organisation) return <NotFoundPage />;
  return (
    <Page title={organisation.name} intro={<p>{t('organisations.editIntro')}</p>}>
      <p className="back">
        <Link href="/admin/organisations" className="link">
          {t('organisations.back')}
        </Link>
        {' · '}
        <Link href={`/organisations/${organisation.id}/members`} className="link">
          {t('organisations.toMembers')}
        </Link>
      </p>
      <div className="card">
        <OrganisationForm
          key={organisation.id}
          organisation={organisation}
          regions={regions.data}
          municipalities={municipalities.data}
          submitLabel={t('form.save')}
          onSubmit={async ({ regionId: _regionId, ...body }) => {
            const updated = await api.patch<OrganisationView>(
              `/api/admin/organisations/${organisation.id}`,
              body,
            );
            organisations.setData((organisations.data ?? []).map((o) => (o.id === updated.id ? updated : o)));
            return t('form.saved');
          }}
        />
      </div>
    </Page>
  );
}
