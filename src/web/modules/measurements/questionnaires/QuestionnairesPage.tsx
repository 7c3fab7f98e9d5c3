import { Link } from 'wouter';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Status.tsx';
import { useResource } from '../../../components/useResource.ts';
import { useT } from '../../../i18n.ts';
import type { QuestionnaireList } from './types.ts';
import '../measurements.css';
import './questionnaires.css';

/** The coordinator's own questionnaires: what there is, how often it was answered, and a way to add one. */
export function QuestionnairesPage() {
  const t = useT();
  const list = useResource<QuestionnaireList>('/api/questionnaires');
  return (
    <Page title={t('questionnaires.list.title')} intro={<p>{t('questionnaires.list.intro')}</p>}>
      <p className="qn-notice">{t('questionnaires.list.notice')}</p>
      <div className="actions mq-actions">
        <Link href="/vragenlijsten/nieuw" className="button button-primary">
          {t('questionnaires.list.new')}
        </Link>
      </div>
      <section className="card" aria-labelledby="questionnaires-list">
        <h2 id="questionnaires-list">{t('questionnaires.list.heading')}</h2>
        <Loaded resource={list}>
          {(l) =>
            l.items.length === 0 ? (
              <p className="empty">{t('questionnaires.list.empty')}</p>
            ) : (
              <ul className="mq-list">
                {l.items.map((q) => (
                  <li key={q.id} className="mq-list-item">
                    <h3 className="mq-item-title">
                      <Link href={`/vragenlijsten/${q.id}`} className="link">
                        {q.title}
                      </Link>{' '}
                      <span className={q.status === 'active' ? 'badge badge-ok' : 'badge'}>
                        {t(`questionnaires.status.${q.status}`)}
                      </span>
                    </h3>
                    <p className="muted">
                      {[
                        q.organisationName,
                        t('questionnaires.list.version', { version: q.currentVersion }),
                        t('questionnaires.list.items', { count: q.itemCount }),
                        t('questionnaires.list.responses', { count: q.responses }),
                      ].join(' · ')}
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </Page>
  );
}
