import type { ClientDataProvider } from '../clients/clients.models.ts';
import { findMap, listSnapshotsWithDocuments } from './networks.repository.ts';

/**
 * The networks module's part of a person's access request (GDPR art. 15):
 * the current map and every snapshot, whole. Erasure needs nothing here:
 * both tables cascade from the client record.
 */
export const networksClientData: ClientDataProvider = {
  key: 'networks',
  titleKey: 'networksServer.accessRequest.title',
  async exportForClient(db, key) {
    const [map, snapshots] = await Promise.all([findMap(db, key), listSnapshotsWithDocuments(db, key)]);
    return {
      map: map
        ? { document: map.document, version: map.version, updatedAt: map.updated_at.toISOString() }
        : null,
      snapshots: snapshots.map((s) => ({
        id: s.id,
        takenOn: s.taken_on,
        label: s.label,
        mapVersion: s.map_version,
        createdAt: s.created_at.toISOString(),
        document: s.document,
      })),
    };
  },
};
