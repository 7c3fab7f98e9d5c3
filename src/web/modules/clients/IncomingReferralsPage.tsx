import { useState } from 'react';
import { Cell, Row } from 'react-aria-components';
import { Link, useLocation, useSearch } from 'wouter';
import { withQuery } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { SuccessMessage } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { useLoadedSession } from '../../session.tsx';
import { AnswerReferral } from './AnswerReferral.tsx';
import { clientName } from './labels.tsx';
import { clientOrganisations, isCoordinatorIn } from './organisations.ts';
import type { IncomingReferral } from './types.ts';
import './clients.css';

/**
 * People other organisations referred to this organisation's initiatives, with only what the
 * person agreed to share: for the coordinators who take them in.
 */
export function IncomingReferralsPage() {
  const t = useT();
  const session = useLoadedSession();
  const [path, navigate] = useLocation();
  const wanted = new URLSearchParams(useSearch()).get('org');
  const organisations = clientOrganisations(session).filter((m) =>
    isCoordinatorIn(session, m.organisationId),
  );
  const organisation = organisations.find((m) => m.organisationId === wanted) ?? organisations[0];
  const [answered, setAnswered] = useState<string | null>(null);
  const list = useResource<{ items: IncomingReferral[] }>(
    organisation
      ? withQuery('/api/clients/referrals/incoming', { organisationId: organisation.organisationId })
      : null,
  );
  return (
    <Page title={t('clients.incoming.title')} intro={<p>{t('clients.incoming.intro')}</p>} wide>
      <p>
        <Link href="/clients" className="link">
          {t('clients.detail.back')}
        </Link>
      </p>
      <SuccessMessage message={answered} />
      <div className="card">
        {organisations.length > 1 ? (
          <SelectField
            label={t('clients.list.organisation')}
            options={organisations.map((m) => ({ id: m.organisationId, label: m.organisationName }))}
            value={organisation?.organisationId ?? null}
            onChange={(id) => navigate(`${path}?org=${id}`, { replace: true })}
          />
        ) : null}
        <Loaded resource={list}>
          {(data) => (
            <DataTable
              label={t('clients.incoming.title')}
              columns={[
                t('clients.incoming.person'),
                t('clients.incoming.service'),
                t('clients.incoming.from'),
                t('clients.incoming.reason'),
                t('clients.incoming.status'),
              ]}
              actions
              items={data.items}
              empty={t('clients.incoming.empty')}
            >
              {(r) => (
                <Row id={r.id}>
                  <Cell>
                    <span className="cell-main">{clientName(r)}</span>
                    {r.phone ? <span className="cell-sub">{r.phone}</span> : null}
                  </Cell>
                  <Cell>{r.serviceName}</Cell>
                  <Cell>
                    {r.fromOrganisation.name ?? '?'}
                    <span className="cell-sub">{formatDate(r.createdAt)}</span>
                  </Cell>
                  <Cell>{r.reason ?? <span className="muted">–</span>}</Cell>
                  <Cell>
                    {t(`clients.incoming.statuses.${r.status}`)}
                    {r.answerNote ? <span className="cell-sub clients-text">{r.answerNote}</span> : null}
                  </Cell>
                  <Cell>
                    {r.status === 'sent' ? (
                      <AnswerReferral
                        referral={r}
                        onAnswered={(answer) => {
                          setAnswered(
                            t(`clients.incoming.${answer === 'accept' ? 'accepted' : 'declined'}`, {
                              name: clientName(r),
                              organisation: r.fromOrganisation.name ?? '?',
                            }),
                          );
                          list.reload();
                        }}
                      />
                    ) : null}
                  </Cell>
                </Row>
              )}
            </DataTable>
          )}
        </Loaded>
      </div>
    </Page>
  );
}
