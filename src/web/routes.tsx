import { type ComponentType, lazy } from 'react';
import { ForgotPasswordPage } from './modules/accounts/ForgotPasswordPage.tsx';
import { InvitationPage } from './modules/accounts/InvitationPage.tsx';
import { LoginPage } from './modules/accounts/LoginPage.tsx';
import { ResetPasswordPage } from './modules/accounts/ResetPasswordPage.tsx';
import { SecondFactorPage } from './modules/accounts/SecondFactorPage.tsx';
import { clientsRoutes } from './modules/clients/routes.ts';
import { directoryRoutes } from './modules/directory/routes.ts';
import { HomePage } from './modules/home/HomePage.tsx';
import { insightsRoutes } from './modules/insights/routes.ts';
import { measurementsRoutes } from './modules/measurements/routes.ts';
import { networksRoutes } from './modules/networks/routes.ts';
import { signalsRoutes } from './modules/signals/routes.ts';
import { hasAnyRole, hasRoleIn, isPlatformAdmin } from './session.tsx';
import type { Role, SessionView } from './types.ts';

export type RouteParams = Record<string, string | undefined>;

/**
 * Who may open a page. 'anonymous': only before logging in (the login page);
 * 'pending': between password and authenticator code; 'user': logged in.
 */
export type Access =
  | 'public'
  | 'anonymous'
  | 'pending'
  | 'user'
  | ((session: SessionView, params: RouteParams) => boolean);

/** The areas with their own tab navigation above the page heading. */
export type Section = 'account' | 'admin' | 'organisation';

export interface AppRoute {
  /** A wouter pattern; ':id' in an organisation page is the organisation's id. */
  path: string;
  page: ComponentType;
  access: Access;
  /** A tab in its section's navigation; label is a key under "web". */
  section?: { name: Section; label: string };
  /** An item of the main menu, for whoever may open the page (public pages: for everyone); label is a key under "web". */
  mainNav?: { label: string };
}

/**
 * A page whose code loads when it is first opened: the login flow and the home page come with
 * the app, the account, organisation and admin pages (tables, QR code, pickers) when needed.
 */
function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
): ComponentType {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}

const ProfilePage = lazyPage(() => import('./modules/accounts/ProfilePage.tsx'), 'ProfilePage');
const SecurityPage = lazyPage(() => import('./modules/accounts/SecurityPage.tsx'), 'SecurityPage');
const TokensPage = lazyPage(() => import('./modules/accounts/TokensPage.tsx'), 'TokensPage');
const auditPages = () => import('./modules/audit/AuditPage.tsx');
const AdminAuditPage = lazyPage(auditPages, 'AdminAuditPage');
const OrganisationAuditPage = lazyPage(auditPages, 'OrganisationAuditPage');
const MailLogPage = lazyPage(() => import('./modules/notifications/MailLogPage.tsx'), 'MailLogPage');
const MailDetailPage = lazyPage(() => import('./modules/notifications/MailDetailPage.tsx'), 'MailDetailPage');
const MembersPage = lazyPage(() => import('./modules/tenancy/MembersPage.tsx'), 'MembersPage');
const OrganisationSettingsPage = lazyPage(
  () => import('./modules/tenancy/OrganisationSettingsPage.tsx'),
  'OrganisationSettingsPage',
);
const OrganisationsPage = lazyPage(
  () => import('./modules/tenancy/OrganisationsPage.tsx'),
  'OrganisationsPage',
);
const OrganisationEditPage = lazyPage(
  () => import('./modules/tenancy/OrganisationEditPage.tsx'),
  'OrganisationEditPage',
);
const RegionsPage = lazyPage(() => import('./modules/tenancy/RegionsPage.tsx'), 'RegionsPage');
const MunicipalitiesPage = lazyPage(
  () => import('./modules/tenancy/MunicipalitiesPage.tsx'),
  'MunicipalitiesPage',
);
const UsersPage = lazyPage(() => import('./modules/tenancy/UsersPage.tsx'), 'UsersPage');

const platformAdmin: Access = (session) => isPlatformAdmin(session);

/** An organisation page: for these roles in that organisation, and for platform admins. */
const inOrganisation =
  (...roles: Role[]): Access =>
  (session, params) =>
    isPlatformAdmin(session) || (params.id !== undefined && hasRoleIn(session, params.id, roles));

/**
 * The one route table. A module adds its pages here; the navigation (main menu,
 * section tabs, the organisation cards on the home page) is derived from it.
 */
export const routes: AppRoute[] = [
  { path: '/', page: HomePage, access: 'user' },
  { path: '/login', page: LoginPage, access: 'anonymous' },
  { path: '/login/code', page: SecondFactorPage, access: 'pending' },
  { path: '/forgot-password', page: ForgotPasswordPage, access: 'anonymous' },
  { path: '/reset-password', page: ResetPasswordPage, access: 'public' },
  { path: '/invitation', page: InvitationPage, access: 'public' },

  {
    path: '/account',
    page: ProfilePage,
    access: 'user',
    section: { name: 'account', label: 'account.nav.profile' },
  },
  {
    path: '/account/security',
    page: SecurityPage,
    access: 'user',
    section: { name: 'account', label: 'account.nav.security' },
  },
  {
    path: '/account/tokens',
    page: TokensPage,
    access: 'user',
    section: { name: 'account', label: 'account.nav.tokens' },
  },

  {
    path: '/organisations/:id/members',
    page: MembersPage,
    access: inOrganisation('admin'),
    section: { name: 'organisation', label: 'organisation.nav.members' },
  },
  {
    path: '/organisations/:id/settings',
    page: OrganisationSettingsPage,
    access: inOrganisation('admin'),
    section: { name: 'organisation', label: 'organisation.nav.settings' },
  },
  {
    path: '/organisations/:id/audit',
    page: OrganisationAuditPage,
    access: inOrganisation('admin', 'coordinator'),
    section: { name: 'organisation', label: 'organisation.nav.audit' },
  },

  {
    path: '/mail-log',
    page: MailLogPage,
    access: (session) => isPlatformAdmin(session) || hasAnyRole(session, ['admin']),
  },
  {
    path: '/mail-log/:id',
    page: MailDetailPage,
    access: (session) => isPlatformAdmin(session) || hasAnyRole(session, ['admin']),
  },

  {
    path: '/admin/organisations',
    page: OrganisationsPage,
    access: platformAdmin,
    section: { name: 'admin', label: 'admin.nav.organisations' },
  },
  { path: '/admin/organisations/:id', page: OrganisationEditPage, access: platformAdmin },
  {
    path: '/admin/regions',
    page: RegionsPage,
    access: platformAdmin,
    section: { name: 'admin', label: 'admin.nav.regions' },
  },
  {
    path: '/admin/municipalities',
    page: MunicipalitiesPage,
    access: platformAdmin,
    section: { name: 'admin', label: 'admin.nav.municipalities' },
  },
  {
    path: '/admin/users',
    page: UsersPage,
    access: platformAdmin,
    section: { name: 'admin', label: 'admin.nav.users' },
  },
  {
    path: '/admin/audit',
    page: AdminAuditPage,
    access: platformAdmin,
    section: { name: 'admin', label: 'admin.nav.audit' },
  },
  ...signalsRoutes,
  ...directoryRoutes,
  ...clientsRoutes,
  ...networksRoutes,
  ...measurementsRoutes,
  ...insightsRoutes,
];

/** Paths that only redirect: the first tab of a section. */
export const redirects: { from: string; to: (params: RouteParams, session: SessionView) => string | null }[] =
  [
    { from: '/admin', to: () => '/admin/organisations' },
    {
      from: '/organisations/:id',
      to: (params, session) => sectionLinks('organisation', session, params)[0]?.href ?? null,
    },
  ];

export function canAccess(route: AppRoute, session: SessionView, params: RouteParams): boolean {
  switch (route.access) {
    case 'public':
      return true;
    case 'anonymous':
      return !session.authenticated && !session.pendingSecondFactor;
    case 'pending':
      return session.pendingSecondFactor;
    case 'user':
      return session.authenticated && !session.pendingSecondFactor;
    default:
      return session.authenticated && !session.pendingSecondFactor && route.access(session, params);
  }
}

/**
 * The page is closed only because an organisation asks this person for a second factor they
 * have not set up yet: with it, their role there would open it.
 */
export function waitsForSecondFactor(route: AppRoute, session: SessionView, params: RouteParams): boolean {
  if (canAccess(route, session, params) || !session.secondFactorSetupRequired) return false;
  const withSecondFactor = {
    ...session,
    memberships: session.memberships.map((m) => ({ ...m, effective: true })),
  };
  return canAccess(route, withSecondFactor, params);
}

function fill(path: string, params: RouteParams): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

export interface NavLink {
  href: string;
  label: string;
}

/** The tabs of a section this person may open. */
export function sectionLinks(section: Section, session: SessionView, params: RouteParams = {}): NavLink[] {
  return routes
    .filter((r) => r.section?.name === section && canAccess(r, session, params))
    .map((r) => ({ href: fill(r.path, params), label: r.section?.label ?? '' }));
}

/** The organisations this person works in, each with the pages they may open there. */
export function organisationsWithLinks(session: SessionView) {
  return session.memberships.map((m) => ({
    membership: m,
    links: sectionLinks('organisation', session, { id: m.organisationId }),
  }));
}

export interface MainNavItem {
  label: string;
  href: string;
  /** Highlighted for every path under this prefix ('/' only for itself). */
  prefix: string;
}

/** The main menu, by role. */
/** The modules' main-menu pages this person may open, in route order. */
function moduleNav(session: SessionView): MainNavItem[] {
  return routes
    .filter((r) => r.mainNav && canAccess(r, session, {}))
    .map((r) => ({ label: r.mainNav?.label ?? '', href: r.path, prefix: r.path }));
}

export function mainNav(session: SessionView): MainNavItem[] {
  if (!session.authenticated || session.pendingSecondFactor) return moduleNav(session);
  const items: MainNavItem[] = [{ label: 'nav.home', href: '/', prefix: '/' }, ...moduleNav(session)];
  const firstOrganisation = organisationsWithLinks(session).find((o) => o.links.length > 0);
  if (firstOrganisation?.links[0])
    items.push({
      label: 'nav.organisation',
      href: firstOrganisation.links[0].href,
      prefix: '/organisations',
    });
  const mailLog = routes.find((r) => r.path === '/mail-log');
  if (mailLog && canAccess(mailLog, session, {}))
    items.push({ label: 'nav.mailLog', href: '/mail-log', prefix: '/mail-log' });
  const admin = sectionLinks('admin', session)[0];
  if (admin) items.push({ label: 'nav.admin', href: admin.href, prefix: '/admin' });
  items.push({ label: 'nav.account', href: '/account', prefix: '/account' });
  return items;
}
