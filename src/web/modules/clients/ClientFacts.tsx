import { Link } from 'wouter';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { ClientStatusBadge, openForWork } from './labels.tsx';
import type { ClientDetail } from './types.ts';

/** Full years between a date of birth (YYYY-MM-DD) and today. */
function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const age = today.getFullYear() - y;
  const hadBirthday = today.getMonth() + 1 > m || (today.getMonth() + 1 === m && today.getDate() >= d);
  return hadBirthday ? age : age - 1;
}

/** The summary of the record: how to reach the person, where they live, age, home and languages. */
export function ClientFacts({ client: c }: { client: ClientDetail }) {
  const t = useT();
  const dash = '–';
  const place = [c.street, [c.postcode, c.municipalityName].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return (
    <section className="card" aria-labelledby="client-facts">
      <div className="clients-heading-row">
        <h2 id="client-facts">{t('clients.detail.facts')}</h2>
        <ClientStatusBadge client={c} />
      </div>
      <dl className="clients-facts">
        <dt>{t('clients.form.phone')}</dt>
        <dd>{c.phone ? <a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>{c.phone}</a> : dash}</dd>
        <dt>{t('clients.form.email')}</dt>
        <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : dash}</dd>
        <dt>{t('clients.detail.address')}</dt>
        <dd>{place || dash}</dd>
        <dt>{t('clients.detail.age')}</dt>
        <dd>
          {c.birthDate
            ? t('clients.detail.born', { date: formatDate(c.birthDate), age: ageOn(c.birthDate) })
            : c.ageBand
              ? t(`clients.ageBands.${c.ageBand}`)
              : dash}
        </dd>
        <dt>{t('clients.form.household')}</dt>
        <dd>{t(`clients.households.${c.household}`)}</dd>
        <dt>{t('clients.form.languages')}</dt>
        <dd>
          {c.languages.length > 0
            ? c.languages.map((l) => t(`clients.languages.${l}`, { defaultValue: l })).join(', ')
            : dash}
        </dd>
        <dt>{t('clients.detail.since')}</dt>
        <dd>{formatDate(c.createdAt)}</dd>
      </dl>
      <ul className="link-list link-list-inline">
        {c.may.edit && openForWork(c) ? (
          <li>
            <Link href={`/clients/${c.id}/edit`} className="link">
              {t('clients.detail.edit')}
            </Link>
          </li>
        ) : null}
        <li>
          <Link href={`/clients/${c.id}/network`} className="link">
            {t('clients.detail.network')}
          </Link>
        </li>
        <li>
          <Link href={`/clients/${c.id}/measurements`} className="link">
            {t('clients.detail.measurements')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
