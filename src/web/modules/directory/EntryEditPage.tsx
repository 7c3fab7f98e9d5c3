import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useLocation, useParams } from 'wouter';
import { api, request } from '../../api.ts';
import { useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert, Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { municipalityName } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { EntryForm } from './EntryForm.tsx';
import { EntryDetails } from './EntryPage.tsx';
import type { EditorOptions, ManagedEntry } from './types.ts';
import './directory.css';

const REGION_WIDE = 'region';

/** A new entry: for which organisation and municipality, then what it is. It starts as a draft. */
export function NewEntryPage() {
  const t = useT();
  const form = useApiForm();
  const [, navigate] = useLocation();
  const scope = useResource<EditorOptions>('/api/directory/manage/scope');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  return (
    <Page title={t('directory.editor.newTitle')} intro={<p>{t('directory.editor.newIntro')}</p>}>
      <Loaded resource={scope}>
        {(o) => {
          const org = o.organisations.find((x) => x.id === organisationId) ?? o.organisations[0];
          const places = [
            ...(org?.municipalities ?? []).map((m) => ({ id: m.id, label: municipalityName(m) })),
            ...(org?.mayCreateRegionWide
              ? [{ id: REGION_WIDE, label: t('directory.editor.regionWide') }]
              : []),
          ];
          const place = places.find((p) => p.id === municipalityId) ?? places[0];
          return (
            <EntryForm
              t={t}
              form={form}
              submitLabel={t('directory.editor.create')}
              before={
                <>
                  <SelectField
                    label={t('directory.editor.organisation')}
                    options={o.organisations.map((x) => ({ id: x.id, label: x.name }))}
                    value={org?.id ?? null}
                    onChange={setOrganisationId}
                  />
                  <SelectField
                    name="municipalityId"
                    label={t('directory.editor.municipality')}
                    options={places}
                    value={place?.id ?? null}
                    onChange={setMunicipalityId}
                  />
                </>
              }
              onSubmit={(payload) =>
                void form.run(async () => {
                  const { id } = await api.post<{ id: string }>('/api/directory/manage/entries', {
                    ...payload,
                    organisationId: org?.id,
                    municipalityId: place?.id === REGION_WIDE ? null : place?.id,
                  });
                  navigate(`/initiatieven/${id}`);
                })
              }
            />
          );
        }}
      </Loaded>
    </Page>
  );
}

/** One entry for its editors: status and actions, the form, and a preview of the public page. */
export function EditEntryPage() {
  const t = useT();
  const form = useApiForm();
  const { id } = useParams<{ id: string }>();
  const entry = useResource<ManagedEntry>(`/api/directory/manage/entries/${encodeURIComponent(id)}`);
  const [actionError, setActionError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const act = (action: 'publish' | 'archive' | 'reopen' | 'assure') => {
    setActionError(null);
    api
      .post(`/api/directory/manage/entries/${id}/${action}`)
      .then(entry.reload, (e: Error) => setActionError(e.message));
  };
  return (
    <Loaded resource={entry}>
      {(e) => (
        <Page title={e.name} intro={<p>{t(`directory.editor.statusLine.${e.status}`)}</p>}>
          <div className="actions">
            {e.mayPublish && e.status !== 'published' ? (
              <Button className="button button-primary" onPress={() => act('publish')}>
                {t('directory.editor.publish')}
              </Button>
            ) : null}
            {e.mayPublish && e.status !== 'archived' ? (
              <Button className="button button-secondary" onPress={() => act('archive')}>
                {t('directory.editor.archive')}
              </Button>
            ) : null}
            <Button className="button button-secondary" onPress={() => act('assure')}>
              {t('directory.editor.assure')}
            </Button>
            {e.status === 'published' ? (
              <Link href={`/vinden/${e.id}`} className="link">
                {t('directory.editor.viewPublic')}
              </Link>
            ) : null}
          </div>
          <ErrorAlert message={actionError} />
          {saved ? (
            <p role="status" className="alert alert-success">
              {t('directory.editor.saved')}
            </p>
          ) : null}
          <EntryForm
            key={e.version}
            t={t}
            form={form}
            initial={e}
            submitLabel={t('directory.editor.save')}
            onSubmit={(payload) =>
              void form.run(async () => {
                setSaved(false);
                await request('PUT', `/api/directory/manage/entries/${id}`, { body: payload });
                setSaved(true);
                entry.reload();
              })
            }
          />
          <section className="editor-preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{t('directory.editor.preview')}</h2>
            <p>{t('directory.editor.previewIntro')}</p>
            <EntryDetails e={e} t={t} headingLevel={3} />
          </section>
          <p>
            <Link href="/initiatieven" className="link">
              {t('directory.editor.backToList')}
            </Link>
          </p>
        </Page>
      )}
    </Loaded>
  );
}
