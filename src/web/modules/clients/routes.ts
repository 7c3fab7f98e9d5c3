import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { hasAnyRole } from '../../session.tsx';

const pages = () => import('./pages.ts');
const ClientsPage = lazy(async () => ({ default: (await pages()).ClientsPage }));
const NewClientPage = lazy(async () => ({ default: (await pages()).NewClientPage }));
const ClientPage = lazy(async () => ({ default: (await pages()).ClientPage }));
const EditClientPage = lazy(async () => ({ default: (await pages()).EditClientPage }));
const IncomingReferralsPage = lazy(async () => ({ default: (await pages()).IncomingReferralsPage }));

/** Client records: list, new client with consent, the record and its timeline. */
export const clientsRoutes: AppRoute[] = [
  {
    path: '/clients',
    page: ClientsPage,
    access: (session) => hasAnyRole(session, ['coordinator', 'worker', 'volunteer']),
    mainNav: { label: 'clients.nav' },
  },
  {
    path: '/clients/new',
    page: NewClientPage,
    access: (session) => hasAnyRole(session, ['coordinator', 'worker']),
  },
  {
    path: '/clients/referrals',
    page: IncomingReferralsPage,
    access: (session) => hasAnyRole(session, ['coordinator']),
  },
  {
    path: '/clients/:id/edit',
    page: EditClientPage,
    access: (session) => hasAnyRole(session, ['coordinator', 'worker']),
  },
  {
    path: '/clients/:id',
    page: ClientPage,
    access: (session) => hasAnyRole(session, ['coordinator', 'worker', 'volunteer']),
  },
];
