import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { ApiError } from '../api.ts';
import { useT } from '../i18n.ts';
import type { Resource } from './useResource.ts';

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

/** A failed action's message (a role change, a button in a table); nothing when there is none. */
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
    </div>
  );
}

/** A loaded resource's content; while loading a spinner, after a failure the error and a retry. */
export function Loaded<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      {resource.error ? <LoadError error={resource.error} onRetry={resource.reload} /> : null}
      {resource.data !== undefined ? children(resource.data) : resource.loading ? <Loading /> : null}
    </>
  );
}
