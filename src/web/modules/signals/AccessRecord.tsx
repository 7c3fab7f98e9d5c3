import type { z } from 'zod';
import type { signalDetailView } from '../../../contracts/signals.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';

type SignalDetail = z.infer<typeof signalDetailView>;

/** One fact, or "none" when the meldpunt holds nothing for it: the person sees what is absent too. */
function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  const t = useT();
  return (
    <>
      <dt>{label}</dt>
      <dd>{value ? value : <span className="muted">{t('signals.access.none')}</span>}</dd>
    </>
  );
}

/** Everything the meldpunt holds in one signal, laid out to read and to print. */
export function AccessRecord({ signal: s }: { signal: SignalDetail }) {
  const t = useT();
  const headingId = `access-${s.id}`;
  const information = s.information;
  return (
    <article className="card signals-record" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('signals.detail.title', { reference: s.reference })}</h2>
      <dl className="signals-facts">
        <Fact label={t('signals.access.received')} value={formatDateTime(s.createdAt)} />
        <Fact label={t('signals.detail.municipality')} value={s.municipalityName} />
        <Fact label={t('signals.list.status')} value={t(`signals.statuses.${s.status}`)} />
        <Fact label={t('signals.access.outcome')} value={s.outcome && t(`signals.outcomes.${s.outcome}`)} />
        <Fact label={t('signals.access.closedAt')} value={s.closedAt && formatDateTime(s.closedAt)} />
        <Fact label={t('signals.detail.urgency')} value={t(`signals.urgencies.${s.urgency}`)} />
        <Fact label={t('signals.detail.name')} value={s.personName} />
        <Fact label={t('signals.detail.street')} value={s.personStreet} />
        <Fact label={t('signals.detail.postcode')} value={s.personPostcode} />
        <Fact
          label={t('signals.detail.signs')}
          value={s.signs.map((sign) => t(`signals.report.signs.${sign}`)).join(', ')}
        />
        <Fact label={t('signals.detail.description')} value={s.description} />
        <Fact
          label={t('signals.detail.reporter')}
          value={
            s.reporter.anonymous
              ? t('signals.detail.anonymous')
              : [s.reporter.name, s.reporter.organisationName, s.reporter.phone, s.reporter.email]
                  .filter(Boolean)
                  .join(', ')
          }
        />
        <Fact
          label={t('signals.access.information')}
          value={
            information &&
            `${
              information.kind === 'informed'
                ? t(`signals.information.methods.${information.method}`)
                : `${t(`signals.information.exceptions.${information.exception}`)}: ${information.reason ?? ''}`
            } (${formatDateTime(information.recordedAt)})`
          }
        />
      </dl>
      <h3>{t('signals.detail.history')}</h3>
      <ul>
        {s.transitions.map((tr) => (
          <li key={`${tr.at}-${tr.toStatus}`}>
            {formatDateTime(tr.at)}: {t(`signals.statuses.${tr.toStatus}`)}
            {tr.outcome ? ` (${t(`signals.outcomes.${tr.outcome}`)})` : ''}
            {' · '}
            {tr.actorName ?? t('signals.detail.historyActorPublic')}
          </li>
        ))}
      </ul>
      <h3>{t('signals.outreach.title')}</h3>
      {s.contactAttempts.length === 0 ? (
        <p className="muted">{t('signals.outreach.empty')}</p>
      ) : (
        <ul>
          {s.contactAttempts.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.attemptedAt)}: {t(`signals.outreach.methods.${a.method}`)},{' '}
              {t(`signals.outreach.results.${a.result}`)} · {a.actorName}
              {a.note ? <span className="signals-facts-text"> · {a.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('signals.detail.notes')}</h3>
      {s.notes.length === 0 ? (
        <p className="muted">{t('signals.detail.notesEmpty')}</p>
      ) : (
        <ul>
          {s.notes.map((n) => (
            <li key={n.id}>
              {formatDateTime(n.createdAt)} · {n.authorName}:{' '}
              <span className="signals-facts-text">{n.body}</span>
            </li>
          ))}
        </ul>
      )}
      {s.merged.length > 0 ? (
        <>
          <h3>{t('signals.duplicates.mergedTitle')}</h3>
          <ul>
            {s.merged.map((m) => (
              <li key={m.id}>
                {m.reference} · {formatDateTime(m.createdAt)}:{' '}
                <span className="signals-facts-text">{m.description}</span>
                {m.reporter.anonymous ? '' : ` · ${m.reporter.name ?? ''}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
