import { useT } from '../../i18n.ts';
import type { ClientSummary } from './types.ts';

/** "Maria Peeters", or the given name alone. */
export const clientName = (c: { givenName: string; familyName: string | null }) =>
  [c.givenName, c.familyName].filter(Boolean).join(' ');

/** Active, closed, or no longer registered: in words, never by colour alone. */
export function ClientStatusBadge({ client }: { client: Pick<ClientSummary, 'status' | 'registered'> }) {
  const t = useT();
  if (!client.registered) return <span className="badge badge-error">{t('clients.status.withdrawn')}</span>;
  return client.status === 'active' ? (
    <span className="badge badge-ok">{t('clients.status.active')}</span>
  ) : (
    <span className="badge">{t('clients.status.closed')}</span>
  );
}

/** Whether new work may be written down: the record is open and the person still agrees to it. */
export const openForWork = (c: { registered: boolean; status: ClientSummary['status'] }) =>
  c.registered && c.status === 'active';
