import { Fragment } from 'react';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { MailLogEntry } from '../../types.ts';
import { MailStatus } from './MailLogPage.tsx';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The mail's text with its web addresses clickable (invitation and reset links, when testing). */
function Body({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="mail-body">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never move
          <a key={index} href={part} className="link" rel="noreferrer">
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never move
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

export function MailDetailPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const mail = useResource<MailLogEntry>(`/api/notifications/mail-log/${encodeURIComponent(id)}`);
  return (
    <Page title={mail.data?.subject ?? t('mailLog.detailTitle')} wide>
      <p className="back">
        <Link href="/mail-log" className="link">
          {t('mailLog.back')}
        </Link>
      </p>
      {mail.error ? <LoadError error={mail.error} onRetry={mail.reload} /> : null}
      {mail.data ? (
        <article className="card">
          <dl className="facts facts-grid">
            <div>
              <dt>{t('mailLog.recipient')}</dt>
              <dd>{mail.data.recipient}</dd>
            </div>
            <div>
              <dt>{t('mailLog.status')}</dt>
              <dd>
                <MailStatus status={mail.data.status} />
              </dd>
            </div>
            <div>
              <dt>{t('mailLog.createdAt')}</dt>
              <dd>{formatDateTime(mail.data.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('mailLog.sentAt')}</dt>
              <dd>{mail.data.sentAt ? formatDateTime(mail.data.sentAt) : t('mailLog.notSent')}</dd>
            </div>
            <div>
              <dt>{t('mailLog.transport')}</dt>
              <dd>{t(`mailLog.transports.${mail.data.transport}`, { defaultValue: mail.data.transport })}</dd>
            </div>
          </dl>
          <h2>{t('mailLog.body')}</h2>
          <Body text={mail.data.bodyText} />
        </article>
      ) : mail.loading ? (
        <Loading />
      ) : null}
    </Page>
  );
}
