import { Button } from 'react-aria-components';
import type { ApiError } from '../api.ts';
import { useT } from '../i18n.ts';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('status.loading')}
    </p>
  );
}

/** A page's data could not be loaded: the server's own words, and a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.title}</p>
      {onRetry ? (
        <Button className="button button-secondary" onPress={onRetry}>
          {t('status.retry')}
        </Button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return <p className="empty">{children}</p>;
}
