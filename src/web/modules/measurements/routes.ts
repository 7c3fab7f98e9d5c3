import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { hasAnyRole } from '../../session.tsx';

const pages = () => import('./pages.ts');
const MeasurementsPage = lazy(async () => ({ default: (await pages()).MeasurementsPage }));
const TakeMeasurementPage = lazy(async () => ({ default: (await pages()).TakeMeasurementPage }));
const SelfFillLinkPage = lazy(async () => ({ default: (await pages()).SelfFillLinkPage }));
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
];
