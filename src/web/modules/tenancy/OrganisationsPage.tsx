import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { MunicipalityView, OrganisationView, RegionView } from '../../types.ts';
import { OrganisationForm } from './OrganisationForm.tsx';

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
            <TableScroll label={t('organisations.listTitle')}>
              <Table aria-label={t('organisations.listTitle')} className="table">
                <TableHeader>
                  <Column isRowHeader>{t('organisations.name')}</Column>
                  <Column>{t('organisations.kind')}</Column>
                  <Column>{t('organisations.region')}</Column>
                  <Column>{t('organisations.municipalityCount')}</Column>
                  <Column>{t('organisations.secondFactor')}</Column>
                  <Column>{t('organisations.status')}</Column>
                </TableHeader>
                <TableBody
                  dependencies={[t, regions.data]}
                  items={sorted}
                  renderEmptyState={() => t('organisations.empty')}
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
                </TableBody>
              </Table>
            </TableScroll>
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
                  const created = await api.post<OrganisationView>('/api/admin/organisations', body);
                  organisations.reload();
                  return t('organisations.created', { name: created.name });
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
