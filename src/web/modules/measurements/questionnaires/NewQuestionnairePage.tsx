import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../../api.ts';
import { Page } from '../../../components/Page.tsx';
import { SelectField } from '../../../components/selects.tsx';
import { useT } from '../../../i18n.ts';
import { useSession } from '../../../session.tsx';
import { emptyDraft } from './draft.ts';
import { QuestionnaireForm } from './QuestionnaireForm.tsx';
import './questionnaires.css';

/** A coordinator writes a new questionnaire for one of their organisations. */
export function NewQuestionnairePage() {
  const t = useT();
  const [, navigate] = useLocation();
  const { session } = useSession();
  const organisations = (session?.memberships ?? []).filter((m) => m.effective && m.role === 'coordinator');
  const [organisationId, setOrganisationId] = useState(organisations[0]?.organisationId ?? '');
  return (
    <Page
      title={t('questionnaires.builder.newTitle')}
      intro={<p>{t('questionnaires.builder.pageIntro')}</p>}
      wide
    >
      <p>
        <Link href="/vragenlijsten" className="link">
          {t('questionnaires.builder.back')}
        </Link>
      </p>
      <QuestionnaireForm
        initial={emptyDraft()}
        submitLabel={t('questionnaires.builder.create')}
        before={
          organisations.length > 1 ? (
            <SelectField
              name="organisationId"
              label={t('questionnaires.builder.organisation')}
              options={organisations.map((m) => ({ id: m.organisationId, label: m.organisationName }))}
              value={organisationId}
              onChange={setOrganisationId}
              isRequired
            />
          ) : null
        }
        onSave={async (definition) => {
          const created = await api.post<{ id: string }>('/api/questionnaires', {
            organisationId,
            ...definition,
          });
          navigate(`/vragenlijsten/${created.id}?bewaard=nieuw`);
        }}
      />
    </Page>
  );
}
