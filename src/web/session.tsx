import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { api, setCsrfToken } from './api.ts';
import { i18n, isLocale, rememberLocale } from './i18n.ts';
import type { LoginNotice } from './modules/accounts/LoginPage.tsx';
import type { Membership, Role, SessionView } from './types.ts';

export const anonymousSession: SessionView = {
  authenticated: false,
  pendingSecondFactor: false,
  memberships: [],
  secondFactorSetupRequired: false,
};

interface SessionContextValue {
  /** Null while the first GET /api/session is under way. */
  session: SessionView | null;
  /** The server could not be reached for the session: the shell says so. */
  loadFailed: boolean;
  setSession: (session: SessionView) => void;
  refresh: () => Promise<SessionView>;
  /** Forgets the user locally (after logout or a 401). */
  clear: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<SessionView | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);

  const setSession = useCallback((next: SessionView) => {
    setCsrfToken(next.csrfToken);
    const user = next.user;
    if (user && isLocale(user.locale) && user.locale !== i18n.language) {
      void i18n.changeLanguage(user.locale);
      rememberLocale(user.locale);
    }
    document.documentElement.classList.toggle('large-text', Boolean(user?.largeText));
    setSessionState(next);
  }, []);

  const refresh = useCallback(async () => {
    const next = await api.get<SessionView>('/api/session', { allowUnauthorized: true });
    setSession(next);
    return next;
  }, [setSession]);

  const clear = useCallback(() => setSession(anonymousSession), [setSession]);

  useEffect(() => {
    refresh().then(
      () => setLoadFailed(false),
      () => {
        setLoadFailed(true);
        setSession(anonymousSession);
      },
    );
  }, [refresh, setSession]);

  const value = useMemo(
    () => ({ session, loadFailed, setSession, refresh, clear }),
    [session, loadFailed, setSession, refresh, clear],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Logs out on the server (whatever it answers), forgets the user here and opens the login page. */
export function useLogout() {
  const { clear } = useSession();
  const [, navigate] = useLocation();
  return useCallback(
    async (options: { notice?: LoginNotice['notice']; replace?: boolean } = {}) => {
      await api.post('/api/session/logout', undefined, { allowUnauthorized: true }).catch(() => undefined);
      clear();
      navigate('/login', {
        replace: options.replace,
        state: { notice: options.notice } satisfies LoginNotice,
      });
    },
    [clear, navigate],
  );
}

/** The session once loaded; only for pages behind the route guard. */
export function useLoadedSession(): SessionView {
  const { session } = useSession();
  return session ?? anonymousSession;
}

/** Memberships that give access now (not waiting for a second factor). */
export function effectiveMemberships(session: SessionView): Membership[] {
  return session.memberships.filter((m) => m.effective);
}

export function hasRoleIn(session: SessionView, organisationId: string, roles: readonly Role[]): boolean {
  return session.memberships.some(
    (m) => m.effective && m.organisationId === organisationId && roles.includes(m.role),
  );
}

export function hasAnyRole(session: SessionView, roles: readonly Role[]): boolean {
  return session.memberships.some((m) => m.effective && roles.includes(m.role));
}

export function isPlatformAdmin(session: SessionView): boolean {
  return Boolean(session.authenticated && session.user?.isPlatformAdmin);
}
