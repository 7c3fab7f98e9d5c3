import { lazy, Suspense } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { withQuery } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { Loading } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { type T, useT } from '../../i18n.ts';
import { vocab } from './labels.ts';
import type { SearchAnswer, SearchResult } from './types.ts';
import './directory.css';

const FILTERS = ['type', 'target_group', 'day', 'cost', 'accessibility'] as const;
const RADII = ['2', '5', '10', '25', '50'];
const PER_PAGE = 20;
// Leaflet is loaded only once there are results to show, so the finder's first paint stays small.
const ResultsMap = lazy(() => import('./ResultsMap.tsx'));

function Result({ r, t }: { r: SearchResult; t: T }) {
  return (
    <li className="card finder-result">
      <h3>
        <Link href={`/vinden/${r.id}`} className="link">
          {r.name}
        </Link>
      </h3>
      <p className="finder-meta">
        {vocab(t, 'type', r.type)}
        {r.distance_km !== null
          ? ` · ${t('directory.distance', { km: r.distance_km.toLocaleString() })}`
          : ''}
      </p>
      {r.next_occurrence ? (
        <p>{t('directory.next', { when: formatDateTime(r.next_occurrence.startsAt) })}</p>
      ) : null}
      {r.location ? <p>{r.location.address}</p> : null}
    </li>
  );
}

/** The public finder: free text, a place and filters; results with distance and next meeting. */
export function FinderPage() {
  const t = useT();
  const form = useApiForm();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const get = (k: string) => params.get(k) ?? '';
  const page = Number(get('page')) || 1;
  const radius = get('radius_km') || '10';
  // A shared link may carry a distance the list does not offer: it is offered too, in its place.
  const radii =
    RADII.includes(radius) || !/^\d+$/.test(radius)
      ? RADII
      : [...RADII, radius].sort((a, b) => Number(a) - Number(b));
  const go = (changes: Record<string, string>) => {
    const next = Object.fromEntries(params);
    navigate(withQuery('/vinden', { ...next, page: undefined, ...changes }));
  };
  const query = Object.fromEntries([...params].filter(([k]) => k !== 'page'));
  const result = useResource<SearchAnswer>(
    withQuery('/api/directory/search', { ...query, page, per_page: PER_PAGE }),
  );
  const facets = result.data?.facets ?? {};
  return (
    <Page title={t('directory.title')} intro={<p>{t('directory.intro')}</p>} wide>
      <ApiForm
        className="form card finder-form"
        form={form}
        onSubmit={(v) => go({ q: v.q ?? '', near: v.near ?? '' })}
      >
        <div className="finder-fields">
          <Field
            name="q"
            label={t('directory.q')}
            description={t('directory.qHint')}
            defaultValue={get('q')}
          />
          <Field
            name="near"
            label={t('directory.near')}
            description={t('directory.nearHint')}
            defaultValue={get('near')}
          />
          <SelectField
            label={t('directory.radius')}
            options={radii.map((km) => ({ id: km, label: t('directory.km', { km }) }))}
            value={radius}
            onChange={(v) => go({ radius_km: v })}
          />
        </div>
        <div className="actions">
          <SubmitButton>{t('directory.submit')}</SubmitButton>
        </div>
      </ApiForm>
      <div className="finder">
        <section className="finder-filters" aria-label={t('directory.filters')}>
          {FILTERS.map((f) => (
            <SelectField
              key={f}
              label={t(`directory.${f}`)}
              value={get(f)}
              onChange={(v) => go({ [f]: v })}
              options={[
                { id: '', label: t('directory.any') },
                ...Object.entries(facets[f] ?? {}).map(([code, count]) => ({
                  id: code,
                  label: t('directory.withCount', { label: vocab(t, f, code), count }),
                })),
              ]}
            />
          ))}
        </section>
        <section className="finder-results" aria-labelledby="finder-results-title">
          <h2 id="finder-results-title" aria-live="polite">
            {result.data ? t('directory.total', { count: result.data.total }) : t('directory.results')}
          </h2>
          {result.error ? (
            <div className="alert alert-error" role="alert">
              <p>{Object.values(result.error.fields)[0] ?? result.error.title}</p>
            </div>
          ) : null}
          {result.loading && !result.data ? <Loading /> : null}
          {result.data?.total === 0 ? <p>{t('directory.none')}</p> : null}
          {result.data?.results.length ? (
            <Suspense fallback={null}>
              <ResultsMap results={result.data.results} near={result.data.near} />
            </Suspense>
          ) : null}
          <ul className="finder-list">
            {(result.data?.results ?? []).map((r) => (
              <Result key={r.id} r={r} t={t} />
            ))}
          </ul>
          <nav className="actions" aria-label={t('directory.page', { page })}>
            {page > 1 ? (
              <Link className="link" href={withQuery('/vinden', { ...query, page: page - 1 })}>
                {t('directory.previous')}
              </Link>
            ) : null}
            {result.data && page * PER_PAGE < result.data.total ? (
              <Link className="link" href={withQuery('/vinden', { ...query, page: page + 1 })}>
                {t('directory.more')}
              </Link>
            ) : null}
          </nav>
          <p>
            <Link className="link" href="/sociale-kaart">
              {t('directory.map.listTitle')}
            </Link>
          </p>
        </section>
      </div>
    </Page>
  );
}
