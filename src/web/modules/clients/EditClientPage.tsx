import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useLocation, useParams } from 'wouter';
import type { UpdateClientBody } from '../../../contracts/clients.ts';
import { api, asApiError } from '../../api.ts';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { ClientFields, useRecordChoices } from './ClientFields.tsx';
import { renameFields } from './formErrors.ts';
import { clientName } from './labels.tsx';
import type { ClientDetail } from './types.ts';
import '../signals/signals.css';
import './clients.css';

/** Changes the record's own fields; the version read goes along, so nobody overwrites another's change unseen. */
export function EditClientPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const resource = useResource<ClientDetail>(`/api/clients/${id}`);
  return (
    <Page
      title={
        resource.data
          ? t('clients.edit.title', { name: clientName(resource.data) })
          : t('clients.detail.loadingTitle')
      }
    >
      <p>
        <Link href={`/clients/${id}`} className="link">
          {t('clients.edit.back')}
        </Link>
      </p>
      <Loaded resource={resource}>
        {(client) => <EditForm key={client.version} client={client} onReload={resource.reload} />}
      </Loaded>
    </Page>
  );
}

function EditForm({ client, onReload }: { client: ClientDetail; onReload: () => void }) {
  const t = useT();
  const [, navigate] = useLocation();
  const form = useApiForm();
  const record = useRecordChoices(client);
  const { age, place } = record.choices;
  const [conflict, setConflict] = useState(false);

  const submit = (values: Record<string, string>) => {
    const f = record.toFields(values);
    // An emptied field is removed (null); the place is only sent in the form it was given.
    const body: UpdateClientBody = {
      version: client.version,
      givenName: f.givenName,
      familyName: f.familyName ?? null,
      phone: f.phone ?? null,
      email: f.email ?? null,
      street: f.street ?? null,
      ...(place === 'postcode' ? { postcode: f.postcode } : { municipalityNis: f.municipalityNis }),
      birthDate: age === 'birthDate' ? (f.birthDate ?? null) : null,
      ageBand: age === 'ageBand' ? (f.ageBand ?? null) : null,
      household: f.household,
      languages: record.choices.languages,
    };
    setConflict(false);
    void form.run(async () => {
      try {
        await api.patch(`/api/clients/${client.id}`, body);
      } catch (error) {
        // Someone saved in between: their version must be read before this one can be saved.
        setConflict(asApiError(error).code === 'clients.version_conflict');
        throw renameFields(error, { municipalityNis: 'municipality' });
      }
      navigate(`/clients/${client.id}`);
    });
  };

  return (
    <ApiForm className="form card" form={form} onSubmit={submit}>
      {conflict ? (
        <p className="actions">
          <Button className="button button-secondary" onPress={onReload}>
            {t('clients.edit.reload')}
          </Button>
        </p>
      ) : null}
      <ClientFields state={record} />
      <div className="actions">
        <SubmitButton isPending={form.pending}>{t('clients.edit.submit')}</SubmitButton>
      </div>
    </ApiForm>
  );
}
