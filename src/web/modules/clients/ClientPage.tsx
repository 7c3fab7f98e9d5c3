import { Link, useParams } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { ClientFacts } from './ClientFacts.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { clientName } from './labels.tsx';
import { RecordSection } from './RecordSection.tsx';
import { ReferralsSection } from './ReferralsSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import type { ClientDetail } from './types.ts';
import { WorkersSection } from './WorkersSection.tsx';
import '../signals/signals.css';
import './clients.css';

/** One person's record: who they are, what they agreed to, who works with them and what happened. */
export function ClientPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const path = `/api/clients/${id}`;
  const resource = useResource<ClientDetail>(path);
  const client = resource.data;
  return (
    <Page title={client ? clientName(client) : t('clients.detail.loadingTitle')} wide>
      <p>
        <Link href="/clients" className="link">
          {t('clients.detail.back')}
        </Link>
      </p>
      <Loaded resource={resource}>
        {(c) => (
          <div className="clients-stack">
            <RecordNotice client={c} />
            <ClientFacts client={c} />
            <div className="clients-columns">
              <ConsentsSection path={path} client={c} onDone={resource.reload} />
              <WorkersSection path={path} client={c} onDone={resource.reload} />
            </div>
            <ReferralsSection path={path} client={c} onDone={resource.reload} />
            <TimelineSection path={path} client={c} onDone={resource.reload} />
            <RecordSection path={path} client={c} onDone={resource.reload} />
          </div>
        )}
      </Loaded>
    </Page>
  );
}

/** Why nothing new can be written down, said at the top where it is seen first. */
function RecordNotice({ client }: { client: ClientDetail }) {
  const t = useT();
  if (!client.registered)
    return (
      <div className="alert alert-info" role="status">
        <p>
          <strong>{t('clients.detail.withdrawnTitle')}</strong> {t('clients.detail.withdrawnText')}
        </p>
      </div>
    );
  if (client.status === 'closed')
    return (
      <div className="alert alert-info" role="status">
        <p>
          <strong>{t('clients.detail.closedTitle')}</strong> {t('clients.detail.closedText')}
        </p>
      </div>
    );
  return null;
}
