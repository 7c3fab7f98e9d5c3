import { useState } from 'react';
import type { z } from 'zod';
import type { teamView } from '../../../contracts/clients.ts';
import { api, withQuery } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames, formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { openForWork } from './labels.tsx';
import { type ClientDetail, WORKER_ROLES } from './types.ts';

type Team = z.infer<typeof teamView>;

/** Who works with this person, and in what part; the team can take someone off. */
export function WorkersSection({
  path,
  client,
  onDone,
}: {
  path: string;
  client: ClientDetail;
  onDone: () => void;
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="client-workers">
      <h2 id="client-workers">{t('clients.workers.title')}</h2>
      {client.workers.length === 0 ? <p className="empty">{t('clients.workers.empty')}</p> : null}
      <ul className="clients-list">
        {client.workers.map((w) => {
          const name = w.name ?? t('clients.workers.former');
          return (
            <li key={w.userId} className="clients-list-item clients-worker">
              <p>
                <span className="clients-item-title">{name}</span>{' '}
                <span className="badge">{t(`clients.workers.roles.${w.role}`)}</span>
                <br />
                <span className="muted">
                  {t('clients.workers.since', { date: formatDate(w.assignedAt) })}
                </span>
              </p>
              {client.may.edit ? (
                <ConfirmDialog
                  trigger={t('clients.workers.unassign')}
                  title={t('clients.workers.unassignTitle', { name })}
                  confirmLabel={t('clients.workers.unassign')}
                  onConfirm={async () => {
                    await api.delete(`${path}/workers/${w.userId}`);
                    onDone();
                  }}
                >
                  <p>{t('clients.workers.unassignText', { name })}</p>
                </ConfirmDialog>
              ) : null}
            </li>
          );
        })}
      </ul>
      {client.may.edit && openForWork(client) ? (
        <AssignForm path={path} client={client} onDone={onDone} />
      ) : null}
    </section>
  );
}

/** Adds someone of the team (or changes their part): a volunteer only ever as a volunteer. */
function AssignForm({ path, client, onDone }: { path: string; client: ClientDetail; onDone: () => void }) {
  const t = useT();
  const form = useApiForm();
  const team = useResource<Team>(withQuery('/api/clients/team', { organisationId: client.organisationId }));
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const assigned = new Set(client.workers.map((w) => w.userId));
  return (
    <details className="clients-more">
      <summary>{t('clients.workers.assign')}</summary>
      <SuccessMessage message={done} />
      <Loaded resource={team}>
        {(data) => {
          const people = data.items
            .filter((p) => !assigned.has(p.userId))
            .sort((a, b) => compareNames(a.name, b.name));
          const chosen = people.find((p) => p.userId === userId);
          const roles = chosen?.role === 'volunteer' ? (['volunteer'] as const) : WORKER_ROLES;
          if (people.length === 0) return <p className="empty">{t('clients.workers.nobodyLeft')}</p>;
          return (
            <ApiForm
              form={form}
              onSubmit={() => {
                setDone(null);
                void form.run(async () => {
                  await api.post(`${path}/workers`, { userId: userId ?? undefined, role: role ?? undefined });
                  setDone(t('clients.workers.assigned', { name: chosen?.name ?? '' }));
                  setUserId(null);
                  setRole(null);
                  onDone();
                });
              }}
            >
              <SelectField
                name="userId"
                label={t('clients.workers.person')}
                options={people.map((p) => ({ id: p.userId, label: p.name }))}
                value={userId}
                onChange={(id) => {
                  setUserId(id);
                  const person = people.find((p) => p.userId === id);
                  setRole(person?.role === 'volunteer' ? 'volunteer' : 'worker');
                }}
                placeholder={t('form.choose')}
                isRequired
              />
              <SelectField
                name="role"
                label={t('clients.workers.role')}
                options={roles.map((r) => ({ id: r, label: t(`clients.workers.roles.${r}`) }))}
                value={role}
                onChange={setRole}
                placeholder={t('form.choose')}
                isRequired
              />
              <div className="actions">
                <SubmitButton isPending={form.pending}>{t('clients.workers.assignSubmit')}</SubmitButton>
              </div>
            </ApiForm>
          );
        }}
      </Loaded>
    </details>
  );
}
