import type { z } from 'zod';
import type { clientDetailView } from '../../../contracts/clients.ts';
import type { NetworkMapDocument } from '../../../contracts/networks.ts';
import {
  type AnalysisView,
  type CompareView,
  type CreateSnapshotBody,
  type NetworkMapView,
  networkVersionConflictProblem,
  type SnapshotSummaryView,
  type SnapshotView,
  type SuggestionsView,
} from '../../../contracts/networks-api.ts';
import { ApiError, api, request, withQuery } from '../../api.ts';

export type { AnalysisView, CompareView, NetworkMapView, SnapshotSummaryView, SnapshotView, SuggestionsView };
export type ClientDetail = z.infer<typeof clientDetailView>;

/** The paths of one client's network map. */
export function networkPaths(clientId: string) {
  const base = `/api/clients/${encodeURIComponent(clientId)}/network`;
  const source = (snapshot?: string) => (snapshot && snapshot !== 'current' ? { snapshot } : {});
  return {
    client: `/api/clients/${encodeURIComponent(clientId)}`,
    map: base,
    snapshots: `${base}/snapshots`,
    snapshot: (id: string) => `${base}/snapshots/${encodeURIComponent(id)}`,
    compare: (from: string, to: string) => withQuery(`${base}/compare`, { from, to }),
    analysis: (snapshot?: string) => withQuery(`${base}/analysis`, source(snapshot)),
    suggestions: `${base}/suggestions`,
    ecogramSvg: (snapshot?: string) => withQuery(`${base}/ecogram.svg`, source(snapshot)),
    genogramSvg: (snapshot?: string) => withQuery(`${base}/genogram.svg`, source(snapshot)),
    // The PDF is the whole map, beside the map's own address rather than under it.
    pdf: (snapshot?: string) => withQuery(`${base}.pdf`, source(snapshot)),
  };
}

export type SaveResult =
  | { kind: 'saved'; version: number; updatedAt: string }
  /** Someone saved in between: their map as it is saved now. */
  | { kind: 'conflict'; current: NetworkMapView };

/**
 * Saves the map from the version the edit started from. A 409 is not an error to show but a
 * situation to resolve: the problem carries the map as it is saved now (`current`, read by
 * the server right after it refused the save), so there is no second request to wait for.
 */
export async function saveMap(
  clientId: string,
  document: NetworkMapDocument,
  version: number,
): Promise<SaveResult> {
  const paths = networkPaths(clientId);
  try {
    const saved = await request<{ version: number; updatedAt: string }>('PUT', paths.map, {
      body: { document, version },
    });
    return { kind: 'saved', version: saved.version, updatedAt: saved.updatedAt };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const problem = networkVersionConflictProblem.safeParse(error.body);
      if (problem.success) return { kind: 'conflict', current: problem.data.current };
    }
    // Any other answer (a conflict without its map included) is an error to show, not to guess around.
    throw error;
  }
}

export function createSnapshot(clientId: string, body: CreateSnapshotBody) {
  return api.post<SnapshotSummaryView>(networkPaths(clientId).snapshots, body);
}
