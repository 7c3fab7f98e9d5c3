import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { hasAnyRole, isPlatformAdmin } from '../../session.tsx';

// The page and its chart library load only when a coordinator opens it.
const InsightsPage = lazy(async () => ({ default: (await import('./InsightsPage.tsx')).InsightsPage }));

/** The coordinators' dashboards; the server decides which municipalities each one sees. */
export const insightsRoutes: AppRoute[] = [
  {
    path: '/inzichten',
    page: InsightsPage,
    access: (session) => isPlatformAdmin(session) || hasAnyRole(session, ['coordinator']),
    mainNav: { label: 'insights.nav' },
  },
];
