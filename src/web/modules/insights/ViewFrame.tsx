import type { ReactNode } from 'react';
import { LoadError, Loading } from '../../components/Status.tsx';
import type { Resource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { HiddenLegend } from './CellValue.tsx';
import { monthLabel } from './format.ts';
import type { Scope } from './types.ts';

/** Loading, a failure, or the view with what it counts and what "verborgen" means. */
export function ViewFrame<T extends { scope: Scope }>({
  resource,
  children,
  hides = true,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
  /** False for figures about initiatives, which are never hidden. */
  hides?: boolean;
}) {
  const t = useT();
  if (resource.error) return <LoadError error={resource.error} onRetry={resource.reload} />;
  if (!resource.data) return <Loading />;
  const { scope } = resource.data;
  return (
    <div className="insights-view" aria-busy={resource.loading}>
      <p className="insights-scope">
        {t('insights.scope', {
          places: scope.municipalities.map((m) => m.name).join(', ') || '–',
          from: monthLabel(scope.from),
          to: monthLabel(scope.to),
        })}
      </p>
      {hides ? <HiddenLegend threshold={scope.threshold} /> : null}
      {children(resource.data)}
    </div>
  );
}
