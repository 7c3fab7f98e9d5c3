import { lazy, Suspense, useEffect } from 'react';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { onUnauthorized } from './api.ts';
import { SectionNav } from './components/SectionNav.tsx';
import { Shell } from './components/Shell.tsx';
import { Loading } from './components/Status.tsx';
import { useT } from './i18n.ts';
import { ForbiddenPage, NotFoundPage, SecondFactorNeededPage } from './modules/home/NotFoundPage.tsx';
import {
  type AppRoute,
  canAccess,
  type RouteParams,
  redirects,
  routes,
  sectionLinks,
  waitsForSecondFactor,
} from './routes.tsx';
import { SessionProvider, useSession } from './session.tsx';

// Only organisation pages have it, and they load on demand too (it brings the select list).
const OrganisationHeader = lazy(async () => ({
  default: (await import('./modules/tenancy/OrganisationHeader.tsx')).OrganisationHeader,
}));

/** Where to go after login: only a path on this site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function SectionFrame({ route, params }: { route: AppRoute; params: RouteParams }) {
  const t = useT();
  const { session } = useSession();
  const section = route.section?.name;
  if (!session || !section) return null;
  const links = sectionLinks(section, session, params);
  if (section === 'organisation' && params.id)
    return <OrganisationHeader organisationId={params.id} links={links} />;
  return <SectionNav label={t(`${section}.nav.label`)} links={links} />;
}

/** Opens a page only for who may see it; otherwise sends them where they belong. */
function Guard({ route, params }: { route: AppRoute; params: RouteParams }) {
  const { session } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (!session) return <Loading />;
  if (!canAccess(route, session, params)) {
    if (route.access === 'public') return null;
    if (session.pendingSecondFactor)
      return (
        <Redirect
          to={`/login/code?next=${encodeURIComponent(`${location}${search ? `?${search}` : ''}`)}`}
          replace
        />
      );
    if (route.access === 'anonymous' || route.access === 'pending')
      return <Redirect to={session.authenticated ? safeNext(search) : '/login'} replace />;
    if (!session.authenticated)
      return (
        <Redirect
          to={`/login?next=${encodeURIComponent(`${location}${search ? `?${search}` : ''}`)}`}
          replace
        />
      );
    if (waitsForSecondFactor(route, session, params))
      return <SecondFactorNeededPage organisationId={params.id} />;
    return <ForbiddenPage />;
  }
  const Page = route.page;
  return (
    <Suspense fallback={<Loading />}>
      <SectionFrame route={route} params={params} />
      <Page />
    </Suspense>
  );
}

function Routes() {
  const { session, clear, refresh } = useSession();
  const [location, navigate] = useLocation();

  useEffect(() => {
    onUnauthorized((error) => {
      if (error.code === 'auth.second_factor_required') {
        void refresh().catch(clear);
        return;
      }
      clear();
      navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, {
        state: { notice: 'sessionExpired' },
      });
    });
  }, [clear, refresh, navigate]);

  return (
    <Switch location={location}>
      {redirects.map((r) => (
        <Route key={r.from} path={r.from}>
          {(params: RouteParams) => {
            if (!session) return <Loading />;
            const to = r.to(params, session);
            return to ? <Redirect to={to} replace /> : <NotFoundPage />;
          }}
        </Route>
      ))}
      {routes.map((route) => (
        <Route key={route.path} path={route.path}>
          {(params: RouteParams) => <Guard route={route} params={params} />}
        </Route>
      ))}
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}

export function App() {
  const [, navigate] = useLocation();
  // React Aria's own words (a list's "no results", a table's sort hints) follow the app's language.
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language}>
      <RouterProvider navigate={(href) => navigate(href)}>
        <SessionProvider>
          <Shell>
            <Routes />
          </Shell>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
