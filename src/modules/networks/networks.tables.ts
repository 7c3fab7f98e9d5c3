import type { ColumnType } from 'kysely';
import type { NetworkMapDocument } from '../../contracts/networks.ts';

/** jsonb: read as the parsed document, written as JSON text. */
type Document = ColumnType<NetworkMapDocument, string, string>;
/** 'YYYY-MM-DD': select it with to_char(taken_on, 'YYYY-MM-DD') (pg parses a bare date into a local-time Date). */
type DateText = ColumnType<string, string, string>;

export interface NetworkMapsTable {
  organisation_id: string;
  client_id: string;
  document: Document;
  version: number;
  updated_at: Date;
  updated_by: string;
}

export interface NetworkSnapshotsTable {
  organisation_id: string;
  client_id: string;
  id: string;
  taken_on: DateText;
  label: string | null;
  document: Document;
  map_version: number;
  created_at: Date;
  created_by: string;
}

export interface NetworksTables {
  network_maps: NetworkMapsTable;
  network_snapshots: NetworkSnapshotsTable;
}
