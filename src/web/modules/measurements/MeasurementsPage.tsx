import { Link, useParams } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { clientName, openForWork } from '../clients/labels.tsx';
import type { ClientDetail } from '../clients/types.ts';
import { occasionLabel } from './labels.ts';
import { ClientQuestionnairesSection } from './questionnaires/ClientQuestionnairesSection.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';
import { TracksSection } from './TracksSection.tsx';
import type { InstrumentList, Measurement, MeasurementList } from './types.ts';
import '../clients/clients.css';
import '../signals/signals.css';
import './measurements.css';

/** A person's measurements and follow-ups, and the three ways to take a new one. */
export function MeasurementsPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const client = useResource<ClientDetail>(`/api/clients/${id}`);
  const measurements = useResource<MeasurementList>(`/api/clients/${id}/measurements`);
  const instruments = useResource<InstrumentList>('/api/instruments');
  const name = client.data ? clientName(client.data) : null;
  const base = `/clients/${id}/measurements`;
  return (
    <Page
      title={name ? t('measurements.page.title', { name }) : t('measurements.page.loadingTitle')}
      intro={<p>{t('measurements.page.intro')}</p>}
      wide
    >
      <p>
        <Link href={`/clients/${id}`} className="link">
          {t('measurements.page.back')}
        </Link>
      </p>
      <Loaded resource={client}>
        {(c) =>
          openForWork(c) ? (
            <div className="actions mq-actions">
              <Link href={`${base}/new?mode=interviewer`} className="button button-primary">
                {t('measurements.page.interview')}
              </Link>
              <Link href={`${base}/new?mode=paper`} className="button button-secondary">
                {t('measurements.page.paper')}
              </Link>
              <Link href={`${base}/link`} className="button button-secondary">
                {t('measurements.page.selfFill')}
              </Link>
            </div>
          ) : (
            <div className="alert alert-info" role="status">
              <p>{t('measurements.page.closed')}</p>
            </div>
          )
        }
      </Loaded>
      <div className="clients-stack">
        <section className="card" aria-labelledby="measurements-list">
          <h2 id="measurements-list">{t('measurements.list.title')}</h2>
          <Loaded resource={measurements}>
            {(m) =>
              m.items.length === 0 ? (
                <p className="empty">{t('measurements.list.empty')}</p>
              ) : (
                <ul className="mq-list">
                  {m.items.map((item) => (
                    <MeasurementItem key={item.id} measurement={item} />
                  ))}
                </ul>
              )
            }
          </Loaded>
        </section>
        {client.data ? (
          <TracksSection
            clientId={id}
            canStart={openForWork(client.data)}
            instruments={instruments.data?.instruments ?? []}
            referrals={client.data.referrals}
            onChange={measurements.reload}
          />
        ) : null}
        {client.data ? (
          <ClientQuestionnairesSection clientId={id} canFill={openForWork(client.data)} />
        ) : null}
      </div>
    </Page>
  );
}

function MeasurementItem({ measurement: m }: { measurement: Measurement }) {
  const t = useT();
  const by = m.recordedBy ? m.recordedBy.name : t('measurements.list.byPerson');
  return (
    <li className="mq-list-item">
      <h3 className="mq-item-title">{formatDate(m.takenOn)}</h3>
      <p className="mq-item-instrument">{m.instrumentName}</p>
      <p className="muted">
        {t(`measurements.modes.${m.mode}`)} · {by}
        {m.occasionMonths !== null ? ` · ${occasionLabel(t, m.occasionMonths)}` : ''}
      </p>
      <ScoreSummary measurement={m} />
    </li>
  );
}
