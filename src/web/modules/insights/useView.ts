import { useResource } from '../../components/useResource.ts';
import { insightsQuery } from './query.ts';
import type { Filters } from './types.ts';

/** One view of the dashboard with the current filters; a change of filter fetches again. */
export function useView<T>(view: string, filters: Filters) {
  return useResource<T>(`/api/insights/${view}?${insightsQuery(filters)}`);
}
