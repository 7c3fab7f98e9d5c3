import { useState } from 'react';
import { api, withQuery } from '../../api.ts';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Pager, usePageParam } from '../../components/Pager.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { type T, useT } from '../../i18n.ts';
import { RadioField, TextAreaField } from '../signals/fields.tsx';
import { openForWork } from './labels.tsx';
import { type ClientDetail, CONTACT_MODES, type Timeline, type TimelineItem } from './types.ts';
import { useReloadOnChange } from './useReloadOnChange.ts';

const PER_PAGE = 20;

/** What happened with the person, newest first; a contact is written down right above it. */
export function TimelineSection({
  path,
  client,
  onDone,
}: {
  path: string;
  client: ClientDetail;
  onDone: () => void;
}) {
  const t = useT();
  const page = usePageParam();
  const timeline = useResource<Timeline>(withQuery(`${path}/timeline`, { page, per_page: PER_PAGE }));
  const { reload } = timeline;
  // Another section added to the timeline (a consent, a referral): show it here too.
  useReloadOnChange(client.counts.timeline, reload);
  return (
    <section className="card" aria-labelledby="client-timeline">
      <h2 id="client-timeline">{t('clients.timeline.title')}</h2>
      {openForWork(client) ? (
        <ContactForm
          path={path}
          onDone={() => {
            onDone();
            reload();
          }}
        />
      ) : null}
      <Loaded resource={timeline}>
        {(data) => (
          <>
            {data.items.length === 0 ? <p className="empty">{t('clients.timeline.empty')}</p> : null}
            <ol className="clients-timeline">
              {data.items.map((item) => (
                <li key={item.id} className="clients-timeline-item">
                  <p className="clients-item-title">{describe(t, item)}</p>
                  {item.contact ? <p className="clients-text">{item.contact.summary}</p> : null}
                  <p className="muted">
                    <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                    {item.actorName ? ` · ${item.actorName}` : ''}
                  </p>
                </li>
              ))}
            </ol>
            <Pager page={data.page} perPage={data.per_page} total={data.total} />
          </>
        )}
      </Loaded>
    </section>
  );
}

const detail = (item: TimelineItem, name: string) => {
  const value = item.details[name];
  return typeof value === 'string' ? value : '';
};

/** What a consent was about; a consent to share names the organisation. */
function consentWhat(t: T, kind: string, organisation: TimelineItem['organisation']): string {
  if (!kind) return '';
  if (kind === 'sharing' && organisation?.name)
    return t('clients.consents.kinds.sharingWith', { organisation: organisation.name });
  return t(`clients.consents.kinds.${kind}`);
}

/** One line in plain words; events of other modules fall back to their own translation or a general one. */
function describe(t: T, item: TimelineItem): string {
  const consentKind = detail(item, 'kind');
  switch (item.kind) {
    case 'contact':
      return t('clients.timeline.contact', {
        mode: t(`clients.contactModes.${item.contact?.mode ?? detail(item, 'mode') ?? 'other'}`),
      });
    case 'consent_recorded':
    case 'consent_withdrawn':
      return t(`clients.timeline.${item.kind}`, { what: consentWhat(t, consentKind, item.organisation) });
    case 'referral':
      return t('clients.timeline.referral', { service: item.referral?.serviceName ?? '' });
    case 'referral_updated':
      return t('clients.timeline.referral_updated', {
        service: item.referral?.serviceName ?? '',
        status: t(`clients.referrals.statuses.${detail(item, 'to') || 'proposed'}`),
      });
    case 'referral_answered':
      return t(
        detail(item, 'to') === 'declined'
          ? 'clients.timeline.referral_declined'
          : 'clients.timeline.referral_accepted',
        { organisation: item.organisation?.name ?? '?', service: item.referral?.serviceName ?? '' },
      );
    case 'worker_assigned':
      return t('clients.timeline.worker_assigned', {
        role: t(`clients.workers.roles.${detail(item, 'role') || 'worker'}`),
      });
    case 'measurement_recorded':
      return t('clients.timeline.measurement_recorded', {
        mode: t(`clients.timeline.measurementModes.${detail(item, 'mode') || 'interviewer'}`),
      });
    case 'measurement_follow_up_due':
      return t('clients.timeline.measurement_follow_up_due', {
        count: typeof item.details.months === 'number' ? item.details.months : 0,
      });
    default:
      return t(`clients.timeline.${item.kind}`, { defaultValue: t('clients.timeline.other') });
  }
}

/** Writes down a visit, call or message: how it went, in a few sentences. */
function ContactForm({ path, onDone }: { path: string; onDone: () => void }) {
  const t = useT();
  const form = useApiForm();
  const [mode, setMode] = useState('visit');
  const [added, setAdded] = useState(false);
  return (
    <div className="clients-subform">
      <h3>{t('clients.contacts.title')}</h3>
      <SuccessMessage message={added ? t('clients.contacts.added') : null} />
      <ApiForm
        form={form}
        onSubmit={(values, element) => {
          setAdded(false);
          void form.run(async () => {
            await api.post(`${path}/contacts`, { mode, summary: values.summary ?? '' });
            element.reset();
            setAdded(true);
            onDone();
          });
        }}
      >
        <RadioField
          name="mode"
          label={t('clients.contacts.mode')}
          value={mode}
          onChange={setMode}
          options={CONTACT_MODES.map((m) => ({ id: m, label: t(`clients.contactModes.${m}`) }))}
        />
        <TextAreaField
          name="summary"
          label={t('clients.contacts.summary')}
          description={t('clients.contacts.summaryHint')}
          isRequired
          maxLength={5000}
        />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('clients.contacts.submit')}</SubmitButton>
        </div>
      </ApiForm>
    </div>
  );
}
