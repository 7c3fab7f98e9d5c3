import { EMPTY_NETWORK_MAP, type NetworkMapDocument } from '../../contracts/networks.ts';
import type {
  MapSourceView,
  NetworkMapView,
  SnapshotSummaryView,
  SnapshotView,
} from '../../contracts/networks-api.ts';
import type { MapRow, SnapshotRow } from './networks.repository.ts';

const actor = (id: string, name: string | null) => (name === null ? null : { id, name });

export function countsOf(doc: NetworkMapDocument) {
  return {
    members: doc.ecogram.members.length,
    ties: doc.ecogram.ties.length,
    people: doc.genogram.people.length,
    cards: doc.strengths.cards.length,
  };
}

/** The current map, or the empty map at version 0 before the first save. */
export function presentMap(row: MapRow | undefined): NetworkMapView {
  if (!row) return { document: EMPTY_NETWORK_MAP, version: 0, updatedAt: null, updatedBy: null };
  return {
    document: row.document,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: actor(row.updated_by, row.updated_by_name),
  };
}

type SummaryRow = Omit<SnapshotRow, 'document'> & {
  counts: ReturnType<typeof countsOf>;
};

export const presentSnapshotSummary = (row: SummaryRow): SnapshotSummaryView => ({
  id: row.id,
  takenOn: row.taken_on,
  label: row.label,
  mapVersion: row.map_version,
  createdAt: row.created_at.toISOString(),
  createdBy: actor(row.created_by, row.created_by_name),
  counts: row.counts,
});

export const presentSnapshot = (row: SnapshotRow): SnapshotView => ({
  ...presentSnapshotSummary({ ...row, counts: countsOf(row.document) }),
  document: row.document,
});

/** A map as a source of an answer: the current map or a snapshot. */
export type LoadedMap =
  | { kind: 'current'; document: NetworkMapDocument; version: number; updatedAt: string | null }
  | { kind: 'snapshot'; document: NetworkMapDocument; row: SnapshotRow };

export function presentSource(map: LoadedMap): MapSourceView {
  const counts = countsOf(map.document);
  if (map.kind === 'current')
    return { kind: 'current', id: null, takenOn: null, label: null, version: map.version, counts };
  return {
    kind: 'snapshot',
    id: map.row.id,
    takenOn: map.row.taken_on,
    label: map.row.label,
    version: map.row.map_version,
    counts,
  };
}
