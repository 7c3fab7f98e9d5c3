import { Link, useLocation, useSearch } from 'wouter';
import { useT } from '../i18n.ts';

/** The page number from ?page=, at least 1. */
export function usePageParam(): number {
  const search = useSearch();
  const page = Number(new URLSearchParams(search).get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

function hrefFor(path: string, search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page === 1) params.delete('page');
  else params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Previous / next links that keep the other query parameters; the page lives in the URL. */
export function Pager({ page, perPage, total }: { page: number; perPage: number; total: number }) {
  const t = useT();
  const search = useSearch();
  const [path] = useLocation();
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (total === 0) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      {page > 1 ? (
        <Link href={hrefFor(path, search, page - 1)} className="button button-secondary" rel="prev">
          {t('pager.previous')}
        </Link>
      ) : (
        <span className="pager-spacer" />
      )}
      <p className="pager-status">{t('pager.status', { page, pages, total })}</p>
      {page < pages ? (
        <Link href={hrefFor(path, search, page + 1)} className="button button-secondary" rel="next">
          {t('pager.next')}
        </Link>
      ) : (
        <span className="pager-spacer" />
      )}
    </nav>
  );
}
