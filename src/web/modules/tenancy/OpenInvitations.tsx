import { useState } from 'react';
import { Button, Cell, Row } from 'react-aria-components';
import { api, asApiError } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SuccessMessage } from '../../components/forms.tsx';
import { ErrorAlert, Loaded } from '../../components/Status.tsx';
import type { Resource } from '../../components/useResource.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useRoleName, useT } from '../../i18n.ts';
import type { InvitationSentView, OpenInvitationView } from '../../types.ts';

/**
 * Invitations sent and not yet accepted: send one again (the server expires the old link and
 * mails a new one) or withdraw it.
 */
export function OpenInvitations({
  organisationId,
  invitations,
}: {
  organisationId: string;
  invitations: Resource<OpenInvitationView[]>;
}) {
  const t = useT();
  const roleName = useRoleName();
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [resending, setResending] = useState<string | null>(null);
  const base = `/api/admin/organisations/${organisationId}/invitations`;

  async function resend(invitation: OpenInvitationView) {
    setMessage(null);
    setProblem(null);
    setResending(invitation.id);
    try {
      const { email, name, role } = invitation;
      const sent = await api.post<InvitationSentView>(base, { email, name, role });
      setMessage(t('members.invitations.resent', { email: sent.email, date: formatDate(sent.expiresAt) }));
      invitations.reload();
    } catch (e) {
      setProblem(asApiError(e).title);
    } finally {
      setResending(null);
    }
  }

  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('members.invitations.title')}</h2>
      <p>{t('members.invitations.intro')}</p>
      <SuccessMessage message={message} />
      <ErrorAlert message={problem} />
      <Loaded resource={invitations}>
        {(items) => (
          <DataTable
            label={t('members.invitations.title')}
            columns={[
              t('members.name'),
              t('members.role'),
              t('members.invitations.sent'),
              t('members.invitations.validUntil'),
            ]}
            actions
            items={items}
            empty={t('members.invitations.empty')}
            dependencies={[resending, roleName]}
          >
            {(invitation) => (
              <Row id={invitation.id}>
                <Cell>
                  <span className="cell-main">{invitation.name}</span>
                  <span className="cell-sub">{invitation.email}</span>
                </Cell>
                <Cell>{roleName(invitation.role, 'label')}</Cell>
                <Cell>
                  <time dateTime={invitation.invitedAt}>{formatDateTime(invitation.invitedAt)}</time>
                  {invitation.invitedBy ? (
                    <span className="cell-sub">
                      {t('members.invitations.by', { name: invitation.invitedBy })}
                    </span>
                  ) : null}
                </Cell>
                <Cell>
                  <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>
                </Cell>
                <Cell>
                  <div className="cell-actions">
                    <Button
                      className="button button-secondary"
                      isPending={resending === invitation.id}
                      onPress={() => void resend(invitation)}
                    >
                      {t('members.invitations.resend')}
                    </Button>
                    <ConfirmDialog
                      trigger={t('members.invitations.withdraw')}
                      triggerVariant="danger"
                      title={t('members.invitations.withdrawTitle', { name: invitation.name })}
                      confirmLabel={t('members.invitations.withdraw')}
                      danger
                      onConfirm={async () => {
                        setMessage(null);
                        setProblem(null);
                        await api.delete(`${base}/${invitation.id}`);
                        setMessage(t('members.invitations.withdrawn', { name: invitation.name }));
                        invitations.reload();
                      }}
                    >
                      <p>
                        {t('members.invitations.withdrawText', {
                          name: invitation.name,
                          email: invitation.email,
                        })}
                      </p>
                    </ConfirmDialog>
                  </div>
                </Cell>
              </Row>
            )}
          </DataTable>
        )}
      </Loaded>
    </section>
  );
}
