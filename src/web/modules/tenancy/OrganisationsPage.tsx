import { Cell, Row } from 'react-aria-components';
import { Trans } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames } from '../../format.ts';
import { type T, useT } from '../../i18n.ts';
import type { MunicipalityView, OrganisationView, RegionView } from '../../types.ts';
import { OrganisationForm } from './OrganisationForm.tsx';

/** "… is created", and the next step as a link to its members page. */
function created(t: T, organisation: OrganisationView) {
  return (
    <>
      {t('organisations.created', { name: organisation.name })}{' '}
      <Trans
        t={t}
        i18nKey="organisations.createdNext"
        components={{ a: <Link href={`/organisations/${organisation.id}/members`} className="link" /> }}
      />
    </>
  );
}

export function OrganisationsPage() {
  const t = useT();
  const organisations = useResource<OrganisationView[]>('/api/admin/organisations');
  const regions = useResource<RegionView[]>('/api/admin/regions');
  const municipalities = useResource<MunicipalityView[]>('/api/admin/municipalities');
  const regionName = (id: string) => regions.data?.find((r) => r.id === id)?.name ?? '';
  const error = organisations.error ?? regions.error ?? municipalities.error;
  const sorted = [...(organisations.data ?? [])].sort((a, b) => compareNames(a.name, b.name));
  return (
    <Page title={t('organisations.title')} intro={<p>{t('organisations.intro')}</p>} wide>
      <div className="stack">
        {error ? <LoadError error={error} onRetry={organisations.reload} /> : null}
        <section className="card" aria-labelledby="organisations-list">
          <h2 id="organisations-list">{t('organisations.listTitle')}</h2>
          {organisations.data ? (
            <DataTable
              label={t('organisations.listTitle')}
              columns={[
                t('organisations.name'),
                t('organisations.kind'),
                t('organisations.region'),
                t('organisations.municipalityCount'),
                t('organisations.secondFactor'),
                t('organisations.status'),
              ]}
              items={sorted}
              empty={t('organisations.empty')}
              dependencies={[regions.data]}
            >
              {(o) => (
                <Row id={o.id}>
                  <Cell>
                    <Link href={`/admin/organisations/${o.id}`} className="link">
                      {o.name}
                    </Link>
                  </Cell>
                  <Cell>{t(`kinds.${o.kind}`)}</Cell>
                  <Cell>{regionName(o.regionId)}</Cell>
                  <Cell>{o.municipalityIds.length}</Cell>
                  <Cell>
                    {o.requireSecondFactor ? t('organisations.required') : t('organisations.optional')}
                  </Cell>
                  <Cell>
                    <span className={o.active ? 'badge badge-ok' : 'badge'}>
                      {o.active ? t('organisations.isActive') : t('organisations.isInactive')}
                    </span>
                  </Cell>
                </Row>
              )}
            </DataTable>
          ) : organisations.loading ? (
            <Loading />
          ) : null}
        </section>
        <section className="card" aria-labelledby="organisations-new">
          <h2 id="organisations-new">{t('organisations.newTitle')}</h2>
          {regions.data && municipalities.data ? (
            regions.data.length === 0 ? (
              <p>
                {t('organisations.needRegion')}{' '}
                <Link href="/admin/regions" className="link">
                  {t('admin.nav.regions')}
                </Link>
              </p>
            ) : (
              <OrganisationForm
                regions={regions.data}
                municipalities={municipalities.data}
                submitLabel={t('organisations.create')}
                onSubmit={async (values) => {
                  const { active: _active, ...body } = values;
                  const organisation = await api.post<OrganisationView>('/api/admin/organisations', body);
                  organisations.reload();
                  return created(t, organisation);
                }}
              />
            )
          ) : (
            <Loading />
          )}
        </section>
      </div>
    </Page>
  );
}
