import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link } from 'wouter';
import { withQuery } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { Pager, usePageParam } from '../../components/Pager.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { MailLogEntry, PageOf } from '../../types.ts';

const PER_PAGE = 25;

export function MailStatus({ status }: { status: string }) {
  const t = useT();
  const tone = status === 'sent' ? 'badge badge-ok' : status === 'failed' ? 'badge badge-error' : 'badge';
  return <span className={tone}>{t(`mailLog.statuses.${status}`, { defaultValue: status })}</span>;
}

/** The e-mails Verbonden sent (or tried to): invitations, password resets. */
export function MailLogPage() {
  const t = useT();
  const page = usePageParam();
  const mails = useResource<PageOf<MailLogEntry>>(
    withQuery('/api/notifications/mail-log', { page, per_page: PER_PAGE }),
  );
  return (
    <Page title={t('mailLog.title')} intro={<p>{t('mailLog.intro')}</p>} wide>
      <div className="card">
        {mails.error ? <LoadError error={mails.error} onRetry={mails.reload} /> : null}
        {mails.data ? (
          <>
            <TableScroll label={t('mailLog.tableLabel')}>
              <Table aria-label={t('mailLog.tableLabel')} className="table">
                <TableHeader>
                  <Column isRowHeader>{t('mailLog.subject')}</Column>
                  <Column>{t('mailLog.recipient')}</Column>
                  <Column>{t('mailLog.createdAt')}</Column>
                  <Column>{t('mailLog.status')}</Column>
                </TableHeader>
                <TableBody
                  dependencies={[t]}
                  items={mails.data.items}
                  renderEmptyState={() => t('mailLog.empty')}
                >
                  {(mail) => (
                    <Row id={mail.id}>
                      <Cell>
                        <Link href={`/mail-log/${mail.id}`} className="link">
                          {mail.subject}
                        </Link>
                      </Cell>
                      <Cell>{mail.recipient}</Cell>
                      <Cell>
                        <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
                      </Cell>
                      <Cell>
                        <MailStatus status={mail.status} />
                      </Cell>
                    </Row>
                  )}
                </TableBody>
              </Table>
            </TableScroll>
            <Pager page={mails.data.page} perPage={mails.data.per_page} total={mails.data.total} />
          </>
        ) : mails.loading ? (
          <Loading />
        ) : null}
      </div>
    </Page>
  );
}
