import { Cell, Row } from 'react-aria-components';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { ACTIVE_ELEMENTS, EVIDENCE_LEVELS, SERVICE_TYPES } from '../../../contracts/directory-vocabulary.ts';
import { withQuery } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { municipalityName } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { vocab } from './labels.ts';
import type { Entry } from './types.ts';
import './directory.css';

interface Practice {
  id: string;
  name: string;
  type: string;
  evidenceLevel: string;
  activeElements: string[];
  goal: string | null;
  municipality: { nl: string; fr: string } | null;
}

/** Good practices for professionals: browse by type, evidence level and active element. */
export function PracticesPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const get = (k: string) => params.get(k) ?? '';
  const go = (k: string, v: string) =>
    navigate(withQuery('/goede-praktijken', { ...Object.fromEntries(params), [k]: v }));
  const list = useResource<{ items: Practice[]; total: number }>(
    withQuery('/api/directory/practices', { ...Object.fromEntries(params), per_page: 50 }),
  );
  const any = { id: '', label: t('directory.any') };
  return (
    <Page title={t('directory.practices.title')} intro={<p>{t('directory.practices.intro')}</p>} wide>
      <p>
        <Link href="/goede-praktijken/overzicht" className="link">
          {t('directory.matrix.title')}
        </Link>
      </p>
      <div className="finder-fields card">
        <SelectField
          label={t('directory.type')}
          value={get('type')}
          onChange={(v) => go('type', v)}
          options={[any, ...SERVICE_TYPES.map((id) => ({ id, label: vocab(t, 'type', id) }))]}
        />
        <SelectField
          label={t('directory.practices.evidence')}
          value={get('evidence_level')}
          onChange={(v) => go('evidence_level', v)}
          options={[
            any,
            ...EVIDENCE_LEVELS.map((id) => ({ id, label: t(`directory.practices.levels.${id}`) })),
          ]}
        />
        <SelectField
          label={t('directory.practices.element')}
          value={get('active_element')}
          onChange={(v) => go('active_element', v)}
          options={[
            any,
            ...ACTIVE_ELEMENTS.map((id) => ({ id, label: t(`directory.practices.elements.${id}`) })),
          ]}
        />
      </div>
      <Loaded resource={list}>
        {(l) => (
          <>
            <h2>{t('directory.total', { count: l.total })}</h2>
            <ul className="finder-list">
              {l.items.map((p) => (
                <li key={p.id} className="card finder-result">
                  <h3>
                    <Link href={`/goede-praktijken/${p.id}`} className="link">
                      {p.name}
                    </Link>
                  </h3>
                  <p className="finder-meta">
                    {vocab(t, 'type', p.type)}
                    {p.municipality
                      ? ` · ${municipalityName({ nameNl: p.municipality.nl, nameFr: p.municipality.fr })}`
                      : ''}
                    {` · ${t(`directory.practices.levels.${p.evidenceLevel}`)}`}
                  </p>
                  {p.goal ? <p>{p.goal}</p> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </Page>
  );
}

/** One good practice: everything another municipality needs to start the same. */
export function PracticePage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const entry = useResource<Entry>(`/api/directory/entries/${encodeURIComponent(id)}`);
  const parts = ['goal', 'approach', 'reach', 'costs', 'results', 'contactForMunicipalities'] as const;
  return (
    <Loaded resource={entry}>
      {(e) => (
        <Page title={e.name} intro={<p>{vocab(t, 'type', e.type)}</p>}>
          {e.description ? <p className="entry-description">{e.description}</p> : null}
          {parts.map((k) =>
            e.goodPractice[k] ? (
              <section key={k} className="card" aria-labelledby={`practice-${k}`}>
                <h2 id={`practice-${k}`}>{t(`directory.practices.parts.${k}`)}</h2>
                <p>{e.goodPractice[k]}</p>
              </section>
            ) : null,
          )}
          <section className="card" aria-labelledby="practice-elements">
            <h2 id="practice-elements">{t('directory.practices.element')}</h2>
            <ul>
              {e.activeElements.map((a) => (
                <li key={a}>{t(`directory.practices.elements.${a}`)}</li>
              ))}
            </ul>
            <h3>{t('directory.practices.evidence')}</h3>
            <p>
              {t(`directory.practices.levels.${e.evidenceLevel}`)}
              {e.evidenceSource ? ` — ${e.evidenceSource}` : ''}
            </p>
          </section>
          <p>
            <Link href={`/vinden/${e.id}`} className="link">
              {t('directory.practices.publicPage')}
            </Link>
          </p>
        </Page>
      )}
    </Loaded>
  );
}

interface Matrix {
  types: string[];
  municipalities: { nisCode: string; nameNl: string; nameFr: string; counts: Record<string, number> }[];
}

/** The region matrix: which kinds of initiative exist in which municipality, and where none does. */
export function MatrixPage() {
  const t = useT();
  const matrix = useResource<Matrix>('/api/directory/matrix');
  return (
    <Page title={t('directory.matrix.title')} intro={<p>{t('directory.matrix.intro')}</p>} wide>
      <Loaded resource={matrix}>
        {(m) => (
          <DataTable
            label={t('directory.matrix.title')}
            columns={[t('directory.matrix.municipality'), ...m.types.map((type) => vocab(t, 'type', type))]}
            items={m.municipalities.map((row) => ({ ...row, id: row.nisCode }))}
            empty={t('directory.none')}
            compact
          >
            {(row) => (
              <Row id={row.id}>
                <Cell>{municipalityName(row)}</Cell>
                {m.types.map((type) => (
                  <Cell key={type}>
                    {row.counts[type] ? (
                      String(row.counts[type])
                    ) : (
                      <span className="matrix-none">{t('directory.matrix.none')}</span>
                    )}
                  </Cell>
                ))}
              </Row>
            )}
          </DataTable>
        )}
      </Loaded>
    </Page>
  );
}
