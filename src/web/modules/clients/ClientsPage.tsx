import { useEffect, useState } from 'react';
import { Cell, Input, Label, Row, SearchField } from 'react-aria-components';
import { Link, useLocation, useSearch } from 'wouter';
import { withQuery } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { Pager, usePageParam } from '../../components/Pager.tsx';
import { Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { useLoadedSession } from '../../session.tsx';
import { ClientStatusBadge, clientName } from './labels.tsx';
import { clientOrganisations, isCoordinatorIn, mayRegister, useChosenOrganisation } from './organisations.ts';
import type { ClientList } from './types.ts';
import './clients.css';

const PER_PAGE = 25;
const SEARCH_DELAY_MS = 300;

/** The organisation's clients: search by name, filter on status, and register someone new. */
export function ClientsPage() {
  const t = useT();
  const session = useLoadedSession();
  const organisation = useChosenOrganisation(session);
  const organisations = clientOrganisations(session);
  const [path, navigate] = useLocation();
  const search = useSearch();
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? 'active';
  const q = params.get('q') ?? '';
  const page = usePageParam();
  const [text, setText] = useState(q);

  /** Changes the query in the URL (which the list follows); a new filter starts at page 1. */
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    const qs = next.toString();
    navigate(qs ? `${path}?${qs}` : path, { replace: true });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts a search
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => setParam('q', text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const list = useResource<ClientList>(
    organisation
      ? withQuery('/api/clients', {
          organisationId: organisation.organisationId,
          q: q || undefined,
          status: status === 'all' ? undefined : status,
          page,
          per_page: PER_PAGE,
        })
      : null,
  );
  const orgQuery = organisations.length > 1 && organisation ? `?org=${organisation.organisationId}` : '';
  // Volunteers see only the people assigned to them (the team sees everyone).
  const assignedOnly = Boolean(organisation && !mayRegister(session, organisation.organisationId));
  const empty = q ? 'noMatch' : assignedOnly ? 'emptyAssigned' : 'empty';

  return (
    <Page
      title={t('clients.list.title')}
      intro={<p>{t(assignedOnly ? 'clients.list.introAssigned' : 'clients.list.intro')}</p>}
      wide
    >
      {assignedOnly ? null : (
        <div className="clients-toolbar">
          {organisation && mayRegister(session, organisation.organisationId) ? (
            <Link href={`/clients/new${orgQuery}`} className="button button-primary">
              {t('clients.list.new')}
            </Link>
          ) : null}
          {organisation && isCoordinatorIn(session, organisation.organisationId) ? (
            <Link href={`/clients/referrals${orgQuery}`} className="button button-secondary">
              {t('clients.incoming.link')}
            </Link>
          ) : null}
        </div>
      )}
      <div className="card">
        <div className="clients-filters">
          {organisations.length > 1 ? (
            <SelectField
              label={t('clients.list.organisation')}
              options={organisations.map((m) => ({ id: m.organisationId, label: m.organisationName }))}
              value={organisation?.organisationId ?? null}
              onChange={(id) => setParam('org', id)}
            />
          ) : null}
          <SearchField className="field field-search" value={text} onChange={setText}>
            <Label className="field-label">{t('clients.list.search')}</Label>
            <Input className="input" />
          </SearchField>
          <SelectField
            label={t('clients.list.status')}
            options={[
              { id: 'active', label: t('clients.list.statusActive') },
              { id: 'closed', label: t('clients.list.statusClosed') },
              { id: 'all', label: t('clients.list.statusAll') },
            ]}
            value={status}
            onChange={(value) => setParam('status', value === 'active' ? '' : value)}
          />
        </div>
        <Loaded resource={list}>
          {(data) => (
            <>
              <p className="count" aria-live="polite">
                {/* Nobody yet: the sentence below says so, a bare "0" would only be cold. */}
                {data.total > 0 || q ? t('clients.list.count', { count: data.total }) : null}
              </p>
              <DataTable
                label={t('clients.list.title')}
                columns={[
                  t('clients.list.name'),
                  t('clients.list.municipality'),
                  t('clients.list.statusColumn'),
                  t('clients.list.updated'),
                ]}
                items={data.items}
                empty={t(`clients.list.${empty}`)}
              >
                {(c) => (
                  <Row id={c.id}>
                    <Cell>
                      <Link href={`/clients/${c.id}`} className="link">
                        {clientName(c)}
                      </Link>
                    </Cell>
                    <Cell>
                      {c.municipalityName ?? c.municipalityNis}
                      {c.postcode ? <span className="muted"> ({c.postcode})</span> : null}
                    </Cell>
                    <Cell>
                      <ClientStatusBadge client={c} />
                    </Cell>
                    <Cell>{formatDate(c.updatedAt)}</Cell>
                  </Row>
                )}
              </DataTable>
              <Pager page={data.page} perPage={data.per_page} total={data.total} />
            </>
          )}
        </Loaded>
      </div>
    </Page>
  );
}
