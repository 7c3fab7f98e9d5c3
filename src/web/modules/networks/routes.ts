import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { hasAnyRole } from '../../session.tsx';

const NetworkPage = lazy(async () => ({ default: (await import('./pages.ts')).NetworkPage }));

/**
 * A client's network map: ecogram, genogram, strengths, snapshots, analysis and print. Open to
 * the people of an organisation who work with clients; the server decides per client (their
 * team, consent in force) and answers 403 or 404 otherwise.
 */
export const networksRoutes: AppRoute[] = [
  {
    path: '/clients/:id/network',
    page: NetworkPage,
    access: (session) => hasAnyRole(session, ['admin', 'coordinator', 'worker', 'volunteer']),
  },
];
