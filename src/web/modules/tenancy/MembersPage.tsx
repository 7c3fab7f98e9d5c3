import { useState } from 'react';
import { Cell, Row } from 'react-aria-components';
import { useParams } from 'wouter';
import { api, asApiError } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert, Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { useLoadedSession } from '../../session.tsx';
import type { InvitationSentView, MemberView, OpenInvitationView, Role } from '../../types.ts';
import { useRoleOptions } from './labels.ts';
import { OpenInvitations } from './OpenInvitations.tsx';

function InviteForm({ organisationId, onInvited }: { organisationId: string; onInvited: () => void }) {
  const t = useT();
  const form = useApiForm();
  const roleOptions = useRoleOptions();
  const [role, setRole] = useState<Role>('worker');
  const [sent, setSent] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('members.invite.title')}</h2>
      <p>{t('members.invite.intro')}</p>
      <ApiForm
        className="form"
        form={form}
        onSubmit={(values, formElement) => {
          const { email = '', name = '' } = values;
          setSent(null);
          void form.run(async () => {
            const result = await api.post<InvitationSentView>(
              `/api/admin/organisations/${organisationId}/invitations`,
              { email, name, role },
            );
            formElement.reset();
            setSent(t('members.invite.sent', { email: result.email, date: formatDate(result.expiresAt) }));
            onInvited();
          });
        }}
      >
        <SuccessMessage message={sent} />
        <div className="form-row">
          <Field name="name" label={t('members.invite.name')} autoComplete="off" isRequired />
          <Field name="email" type="email" label={t('members.invite.email')} autoComplete="off" isRequired />
        </div>
        <SelectField
          name="role"
          label={t('members.invite.role')}
          description={t('members.invite.roleHint')}
          options={roleOptions}
          value={role}
          onChange={(value) => setRole(value as Role)}
        />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('members.invite.submit')}</SubmitButton>
        </div>
      </ApiForm>
    </section>
  );
}

function MemberTable({
  organisationId,
  members,
  onChanged,
}: {
  organisationId: string;
  members: MemberView[];
  onChanged: () => void;
}) {
  const t = useT();
  const session = useLoadedSession();
  const roleOptions = useRoleOptions();
  const [problem, setProblem] = useState<string | null>(null);
  const base = `/api/admin/organisations/${organisationId}/members`;
  return (
    <>
      <ErrorAlert message={problem} />
      <DataTable
        label={t('members.listTitle')}
        columns={[t('members.name'), t('members.role'), t('members.secondFactor'), t('members.status')]}
        actions
        items={members}
        empty={t('members.empty')}
        dependencies={[session, roleOptions]}
      >
        {(member) => (
          <Row id={member.userId}>
            <Cell>
              <span className="cell-main">{member.name}</span>
              <span className="cell-sub">{member.email}</span>
            </Cell>
            <Cell>
              <div className="inline-select">
                <SelectField
                  label={t('members.roleOf', { name: member.name })}
                  options={roleOptions}
                  value={member.role}
                  isDisabled={member.userId === session.user?.id}
                  onChange={async (role) => {
                    setProblem(null);
                    try {
                      await api.patch(`${base}/${member.userId}`, { role });
                      onChanged();
                    } catch (e) {
                      setProblem(asApiError(e).title);
                    }
                  }}
                />
              </div>
            </Cell>
            <Cell>
              <span className={member.totpEnabled ? 'badge badge-ok' : 'badge'}>
                {member.totpEnabled ? t('members.on') : t('members.off')}
              </span>
            </Cell>
            <Cell>{member.active ? t('members.active') : t('members.inactive')}</Cell>
            <Cell>
              {member.userId === session.user?.id ? null : (
                <ConfirmDialog
                  trigger={t('members.remove')}
                  triggerVariant="danger"
                  title={t('members.removeTitle', { name: member.name })}
                  confirmLabel={t('members.remove')}
                  danger
                  onConfirm={async () => {
                    await api.delete(`${base}/${member.userId}`);
                    onChanged();
                  }}
                >
                  <p>{t('members.removeText', { name: member.name })}</p>
                </ConfirmDialog>
              )}
            </Cell>
          </Row>
        )}
      </DataTable>
    </>
  );
}

/** The members of an organisation, the invitations still open, and a form to invite someone. */
export function MembersPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const members = useResource<MemberView[]>(`/api/admin/organisations/${id}/members`);
  const invitations = useResource<OpenInvitationView[]>(`/api/admin/organisations/${id}/invitations`);
  return (
    <Page title={t('members.title')} intro={<p>{t('members.intro')}</p>} wide>
      <div className="stack">
        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title">{t('members.listTitle')}</h2>
          <Loaded resource={members}>
            {(data) => <MemberTable organisationId={id} members={data} onChanged={members.reload} />}
          </Loaded>
        </section>
        <OpenInvitations organisationId={id} invitations={invitations} />
        <InviteForm
          organisationId={id}
          onInvited={() => {
            invitations.reload();
            members.reload();
          }}
        />
      </div>
    </Page>
  );
}
