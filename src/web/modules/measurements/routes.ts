import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { hasAnyRole } from '../../session.tsx';

const pages = () => import('./pages.ts');
const MeasurementsPage = lazy(async () => ({ default: (await pages()).MeasurementsPage }));
const TakeMeasurementPage = lazy(async () => ({ default: (await pages()).TakeMeasurementPage }));
const SelfFillLinkPage = lazy(async () => ({ default: (await pages()).SelfFillLinkPage }));
const questionnairePages = () => import('./questionnaires/pages.ts');
const QuestionnairesPage = lazy(async () => ({ default: (await questionnairePages()).QuestionnairesPage }));
const NewQuestionnairePage = lazy(async () => ({
  default: (await questionnairePages()).NewQuestionnairePage,
}));
const QuestionnairePage = lazy(async () => ({ default: (await questionnairePages()).QuestionnairePage }));
// The person's page loads on its own: a phone on a slow line should not fetch the workers' pages.
const SelfFillPage = lazy(async () => ({
  default: (await import('./SelfFillPage.tsx')).SelfFillPage,
}));

/** Who works with clients; the server decides per client (their team, the record open for work). */
const withClients: AppRoute['access'] = (session) =>
  hasAnyRole(session, ['coordinator', 'worker', 'volunteer']);

/** Loneliness measurements of a client, and the public page of a self-fill link (no login, no menu item). */
export const measurementsRoutes: AppRoute[] = [
  { path: '/clients/:id/measurements', page: MeasurementsPage, access: withClients },
  { path: '/clients/:id/measurements/new', page: TakeMeasurementPage, access: withClients },
  { path: '/clients/:id/measurements/link', page: SelfFillLinkPage, access: withClients },
  { path: '/invullen', page: SelfFillPage, access: 'public' },
  // The organisation's own questionnaires (never scored): written by its coordinators.
  {
    path: '/vragenlijsten',
    page: QuestionnairesPage,
    access: (session) => hasAnyRole(session, ['coordinator']),
    mainNav: { label: 'questionnaires.nav' },
  },
  {
    path: '/vragenlijsten/nieuw',
    page: NewQuestionnairePage,
    access: (session) => hasAnyRole(session, ['coordinator']),
  },
  {
    path: '/vragenlijsten/:questionnaireId',
    page: QuestionnairePage,
    access: (session) => hasAnyRole(session, ['coordinator']),
  },
];
