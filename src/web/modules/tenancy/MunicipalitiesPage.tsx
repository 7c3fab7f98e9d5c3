import { useState } from 'react';
import { Cell, Row } from 'react-aria-components';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames, municipalityName } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { GazetteerMunicipality, MunicipalityView, RegionView } from '../../types.ts';
import { MunicipalityPicker } from './MunicipalityPicker.tsx';

function AddMunicipality({ regions, onAdded }: { regions: RegionView[]; onAdded: () => void }) {
  const t = useT();
  const form = useApiForm();
  const [regionId, setRegionId] = useState<string | null>(regions[0]?.id ?? null);
  const [picked, setPicked] = useState<GazetteerMunicipality | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <ApiForm
      className="form"
      form={form}
      onSubmit={() => {
        setSaved(null);
        void form.run(async () => {
          const created = await api.post<MunicipalityView>('/api/admin/municipalities', {
            regionId: regionId ?? '',
            nisCode: picked?.nisCode ?? '',
          });
          setPicked(null);
          setPickerKey((k) => k + 1);
          setSaved(t('municipalities.added', { name: municipalityName(created) }));
          onAdded();
        });
      }}
    >
      <SuccessMessage message={saved} />
      <SelectField
        name="regionId"
        label={t('municipalities.region')}
        options={regions.map((r) => ({ id: r.id, label: r.name }))}
        value={regionId}
        onChange={setRegionId}
        placeholder={t('form.choose')}
        isRequired
      />
      <MunicipalityPicker key={pickerKey} value={picked?.nisCode ?? null} onChange={setPicked} />
      <div className="actions">
        <SubmitButton isPending={form.pending}>{t('municipalities.add')}</SubmitButton>
      </div>
    </ApiForm>
  );
}

export function MunicipalitiesPage() {
  const t = useT();
  const municipalities = useResource<MunicipalityView[]>('/api/admin/municipalities');
  const regions = useResource<RegionView[]>('/api/admin/regions');
  const regionName = (id: string) => regions.data?.find((r) => r.id === id)?.name ?? '';
  const sorted = [...(municipalities.data ?? [])].sort((a, b) =>
    compareNames(municipalityName(a), municipalityName(b)),
  );
  const error = municipalities.error ?? regions.error;
  return (
    <Page title={t('municipalities.title')} intro={<p>{t('municipalities.intro')}</p>}>
      <div className="stack">
        {error ? <LoadError error={error} onRetry={municipalities.reload} /> : null}
        <section className="card" aria-labelledby="municipalities-new">
          <h2 id="municipalities-new">{t('municipalities.newTitle')}</h2>
          {regions.data ? (
            regions.data.length === 0 ? (
              <p>
                {t('municipalities.needRegion')}{' '}
                <Link href="/admin/regions" className="link">
                  {t('admin.nav.regions')}
                </Link>
              </p>
            ) : (
              <AddMunicipality regions={regions.data} onAdded={municipalities.reload} />
            )
          ) : (
            <Loading />
          )}
        </section>
        <section className="card" aria-labelledby="municipalities-list">
          <h2 id="municipalities-list">{t('municipalities.listTitle')}</h2>
          {municipalities.data ? (
            <DataTable
              label={t('municipalities.listTitle')}
              columns={[t('municipalities.name'), t('municipalities.nisCode'), t('municipalities.region')]}
              items={sorted}
              empty={t('municipalities.empty')}
              dependencies={[regions.data]}
            >
              {(m) => (
                <Row id={m.id}>
                  <Cell>
                    <span className="cell-main">{municipalityName(m)}</span>
                    {m.nameNl !== m.nameFr ? (
                      <span className="cell-sub">
                        {municipalityName(m) === m.nameNl ? m.nameFr : m.nameNl}
                      </span>
                    ) : null}
                  </Cell>
                  <Cell>{m.nisCode}</Cell>
                  <Cell>{regionName(m.regionId)}</Cell>
                </Row>
              )}
            </DataTable>
          ) : municipalities.loading ? (
            <Loading />
          ) : null}
        </section>
      </div>
    </Page>
  );
}
