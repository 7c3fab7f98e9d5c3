import { Cell, Row } from 'react-aria-components';
import { api } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { MunicipalityView, RegionView } from '../../types.ts';

export function RegionsPage() {
  const t = useT();
  const regions = useResource<RegionView[]>('/api/admin/regions');
  const municipalities = useResource<MunicipalityView[]>('/api/admin/municipalities');
  const form = useApiForm();
  const count = (regionId: string) => municipalities.data?.filter((m) => m.regionId === regionId).length ?? 0;
  const sorted = [...(regions.data ?? [])].sort((a, b) => compareNames(a.name, b.name));
  return (
    <Page title={t('regions.title')} intro={<p>{t('regions.intro')}</p>}>
      <div className="stack">
        <section className="card" aria-labelledby="regions-list">
          <h2 id="regions-list">{t('regions.listTitle')}</h2>
          <Loaded resource={regions}>
            {() => (
              <DataTable
                label={t('regions.listTitle')}
                columns={[t('regions.name'), t('regions.municipalityCount')]}
                items={sorted}
                empty={t('regions.empty')}
                dependencies={[municipalities.data]}
              >
                {(region) => (
                  <Row id={region.id}>
                    <Cell>{region.name}</Cell>
                    <Cell>{count(region.id)}</Cell>
                  </Row>
                )}
              </DataTable>
            )}
          </Loaded>
        </section>
        <section className="card" aria-labelledby="regions-new">
          <h2 id="regions-new">{t('regions.newTitle')}</h2>
          <ApiForm
            className="form"
            form={form}
            onSubmit={(values, formElement) => {
              const { name = '' } = values;
              void form.run(async () => {
                await api.post<RegionView>('/api/admin/regions', { name });
                formElement.reset();
                regions.reload();
              });
            }}
          >
            <Field name="name" label={t('regions.name')} description={t('regions.nameHint')} isRequired />
            <div className="actions">
              <SubmitButton isPending={form.pending}>{t('regions.create')}</SubmitButton>
            </div>
          </ApiForm>
        </section>
      </div>
    </Page>
  );
}
