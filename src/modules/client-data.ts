import type { ClientDataProvider } from './clients/clients.models.ts';
import { measurementsClientData } from './measurements/measurements.rights.ts';
import { questionnairesClientData } from './measurements/questionnaires.rights.ts';
import { networksClientData } from './networks/networks.rights.ts';

/**
 * Every module that holds data about a client adds its provider here, so a
 * person's access request (GDPR art. 15) includes it. Erasure needs no entry:
 * those modules' tables cascade from the client record.
 */
export const clientDataProviders: ClientDataProvider[] = [
  networksClientData,
  measurementsClientData,
  questionnairesClientData,
];
