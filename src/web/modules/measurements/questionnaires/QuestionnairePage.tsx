import { useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { api, request } from '../../../api.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { SuccessMessage } from '../../../components/forms.tsx';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Status.tsx';
import { useResource } from '../../../components/useResource.ts';
import { formatDate } from '../../../format.ts';
import { useT } from '../../../i18n.ts';
import { draftFrom } from './draft.ts';
import { QuestionnaireForm } from './QuestionnaireForm.tsx';
import type { Questionnaire } from './types.ts';
import '../measurements.css';
import './questionnaires.css';

/**
 * One questionnaire for its coordinators: its versions with their downloads,
 * and the builder — editing in place while nobody answered, a new version after.
 */
export function QuestionnairePage() {
  const t = useT();
  const { questionnaireId = '' } = useParams<{ questionnaireId: string }>();
  const search = new URLSearchParams(useSearch());
  const path = `/api/questionnaires/${questionnaireId}`;
  const q = useResource<Questionnaire>(path);
  const justCreated = search.get('bewaard') === 'nieuw';
  const [saved, setSaved] = useState<string | null>(justCreated ? t('questionnaires.detail.created') : null);
  const [, navigate] = useLocation();
  // The message is for this visit only: a reload or a bookmark should not say it again.
  useEffect(() => {
    if (justCreated) navigate(`/vragenlijsten/${questionnaireId}`, { replace: true });
  }, [justCreated, navigate, questionnaireId]);
  // A new form after each save, so it starts from what the server now holds.
  const [generation, setGeneration] = useState(0);
  return (
    <Page title={q.data?.title ?? t('questionnaires.detail.loadingTitle')} wide>
      <p>
        <Link href="/vragenlijsten" className="link">
          {t('questionnaires.builder.back')}
        </Link>
      </p>
      <SuccessMessage message={saved} />
      <Loaded resource={q}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="questionnaire-versions">
              <h2 id="questionnaire-versions">{t('questionnaires.detail.versions')}</h2>
              <p className="muted">
                {data.organisationName} ·{' '}
                <span className={data.status === 'active' ? 'badge badge-ok' : 'badge'}>
                  {t(`questionnaires.status.${data.status}`)}
                </span>
              </p>
              <ul className="mq-list">
                {[...data.versions].reverse().map((v) => (
                  <li key={v.version} className="mq-list-item qn-version">
                    <h3 className="mq-item-title">
                      {t('questionnaires.list.version', { version: v.version })}
                      {v.version === data.currentVersion ? (
                        <span className="muted"> · {t('questionnaires.detail.current')}</span>
                      ) : null}
                    </h3>
                    <p className="muted">
                      {t('questionnaires.detail.madeOn', { date: formatDate(v.createdAt) })} ·{' '}
                      {t('questionnaires.list.responses', { count: v.responses })}
                    </p>
                    <p className="actions">
                      <a
                        className="button button-secondary"
                        href={`${path}/versions/${v.version}/responses.csv`}
                        download
                      >
                        {t('questionnaires.detail.csv', { version: v.version })}
                      </a>
                      <a
                        className="button button-secondary"
                        href={`${path}/versions/${v.version}/definition.json`}
                        download
                      >
                        {t('questionnaires.detail.json', { version: v.version })}
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
              {data.status === 'active' ? (
                <div className="qn-retire">
                  <ConfirmDialog
                    trigger={t('questionnaires.detail.retire')}
                    title={t('questionnaires.detail.retireTitle')}
                    confirmLabel={t('questionnaires.detail.retire')}
                    onConfirm={async () => {
                      await api.post(`${path}/retire`);
                      setSaved(t('questionnaires.detail.retired'));
                      q.reload();
                    }}
                  >
                    <p>{t('questionnaires.detail.retireText')}</p>
                  </ConfirmDialog>
                </div>
              ) : null}
            </section>
            {data.status === 'active' ? (
              <section className="card" aria-labelledby="questionnaire-edit">
                <h2 id="questionnaire-edit">
                  {data.editable ? t('questionnaires.detail.edit') : t('questionnaires.detail.newVersion')}
                </h2>
                <div className="alert alert-info">
                  <p>
                    {data.editable
                      ? t('questionnaires.detail.editableText')
                      : t('questionnaires.detail.answeredText', {
                          version: data.currentVersion,
                          next: data.currentVersion + 1,
                        })}
                  </p>
                </div>
                <QuestionnaireForm
                  key={`${data.currentVersion}-${generation}`}
                  initial={draftFrom(data.definition)}
                  submitLabel={
                    data.editable
                      ? t('questionnaires.detail.save')
                      : t('questionnaires.detail.saveVersion', { next: data.currentVersion + 1 })
                  }
                  onSave={async (definition) => {
                    if (data.editable) {
                      await request<void>('PUT', path, { body: definition });
                      setSaved(t('questionnaires.detail.saved'));
                    } else {
                      const created = await api.post<{ version: number }>(`${path}/versions`, definition);
                      setSaved(t('questionnaires.detail.versionSaved', { version: created.version }));
                    }
                    setGeneration((g) => g + 1);
                    q.reload();
                  }}
                />
              </section>
            ) : (
              <div className="alert alert-info" role="status">
                <p>{t('questionnaires.detail.retiredText')}</p>
              </div>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
