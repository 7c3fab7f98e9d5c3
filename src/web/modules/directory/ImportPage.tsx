import { useState } from 'react';
import { Button, FileTrigger, Label, Text } from 'react-aria-components';
import { Link } from 'wouter';
import { ApiError, api, asApiError } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { Empty, ErrorAlert, Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { municipalityName } from '../../format.ts';
import { type T, useT } from '../../i18n.ts';
import './directory.css';

interface ImportOptions {
  organisations: {
    id: string;
    name: string;
    municipalities: { nisCode: string; nameNl: string; nameFr: string }[];
  }[];
}

interface Counts {
  created: number;
  updated: number;
}

/** After "Nakijken" or "Importeren": the counts, or what is wrong with the file. */
type Outcome =
  | { kind: 'checked'; counts: Counts }
  | { kind: 'imported'; counts: Counts }
  | { kind: 'problems'; title: string; items: [string, string][] }
  | { kind: 'failed'; message: string };

interface ChosenFile {
  name: string;
  data: unknown;
}

/** Reads the chosen file in the browser: the server gets the JSON, never a file upload. */
async function readJson(file: File, t: T): Promise<ChosenFile> {
  try {
    return { name: file.name, data: JSON.parse(await file.text()) };
  } catch {
    throw new Error(t('directoryImport.notJson', { name: file.name }));
  }
}

/** Coordinators bring in initiatives from an HSDS JSON file: check first, then import. */
export function ImportPage() {
  const t = useT();
  const options = useResource<ImportOptions>('/api/directory/manage/import/options');
  return (
    <Page
      title={t('directoryImport.title')}
      intro={
        <>
          <p>{t('directoryImport.intro')}</p>
          <p>{t('directoryImport.cliNote')}</p>
        </>
      }
    >
      <Loaded resource={options}>
        {(o) =>
          o.organisations.length === 0 ? (
            <Empty>{t('directoryImport.nothingToManage')}</Empty>
          ) : (
            <ImportForm t={t} options={o} />
          )
        }
      </Loaded>
      <p>
        <Link href="/initiatieven" className="link">
          {t('directoryImport.backToList')}
        </Link>
      </p>
    </Page>
  );
}

function ImportForm({ t, options }: { t: T; options: ImportOptions }) {
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [nisCode, setNisCode] = useState<string | null>(null);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);
  const org = options.organisations.find((x) => x.id === organisationId) ?? options.organisations[0];
  const places = (org?.municipalities ?? []).map((m) => ({ id: m.nisCode, label: municipalityName(m) }));
  const place = places.find((p) => p.id === nisCode) ?? places[0];

  const choose = async (files: FileList | null) => {
    const picked = files?.[0];
    setOutcome(null);
    if (!picked) return;
    try {
      setFile(await readJson(picked, t));
      setFileError(null);
    } catch (e) {
      setFile(null);
      setFileError((e as Error).message);
    }
  };

  const send = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('directoryImport.chooseFirst'));
      return;
    }
    if (!org || !place) return;
    setPending(true);
    try {
      const counts = await api.post<Counts>('/api/directory/manage/import', {
        municipalityNis: place.id,
        organisationId: org.id,
        dryRun,
        data: file.data,
      });
      setOutcome({ kind: dryRun ? 'checked' : 'imported', counts });
    } catch (e) {
      const error = asApiError(e);
      setOutcome(
        error instanceof ApiError && error.status === 400
          ? { kind: 'problems', title: error.title, items: Object.entries(error.fields) }
          : { kind: 'failed', message: error.title },
      );
    } finally {
      setPending(false);
    }
  };

  const changed = () => setOutcome(null);
  return (
    <div className="stack">
      <SelectField
        label={t('directoryImport.organisation')}
        options={options.organisations.map((x) => ({ id: x.id, label: x.name }))}
        value={org?.id ?? null}
        onChange={(id) => {
          setOrganisationId(id);
          setNisCode(null);
          changed();
        }}
      />
      <SelectField
        label={t('directoryImport.municipality')}
        description={t('directoryImport.municipalityHint')}
        options={places}
        value={place?.id ?? null}
        onChange={(id) => {
          setNisCode(id);
          changed();
        }}
      />
      <div className="field">
        <Label className="field-label" id="import-file-label">
          {t('directoryImport.file')}
        </Label>
        <Text className="field-description" id="import-file-hint">
          {t('directoryImport.fileHint')}
        </Text>
        <FileTrigger
          acceptedFileTypes={['.json', 'application/json']}
          onSelect={(files) => void choose(files)}
        >
          <Button
            className="button button-secondary"
            aria-describedby="import-file-hint import-file-name"
            aria-labelledby="import-file-label import-file-button"
            id="import-file-button"
          >
            {t('directoryImport.chooseFile')}
          </Button>
        </FileTrigger>
        <p id="import-file-name">
          {file ? t('directoryImport.chosenFile', { name: file.name }) : t('directoryImport.noFile')}
        </p>
      </div>
      <ErrorAlert message={fileError} />
      <p>
        <Button className="button button-primary" isDisabled={pending} onPress={() => void send(true)}>
          {t('directoryImport.check')}
        </Button>
      </p>
      <Report t={t} outcome={outcome} pending={pending} onImport={() => void send(false)} />
    </div>
  );
}

function Report({
  t,
  outcome,
  pending,
  onImport,
}: {
  t: T;
  outcome: Outcome | null;
  pending: boolean;
  onImport: () => void;
}) {
  if (!outcome) return <div role="status" className="visually-hidden" />;
  if (outcome.kind === 'failed') return <ErrorAlert message={outcome.message} />;
  if (outcome.kind === 'imported')
    return (
      <div className="alert alert-success" role="status">
        <p>{t('directoryImport.done', { ...outcome.counts })}</p>
      </div>
    );
  if (outcome.kind === 'problems')
    return (
      <section className="alert alert-error" role="alert" aria-labelledby="import-problems">
        <h2 id="import-problems">{t('directoryImport.problemsTitle')}</h2>
        <p>{outcome.title}</p>
        <p>{t('directoryImport.problemsIntro')}</p>
        <ul>
          {outcome.items.map(([where, message]) => (
            <li key={where}>
              <strong>{where}</strong>: {message}
            </li>
          ))}
        </ul>
      </section>
    );
  const total = outcome.counts.created + outcome.counts.updated;
  return (
    <section className="card" aria-labelledby="import-report">
      <h2 id="import-report">{t('directoryImport.reportTitle')}</h2>
      <p role="status">
        {total === 0
          ? t('directoryImport.reportNothing')
          : t('directoryImport.reportOk', { ...outcome.counts })}
      </p>
      {total > 0 ? (
        <Button className="button button-primary" isDisabled={pending} onPress={onImport}>
          {t('directoryImport.import')}
        </Button>
      ) : null}
    </section>
  );
}
