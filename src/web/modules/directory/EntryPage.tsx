import { Link, useParams } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { type T, useT } from '../../i18n.ts';
import { scheduleText, vocab } from './labels.ts';
import type { Entry } from './types.ts';
import './directory.css';

/** What the public sees of an entry; the editor shows the same as a preview. */
export function EntryDetails({ e, t, headingLevel = 2 }: { e: Entry; t: T; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <>
      {e.description ? <p className="entry-description">{e.description}</p> : null}
      <section className="card" aria-labelledby="entry-when">
        <H id="entry-when">{t('directory.when')}</H>
        <ul>
          {e.schedules.map((s) => (
            <li key={`${s.byday}-${s.opensAt}`}>{scheduleText(t, s)}</li>
          ))}
        </ul>
        {e.nextOccurrence ? (
          <p>{t('directory.next', { when: formatDateTime(e.nextOccurrence.startsAt) })}</p>
        ) : null}
      </section>
      {e.locations.length > 0 ? (
        <section className="card" aria-labelledby="entry-where">
          <H id="entry-where">{t('directory.where')}</H>
          {e.locations.map((l) => (
            <div key={l.id}>
              <p>
                <strong>{l.name}</strong>
                <br />
                {l.address1}, {l.postalCode} {l.city}
              </p>
              {l.transportation ? <p>{l.transportation}</p> : null}
              {l.accessibility.length > 0 ? (
                <p>{l.accessibility.map((a) => vocab(t, 'accessibility', a)).join(' · ')}</p>
              ) : null}
              {l.accessibilityDescription ? <p>{l.accessibilityDescription}</p> : null}
            </div>
          ))}
        </section>
      ) : null}
      <section className="card" aria-labelledby="entry-join">
        <H id="entry-join">{t('directory.howToJoin')}</H>
        <p>{vocab(t, 'how_to_join', e.howToJoin)}</p>
        {e.applicationProcess ? <p>{e.applicationProcess}</p> : null}
        <Sub>{t('directory.forWhom')}</Sub>
        <p>{e.targetGroups.map((g) => vocab(t, 'target_group', g)).join(', ')}</p>
        <Sub>{t('directory.costTitle')}</Sub>
        <p>
          {vocab(t, 'cost', e.costOption)}
          {e.costDescription ? ` — ${e.costDescription}` : ''}
        </p>
      </section>
      {e.contacts.length > 0 || e.email || e.url ? (
        <section className="card" aria-labelledby="entry-contact">
          <H id="entry-contact">{t('directory.contact')}</H>
          <ul>
            {e.contacts.map((c) => (
              <li key={`${c.kind}-${c.phone ?? c.email ?? c.name}`}>
                {c.name ? `${c.name}: ` : ''}
                {c.phone ? <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a> : null}
                {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
              </li>
            ))}
            {e.email ? (
              <li>
                {t('directory.email')}: <a href={`mailto:${e.email}`}>{e.email}</a>
              </li>
            ) : null}
            {e.url ? (
              <li>
                {t('directory.website')}: <a href={e.url}>{e.url}</a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      <p className="finder-meta">
        {e.assuredDate
          ? t('directory.lastChecked', { date: formatDate(e.assuredDate) })
          : t('directory.neverChecked')}
      </p>
    </>
  );
}

function Details({ e, t }: { e: Entry; t: T }) {
  return (
    <Page title={e.name} intro={<p>{vocab(t, 'type', e.type)}</p>}>
      <EntryDetails e={e} t={t} />
      <p>
        <Link
          href="/vinden"
          className="link"
          onClick={(ev) => {
            if (window.history.length > 1) {
              ev.preventDefault();
              window.history.back();
            }
          }}
        >
          {t('directory.back')}
        </Link>
      </p>
    </Page>
  );
}

/** One published initiative: when, where, how to join, contact and when it was last checked. */
export function EntryPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const entry = useResource<Entry>(`/api/directory/entries/${encodeURIComponent(id)}`);
  return <Loaded resource={entry}>{(e) => <Details e={e} t={t} />}</Loaded>;
}
