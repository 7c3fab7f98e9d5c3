import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { hasAnyRole, isPlatformAdmin } from '../../session.tsx';

const pages = () => import('./pages.ts');
const ReportPage = lazy(async () => ({ default: (await pages()).ReportPage }));
const StatusPage = lazy(async () => ({ default: (await pages()).StatusPage }));
const SignalsPage = lazy(async () => ({ default: (await pages()).SignalsPage }));
const SignalPage = lazy(async () => ({ default: (await pages()).SignalPage }));
const NumbersPage = lazy(async () => ({ default: (await pages()).NumbersPage }));
const ServiceLevelsPage = lazy(async () => ({ default: (await pages()).ServiceLevelsPage }));
const AccessRequestPage = lazy(async () => ({ default: (await pages()).AccessRequestPage }));
const MeldpuntsAdminPage = lazy(async () => ({ default: (await pages()).MeldpuntsAdminPage }));

/** The meldpunt: the public form and status page, and the pages of those who handle signals. */
export const signalsRoutes: AppRoute[] = [
  { path: '/melden', page: ReportPage, access: 'public', mainNav: { label: 'nav.report' } },
  { path: '/melden/status', page: StatusPage, access: 'public' },
  {
    path: '/signals',
    page: SignalsPage,
    access: (session) => hasAnyRole(session, ['coordinator', 'worker']),
    mainNav: { label: 'nav.signals' },
  },
  { path: '/signals/numbers', page: NumbersPage, access: (session) => hasAnyRole(session, ['coordinator']) },
  {
    path: '/signals/service-levels',
    page: ServiceLevelsPage,
    access: (session) => hasAnyRole(session, ['coordinator']),
  },
  {
    path: '/signals/access-request',
    page: AccessRequestPage,
    access: (session) => hasAnyRole(session, ['coordinator']),
  },
  {
    path: '/signals/:municipalityId/:id',
    page: SignalPage,
    access: (session) => hasAnyRole(session, ['coordinator', 'worker']),
  },
  {
    path: '/admin/meldpunts',
    page: MeldpuntsAdminPage,
    access: (session) => isPlatformAdmin(session),
    section: { name: 'admin', label: 'signals.admin.nav' },
  },
];
