import { useState } from 'react';
import { Link, useParams } from 'wouter';
import type { z } from 'zod';
import type { assigneesView, signalDetailView } from '../../../contracts/signals.ts';
import { SIGNAL_OUTCOMES } from '../../../modules/signals/signals.models.ts';
import { api } from '../../api.ts';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { DuplicatesSection, MergedSection } from './DuplicatesSection.tsx';
import { TextAreaField } from './fields.tsx';
import { InformationSection } from './InformationSection.tsx';
import { OutreachSection } from './OutreachSection.tsx';
import './signals.css';

type SignalDetail = z.infer<typeof signalDetailView>;

/** One signal: the person, what was noticed, the reporter, its history and notes, and the next steps. */
export function SignalPage() {
  const t = useT();
  const { municipalityId = '', id = '' } = useParams<{ municipalityId: string; id: string }>();
  const path = `/api/signals/${municipalityId}/${id}`;
  const resource = useResource<SignalDetail>(path);
  const title = resource.data
    ? t('signals.detail.title', { reference: resource.data.reference })
    : t('signals.list.title');
  return (
    <Page title={title} wide>
      <p>
        <Link href="/signals" className="link">
          {t('signals.detail.back')}
        </Link>
      </p>
      <Loaded resource={resource}>
        {(s) => (
          <div className="signals-stack">
            <MergedSection signal={s} />
            <Facts signal={s} />
            {s.may.triage && s.status !== 'closed' ? <DuplicatesSection path={path} signal={s} /> : null}
            {s.may.triage && s.status !== 'closed' && s.status !== 'in_contact' ? (
              <AssignForm path={path} signal={s} onDone={resource.reload} />
            ) : null}
            {s.status !== 'new' && s.status !== 'triaged' ? (
              <OutreachSection path={path} signal={s} onDone={resource.reload} />
            ) : null}
            {s.status !== 'closed' ? <NextStep path={path} signal={s} onDone={resource.reload} /> : null}
            {s.status !== 'new' ? (
              <InformationSection path={path} signal={s} onDone={resource.reload} />
            ) : null}
            <History signal={s} />
            <Notes path={path} signal={s} onDone={resource.reload} />
          </div>
        )}
      </Loaded>
    </Page>
  );
}

function Facts({ signal: s }: { signal: SignalDetail }) {
  const t = useT();
  const dash = '–';
  return (
    <div className="card-grid">
      <section className="card" aria-labelledby="signal-person">
        <h2 id="signal-person">{t('signals.detail.person')}</h2>
        <dl className="signals-facts">
          <dt>{t('signals.detail.name')}</dt>
          <dd>{s.personName ?? dash}</dd>
          <dt>{t('signals.detail.street')}</dt>
          <dd>{s.personStreet ?? dash}</dd>
          <dt>{t('signals.detail.postcode')}</dt>
          <dd>{s.personPostcode ?? dash}</dd>
          <dt>{t('signals.detail.municipality')}</dt>
          <dd>{s.municipalityName}</dd>
          <dt>{t('signals.detail.urgency')}</dt>
          <dd className={s.urgency === 'high' ? 'signals-urgent' : undefined}>
            {t(`signals.urgencies.${s.urgency}`)}
          </dd>
          <dt>{t('signals.detail.triageDue')}</dt>
          <dd>{formatDateTime(s.triageDueAt)}</dd>
          <dt>{t('signals.detail.contactDue')}</dt>
          <dd>{formatDateTime(s.contactDueAt)}</dd>
          <dt>{t('signals.list.status')}</dt>
          <dd>
            {s.outcome
              ? t('signals.detail.closedWith', { outcome: t(`signals.outcomes.${s.outcome}`) })
              : t(`signals.statuses.${s.status}`)}
            {s.overdue ? <span className="signals-urgent"> · {t('signals.list.overdue')}</span> : null}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="signal-reporter">
        <h2 id="signal-reporter">{t('signals.detail.reporter')}</h2>
        <dl className="signals-facts">
          {s.reporter.anonymous ? (
            <>
              <dt>{t('signals.detail.name')}</dt>
              <dd>{t('signals.detail.anonymous')}</dd>
            </>
          ) : (
            <>
              <dt>{t('signals.detail.name')}</dt>
              <dd>{s.reporter.name ?? dash}</dd>
              <dt>{t('signals.detail.phone')}</dt>
              <dd>{s.reporter.phone ?? dash}</dd>
              <dt>{t('signals.detail.email')}</dt>
              <dd>{s.reporter.email ?? dash}</dd>
            </>
          )}
          {s.reporter.organisationName ? (
            <>
              <dt>{t('signals.detail.organisation')}</dt>
              <dd>{s.reporter.organisationName}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-labelledby="signal-what">
        <h2 id="signal-what">{t('signals.detail.description')}</h2>
        {s.signs.length > 0 ? (
          <ul aria-label={t('signals.detail.signs')}>
            {s.signs.map((sign) => (
              <li key={sign}>{t(`signals.report.signs.${sign}`)}</li>
            ))}
          </ul>
        ) : null}
        <p className="signals-facts-text">{s.description}</p>
      </section>
    </div>
  );
}

function AssignForm({ path, signal, onDone }: { path: string; signal: SignalDetail; onDone: () => void }) {
  const t = useT();
  const form = useApiForm();
  const assignees = useResource<z.infer<typeof assigneesView>>(`${path}/assignees`);
  const [organisationId, setOrganisationId] = useState<string | null>(signal.assignedOrganisationId);
  const [userId, setUserId] = useState<string>(signal.assignedUserId ?? '');
  const [done, setDone] = useState(false);
  const organisation = assignees.data?.organisations.find((o) => o.id === organisationId);
  return (
    <section className="card" aria-labelledby="signal-assign">
      <h2 id="signal-assign">{t('signals.detail.assignTitle')}</h2>
      <SuccessMessage message={done ? t('signals.detail.assigned') : null} />
      <Loaded resource={assignees}>
        {(data) => (
          <ApiForm
            form={form}
            onSubmit={() => {
              setDone(false);
              void form.run(async () => {
                await api.post(`${path}/assign`, { organisationId, userId: userId || undefined });
                setDone(true);
                onDone();
              });
            }}
          >
            <SelectField
              name="organisationId"
              label={t('signals.detail.assignOrganisation')}
              options={data.organisations.map((o) => ({ id: o.id, label: o.name }))}
              value={organisationId}
              onChange={(v) => {
                setOrganisationId(v);
                setUserId('');
              }}
              isRequired
            />
            {organisation ? (
              <SelectField
                name="userId"
                label={t('signals.detail.assignPerson')}
                options={[
                  { id: '', label: t('signals.detail.assignNobody') },
                  ...organisation.people.map((p) => ({ id: p.id, label: p.name })),
                ]}
                value={userId}
                onChange={setUserId}
              />
            ) : null}
            <div className="actions">
              <SubmitButton isPending={form.pending}>{t('signals.detail.assignSubmit')}</SubmitButton>
            </div>
          </ApiForm>
        )}
      </Loaded>
    </section>
  );
}

function NextStep({ path, signal, onDone }: { path: string; signal: SignalDetail; onDone: () => void }) {
  const t = useT();
  const form = useApiForm();
  const [outcome, setOutcome] = useState<string | null>(null);
  const move = (status: string, withOutcome?: string | null) =>
    form.run(async () => {
      await api.post(`${path}/transitions`, { status, outcome: withOutcome ?? undefined });
      onDone();
    });
  return (
    <section className="card" aria-labelledby="signal-next">
      <h2 id="signal-next">{t('signals.detail.nextTitle')}</h2>
      {signal.status === 'new' && signal.may.triage ? (
        <p className="actions">
          <button type="button" className="button button-secondary" onClick={() => void move('triaged')}>
            {t('signals.detail.triage')}
          </button>
        </p>
      ) : null}
      <ApiForm form={form} onSubmit={() => void move('closed', outcome)}>
        <h3>{t('signals.detail.closeTitle')}</h3>
        <SelectField
          name="outcome"
          label={t('signals.detail.outcome')}
          options={SIGNAL_OUTCOMES.map((o) => ({ id: o, label: t(`signals.outcomes.${o}`) }))}
          value={outcome}
          onChange={setOutcome}
          isRequired
        />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('signals.detail.closeSubmit')}</SubmitButton>
        </div>
      </ApiForm>
    </section>
  );
}

function History({ signal }: { signal: SignalDetail }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="signal-history">
      <h2 id="signal-history">{t('signals.detail.history')}</h2>
      <ol>
        {signal.transitions.map((h) => (
          <li key={`${h.at}-${h.toStatus}`}>
            <strong>{t(`signals.statuses.${h.toStatus}`)}</strong>
            {h.outcome ? ` (${t(`signals.outcomes.${h.outcome}`)})` : ''} · {formatDateTime(h.at)} ·{' '}
            {h.actorName ?? t('signals.detail.historyActorPublic')}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Notes({ path, signal, onDone }: { path: string; signal: SignalDetail; onDone: () => void }) {
  const t = useT();
  const form = useApiForm();
  const [added, setAdded] = useState(false);
  return (
    <section className="card" aria-labelledby="signal-notes">
      <h2 id="signal-notes">{t('signals.detail.notes')}</h2>
      {signal.notes.length === 0 ? <p className="empty">{t('signals.detail.notesEmpty')}</p> : null}
      <ul>
        {signal.notes.map((n) => (
          <li key={n.id}>
            <p className="signals-facts-text">{n.body}</p>
            <p className="muted">
              {n.authorName} · {formatDateTime(n.createdAt)}
            </p>
          </li>
        ))}
      </ul>
      <SuccessMessage message={added ? t('signals.detail.noteAdded') : null} />
      <ApiForm
        form={form}
        onSubmit={(values, element) => {
          setAdded(false);
          void form.run(async () => {
            await api.post(`${path}/notes`, { body: values.body ?? '' });
            element.reset();
            setAdded(true);
            onDone();
          });
        }}
      >
        <TextAreaField name="body" label={t('signals.detail.noteLabel')} isRequired maxLength={5000} />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('signals.detail.noteAdd')}</SubmitButton>
        </div>
      </ApiForm>
    </section>
  );
}
