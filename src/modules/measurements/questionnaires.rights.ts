import type { ClientDataProvider } from '../clients/clients.models.ts';
import { exportClientResponses } from './questionnaires.responses.usecases.ts';

/** A client's answers to the organisation's own questionnaires, for the person's access request. */
export const questionnairesClientData: ClientDataProvider = {
  key: 'questionnaires',
  titleKey: 'questionnaires.accessRequest.title',
  async exportForClient(db, key, locale) {
    return { responses: await exportClientResponses(db, key, locale) };
  },
};
