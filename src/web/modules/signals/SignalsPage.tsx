import { Cell, Row } from 'react-aria-components';
import { Link } from 'wouter';
import type { z } from 'zod';
import type { signalSummaryView } from '../../../contracts/signals.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { hasAnyRole, useLoadedSession } from '../../session.tsx';
import './signals.css';

export type SignalSummary = z.infer<typeof signalSummaryView>;

/** The meldpunt's queue for its coordinators, and the signals assigned to this person or their organisation. */
export function SignalsPage() {
  const t = useT();
  const session = useLoadedSession();
  const isCoordinator = hasAnyRole(session, ['coordinator']);
  return (
    <Page title={t('signals.list.title')} intro={<p>{t('signals.list.intro')}</p>} wide>
      {isCoordinator ? (
        <nav aria-label={t('signals.list.meldpuntNav')}>
          <ul className="signals-links">
            <li>
              <Link href="/signals/numbers" className="link">
                {t('signals.numbers.link')}
              </Link>
            </li>
            <li>
              <Link href="/signals/service-levels" className="link">
                {t('signals.levels.link')}
              </Link>
            </li>
            <li>
              <Link href="/signals/access-request" className="link">
                {t('signals.access.link')}
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}
      {isCoordinator ? (
        <section aria-labelledby="signals-queue">
          <h2 id="signals-queue">{t('signals.list.queue')}</h2>
          <p className="field-description">{t('signals.list.queueHint')}</p>
          <SignalTable
            path="/api/signals/queue"
            label={t('signals.list.queue')}
            empty={t('signals.list.queueEmpty')}
          />
        </section>
      ) : null}
      <section aria-labelledby="signals-assigned">
        <h2 id="signals-assigned">{t('signals.list.assigned')}</h2>
        <SignalTable
          path="/api/signals/assigned"
          label={t('signals.list.assigned')}
          empty={t('signals.list.assignedEmpty')}
        />
      </section>
    </Page>
  );
}

function SignalTable({ path, label, empty }: { path: string; label: string; empty: string }) {
  const t = useT();
  const resource = useResource<{ items: SignalSummary[] }>(path);
  return (
    <Loaded resource={resource}>
      {(data) => (
        <DataTable
          label={label}
          columns={[
            t('signals.list.reference'),
            t('signals.list.person'),
            t('signals.list.municipality'),
            t('signals.list.status'),
            t('signals.list.urgency'),
            t('signals.list.received'),
          ]}
          items={data.items}
          empty={empty}
        >
          {(s) => (
            <Row id={s.id}>
              <Cell>
                <Link href={`/signals/${s.municipalityId}/${s.id}`} className="link">
                  {s.reference}
                </Link>
              </Cell>
              <Cell>{s.personName ?? <span className="muted">{t('signals.list.unknownPerson')}</span>}</Cell>
              <Cell>{s.municipalityName}</Cell>
              <Cell>
                {t(`signals.statuses.${s.status}`)}
                {s.overdue ? <span className="signals-urgent"> · {t('signals.list.overdue')}</span> : null}
              </Cell>
              <Cell>
                <span className={s.urgency === 'high' ? 'signals-urgent' : undefined}>
                  {t(`signals.urgencies.${s.urgency}`)}
                </span>
              </Cell>
              <Cell>{formatDateTime(s.createdAt)}</Cell>
            </Row>
          )}
        </DataTable>
      )}
    </Loaded>
  );
}
