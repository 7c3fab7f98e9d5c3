import { Cell, Row } from 'react-aria-components';
import { useParams } from 'wouter';
import { withQuery } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { Pager, usePageParam } from '../../components/Pager.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { AuditEntryView, PageOf } from '../../types.ts';

const PER_PAGE = 50;

/** One page of the audit log, newest first; the page number lives in the URL. */
function AuditLog({ organisationId }: { organisationId?: string }) {
  const t = useT();
  const page = usePageParam();
  const entries = useResource<PageOf<AuditEntryView>>(
    withQuery('/api/audit', { organisationId, page, per_page: PER_PAGE }),
  );
  if (entries.error) return <LoadError error={entries.error} onRetry={entries.reload} />;
  if (!entries.data) return <Loading />;
  const data = entries.data;
  return (
    <>
      <DataTable
        label={t('audit.tableLabel')}
        columns={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.subject'), t('audit.ip')]}
        items={data.items}
        empty={t('audit.empty')}
        compact
      >
        {(entry) => (
          <Row id={entry.id}>
            <Cell>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </Cell>
            <Cell>{entry.actor?.name ?? <span className="muted">{t('audit.system')}</span>}</Cell>
            <Cell>
              <span className="cell-main">
                {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
              </span>
              <code className="cell-sub">{entry.action}</code>
            </Cell>
            <Cell>
              {t(`audit.subjects.${entry.subjectType}`, { defaultValue: entry.subjectType })}
              {entry.subjectId ? <code className="cell-sub">{entry.subjectId}</code> : null}
            </Cell>
            <Cell>{entry.ip ?? ''}</Cell>
          </Row>
        )}
      </DataTable>
      <Pager page={data.page} perPage={data.per_page} total={data.total} />
    </>
  );
}

/** The audit log of one organisation (its admins and coordinators). */
export function OrganisationAuditPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  return (
    <Page title={t('audit.title')} intro={<p>{t('audit.intro')}</p>} wide>
      <div className="card">
        <AuditLog organisationId={id} />
      </div>
    </Page>
  );
}

/** The whole platform's audit log, for platform admins. */
export function AdminAuditPage() {
  const t = useT();
  return (
    <Page title={t('audit.adminTitle')} intro={<p>{t('audit.adminIntro')}</p>} wide>
      <div className="card">
        <AuditLog />
      </div>
    </Page>
  );
}
