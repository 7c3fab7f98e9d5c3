import { useState } from 'react';
import { Cell, Input, Label, Row, SearchField } from 'react-aria-components';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames } from '../../format.ts';
import { useRoleName, useT } from '../../i18n.ts';
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
  const roleName = useRoleName();
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
        <Loaded resource={users}>
          {() => (
            <>
              <p className="count" aria-live="polite">
                {t('users.count', { count: shown.length })}
              </p>
              <DataTable
                label={t('users.title')}
                columns={[t('users.name'), t('users.organisations'), t('users.status')]}
                actions
                items={shown}
                empty={t('users.empty')}
                dependencies={[session, roleName]}
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
                              {m.organisationName} <span className="muted">· {roleName(m.role)}</span>
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
              </DataTable>
            </>
          )}
        </Loaded>
      </div>
    </Page>
  );
}
