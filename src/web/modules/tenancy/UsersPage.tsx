import { useState } from 'react';
import {
  Cell,
  Column,
  Input,
  Label,
  Row,
  SearchField,
  Table,
  TableBody,
  TableHeader,
} from 'react-aria-components';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { useLoadedSession } from '../../session.tsx';
import type { UserView } from '../../types.ts';

function matches(user: UserView, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  return (
    user.name.toLocaleLowerCase().includes(q) ||
    user.email.toLocaleLowerCase().includes(q) ||
    user.memberships.some((m) => m.organisationName.toLocaleLowerCase().includes(q))
  );
}

/** Every account on the platform; a platform admin can switch one off and on again. */
export function UsersPage() {
  const t = useT();
  const session = useLoadedSession();
  const users = useResource<UserView[]>('/api/admin/users');
  const [query, setQuery] = useState('');
  const shown = (users.data ?? [])
    .filter((u) => matches(u, query))
    .sort((a, b) => compareNames(a.name, b.name));
  return (
    <Page title={t('users.title')} intro={<p>{t('users.intro')}</p>} wide>
      <div className="card">
        <SearchField className="field field-search" value={query} onChange={setQuery}>
          <Label className="field-label">{t('users.search')}</Label>
          <Input className="input" />
        </SearchField>
        {users.error ? <LoadError error={users.error} onRetry={users.reload} /> : null}
        {users.data ? (
          <>
            <p className="count" aria-live="polite">
              {t('users.count', { count: shown.length })}
            </p>
            <TableScroll label={t('users.title')}>
              <Table aria-label={t('users.title')} className="table">
                <TableHeader>
                  <Column isRowHeader>{t('users.name')}</Column>
                  <Column>{t('users.organisations')}</Column>
                  <Column>{t('users.status')}</Column>
                  <Column>
                    <span className="visually-hidden">{t('form.actions')}</span>
                  </Column>
                </TableHeader>
                <TableBody
                  dependencies={[t, session]}
                  items={shown}
                  renderEmptyState={() => t('users.empty')}
                >
                  {(user) => (
                    <Row id={user.id}>
                      <Cell>
                        <span className="cell-main">
                          {user.name}
                          {user.isPlatformAdmin ? (
                            <span className="badge badge-info">{t('users.platformAdmin')}</span>
                          ) : null}
                        </span>
                        <span className="cell-sub">{user.email}</span>
                      </Cell>
                      <Cell>
                        {user.memberships.length === 0 ? (
                          <span className="muted">{t('users.noOrganisations')}</span>
                        ) : (
                          <ul className="plain-list">
                            {user.memberships.map((m) => (
                              <li key={m.organisationId}>
                                {m.organisationName} <span className="muted">· {t(`roles.${m.role}`)}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </Cell>
                      <Cell>
                        <span className={user.active ? 'badge badge-ok' : 'badge'}>
                          {user.active ? t('users.active') : t('users.inactive')}
                        </span>
                      </Cell>
                      <Cell>
                        {user.id === session.user?.id ? null : user.active ? (
                          <ConfirmDialog
                            trigger={t('users.deactivate')}
                            triggerVariant="danger"
                            title={t('users.deactivateTitle', { name: user.name })}
                            confirmLabel={t('users.deactivate')}
                            danger
                            onConfirm={async () => {
                              await api.post(`/api/admin/users/${user.id}/deactivate`);
                              users.reload();
                            }}
                          >
                            <p>{t('users.deactivateText')}</p>
                          </ConfirmDialog>
                        ) : (
                          <ConfirmDialog
                            trigger={t('users.reactivate')}
                            title={t('users.reactivateTitle', { name: user.name })}
                            confirmLabel={t('users.reactivate')}
                            onConfirm={async () => {
                              await api.post(`/api/admin/users/${user.id}/reactivate`);
                              users.reload();
                            }}
                          >
                            <p>{t('users.reactivateText')}</p>
                          </ConfirmDialog>
                        )}
                      </Cell>
                    </Row>
                  )}
                </TableBody>
              </Table>
            </TableScroll>
          </>
        ) : users.loading ? (
          <Loading />
        ) : null}
      </div>
    </Page>
  );
}
