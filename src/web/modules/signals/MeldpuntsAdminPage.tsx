import { useState } from 'react';
import { request } from '../../api.ts';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames, municipalityName } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { MunicipalityView, OrganisationView } from '../../types.ts';
import './signals.css';

/**
 * Platform admins name the organisation that runs a municipality's meldpunt,
 * when it is not the municipality's own organisation (the default).
 */
export function MeldpuntsAdminPage() {
  const t = useT();
  const municipalities = useResource<MunicipalityView[]>('/api/admin/municipalities');
  const organisations = useResource<OrganisationView[]>('/api/admin/organisations');
  const error = municipalities.error ?? organisations.error;
  return (
    <Page title={t('signals.admin.title')} intro={<p>{t('signals.admin.intro')}</p>}>
      {error ? <LoadError error={error} onRetry={municipalities.reload} /> : null}
      {municipalities.data && organisations.data ? (
        <MeldpuntForm municipalities={municipalities.data} organisations={organisations.data} />
      ) : error ? null : (
        <Loading />
      )}
    </Page>
  );
}

function MeldpuntForm({
  municipalities,
  organisations,
}: {
  municipalities: MunicipalityView[];
  organisations: OrganisationView[];
}) {
  const t = useT();
  const form = useApiForm();
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = useResource<{ organisation: { id: string; name: string } | null }>(
    municipalityId ? `/api/signals/meldpunts/${municipalityId}` : null,
  );
  const sorted = [...municipalities].sort((a, b) => compareNames(municipalityName(a), municipalityName(b)));
  const working = organisations
    .filter((o) => o.active && municipalityId !== null && o.municipalityIds.includes(municipalityId))
    .sort((a, b) => compareNames(a.name, b.name));
  return (
    <ApiForm
      className="form card"
      form={form}
      onSubmit={() => {
        setSaved(null);
        void form.run(async () => {
          await request<void>('PUT', `/api/signals/meldpunts/${municipalityId ?? ''}`, {
            body: { organisationId: organisationId ?? '' },
          });
          const municipality = sorted.find((m) => m.id === municipalityId);
          const organisation = working.find((o) => o.id === organisationId);
          setSaved(
            t('signals.admin.saved', {
              municipality: municipality ? municipalityName(municipality) : '',
              organisation: organisation?.name ?? '',
            }),
          );
          current.reload();
        });
      }}
    >
      <SuccessMessage message={saved} />
      <SelectField
        name="municipalityId"
        label={t('signals.admin.municipality')}
        options={sorted.map((m) => ({ id: m.id, label: municipalityName(m) }))}
        value={municipalityId}
        onChange={(id) => {
          setMunicipalityId(id);
          setOrganisationId(null);
        }}
        placeholder={t('signals.admin.choose')}
        isRequired
      />
      {municipalityId && current.data ? (
        <p>
          {current.data.organisation
            ? t('signals.admin.current', { organisation: current.data.organisation.name })
            : t('signals.admin.currentNone')}
        </p>
      ) : null}
      {municipalityId ? (
        working.length > 0 ? (
          <SelectField
            name="organisationId"
            label={t('signals.admin.organisation')}
            description={t('signals.admin.organisationHint')}
            options={working.map((o) => ({ id: o.id, label: o.name }))}
            value={organisationId}
            onChange={setOrganisationId}
            placeholder={t('signals.admin.choose')}
            isRequired
          />
        ) : (
          <p>{t('signals.admin.noOrganisations')}</p>
        )
      ) : null}
      <div className="actions">
        <SubmitButton isPending={form.pending}>{t('signals.admin.submit')}</SubmitButton>
      </div>
    </ApiForm>
  );
}
