import { Cell, Row } from 'react-aria-components';
import { Link } from 'wouter';
import { withQuery } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { Pager, usePageParam } from '../../components/Pager.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { MailLogPageView } from '../../types.ts';

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
  const mails = useResource<MailLogPageView>(
    withQuery('/api/notifications/mail-log', { page, per_page: PER_PAGE }),
  );
  return (
    <Page title={t('mailLog.title')} intro={<p>{t('mailLog.intro')}</p>} wide>
      <div className="card">
        <Loaded resource={mails}>
          {(data) => (
            <>
              <DataTable
                label={t('mailLog.tableLabel')}
                columns={[
                  t('mailLog.subject'),
                  t('mailLog.recipient'),
                  t('mailLog.createdAt'),
                  t('mailLog.status'),
                ]}
                items={data.items}
                empty={t('mailLog.empty')}
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
              </DataTable>
              <Pager page={data.page} perPage={data.perPage} total={data.total} />
            </>
          )}
        </Loaded>
      </div>
    </Page>
  );
}
