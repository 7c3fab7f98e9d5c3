import { useState } from 'react';
import type { z } from 'zod';
import type { serviceLevelsView } from '../../../contracts/signals.ts';
import { request } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { MeldpuntChoice } from './MeldpuntChoice.tsx';
import './signals.css';

type ServiceLevels = z.infer<typeof serviceLevelsView>;

/** The meldpunt coordinators set how fast their meldpunt answers, in Belgian working days. */
export function ServiceLevelsPage() {
  const t = useT();
  return (
    <Page title={t('signals.levels.title')} intro={<p>{t('signals.levels.intro')}</p>}>
      <MeldpuntChoice>
        {(municipalityId) => <LevelsForm key={municipalityId} municipalityId={municipalityId} />}
      </MeldpuntChoice>
    </Page>
  );
}

function LevelsForm({ municipalityId }: { municipalityId: string }) {
  const t = useT();
  const path = `/api/signals/service-levels/${municipalityId}`;
  const resource = useResource<ServiceLevels>(path);
  const form = useApiForm();
  const [saved, setSaved] = useState<string | null>(null);
  const number = (value: string | undefined) => (value?.trim() ? Number(value) : Number.NaN);
  return (
    <Loaded resource={resource}>
      {(levels) => (
        <ApiForm
          className="form card"
          form={form}
          onSubmit={(values) => {
            setSaved(null);
            void form.run(async () => {
              const next = await request<ServiceLevels>('PUT', path, {
                body: {
                  triageWorkingDays: number(values.triageWorkingDays),
                  contactWorkingDays: number(values.contactWorkingDays),
                  retentionMonths: number(values.retentionMonths),
                },
              });
              resource.setData(next);
              setSaved(t('signals.levels.saved'));
            });
          }}
        >
          <SuccessMessage message={saved} />
          <Field
            name="triageWorkingDays"
            label={t('signals.levels.triage')}
            description={t('signals.levels.triageHint')}
            defaultValue={String(levels.triageWorkingDays)}
            inputMode="numeric"
            type="number"
            isRequired
            inputClassName="signals-number"
          />
          <Field
            name="contactWorkingDays"
            label={t('signals.levels.contact')}
            description={t('signals.levels.contactHint')}
            defaultValue={String(levels.contactWorkingDays)}
            inputMode="numeric"
            type="number"
            isRequired
            inputClassName="signals-number"
          />
          <Field
            name="retentionMonths"
            label={t('signals.levels.retention')}
            description={t('signals.levels.retentionHint')}
            defaultValue={String(levels.retentionMonths)}
            inputMode="numeric"
            type="number"
            isRequired
            inputClassName="signals-number"
          />
          <div className="actions">
            <SubmitButton isPending={form.pending}>{t('signals.levels.submit')}</SubmitButton>
          </div>
        </ApiForm>
      )}
    </Loaded>
  );
}
