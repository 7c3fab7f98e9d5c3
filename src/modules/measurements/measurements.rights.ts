import type { ClientDataProvider } from '../clients/clients.models.ts';
import { exportClientMeasurements } from './measurements.records.usecases.ts';
import { listTracks } from './measurements.tracks.repository.ts';

/** A client's measurements and follow-up tracks, for the person's access request. */
export const measurementsClientData: ClientDataProvider = {
  key: 'measurements',
  titleKey: 'measurements.accessRequest.title',
  async exportForClient(db, key) {
    const [measurements, tracks] = await Promise.all([
      exportClientMeasurements(db, key),
      listTracks(db, key),
    ]);
    return {
      measurements,
      tracks: tracks.map((t) => ({
        id: t.id,
        instrument: t.instrument_id,
        context: t.context,
        serviceType: t.service_type,
        startedOn: t.started_on,
        followUpMonths: t.follow_up_months,
        selfFill: t.self_fill,
        status: t.status,
      })),
    };
  },
};
