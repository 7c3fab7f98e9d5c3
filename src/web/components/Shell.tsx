import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useLocation } from 'wouter';
import { useT } from '../i18n.ts';
import { type MainNavItem, mainNav } from '../routes.tsx';
import { useLogout, useSession } from '../session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

function isActive(location: string, prefix: string): boolean {
  return prefix === '/' ? location === '/' : location === prefix || location.startsWith(`${prefix}/`);
}

function Logo() {
  return (
    <svg className="brand-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="brand-logo-bg" />
      <circle cx="12" cy="16" r="6" className="brand-logo-ring" />
      <circle cx="20" cy="16" r="6" className="brand-logo-ring brand-logo-ring-warm" />
    </svg>
  );
}

function SkipLink() {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is a link; it must not write #main over a token in the URL
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        // Not through the URL: the hash may hold an invitation or reset token.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('shell.skip')}
    </a>
  );
}

function UserMenu() {
  const t = useT();
  const { session } = useSession();
  const logout = useLogout();
  const user = session?.user;
  if (!session || !user || !(session.authenticated || session.pendingSecondFactor)) return null;
  return (
    <div className="user-menu">
      <span className="user-name">{user.name}</span>
      <Button className="button button-quiet" onPress={() => void logout({ notice: 'loggedOut' })}>
        {t('shell.logout')}
      </Button>
    </div>
  );
}

function MainNav({ items }: { items: MainNavItem[] }) {
  const t = useT();
  const [location] = useLocation();
  return (
    <nav className="main-nav" aria-label={t('shell.mainNav')}>
      <ul>
        {items.map((item) => (
          <li key={item.prefix}>
            <Link
              href={item.href}
              aria-current={isActive(location, item.prefix) ? 'page' : undefined}
              className="main-nav-link"
            >
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// Below this width the menu always folds (as in header.css): the page starts right under the logo.
const PHONE_QUERY = '(max-width: 47.99em)';

/**
 * Whether the logged-in header folds behind "Menu": always on a phone, and on a wider screen
 * whenever the main menu would not fit on one row — it grows with a person's roles, with
 * longer words in French and with large text, so no fixed breakpoint can know. Measured on an
 * invisible one-row copy of the menu, so the answer never depends on the layout it picks.
 */
/** How much of two full rows the menu may fill before it folds (wrapping leaves gaps at row ends). */
const TWO_ROWS = 1.8;

function useFoldedMenu(enabled: boolean) {
  const copyRef = useRef<HTMLUListElement>(null);
  const [folded, setFolded] = useState(true);
  useLayoutEffect(() => {
    const copy = copyRef.current;
    const row = copy?.closest<HTMLElement>('.header-inner');
    if (!enabled || !copy || !row) return;
    const phone = window.matchMedia(PHONE_QUERY);
    const update = () => {
      const style = getComputedStyle(row);
      const room =
        row.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      // Two rows of menu still read well on a wide screen; past that (or on a phone) it folds.
      setFolded(phone.matches || Math.ceil(copy.getBoundingClientRect().width) > TWO_ROWS * room);
    };
    update();
    // The copy resizes when the language, the text size or the items change; the row with the window.
    const observer = new ResizeObserver(update);
    observer.observe(row);
    observer.observe(copy);
    phone.addEventListener('change', update);
    return () => {
      observer.disconnect();
      phone.removeEventListener('change', update);
    };
  }, [enabled]);
  return { folded, copyRef };
}

/**
 * Everything right of the logo. When the main menu fits: the account and the language switch
 * on the first row (the switch last, so a longer "log out" in another language never moves it
 * under the pointer), the main menu below, on one or two rows. When it does not (a phone, or more
 * items than fit on two rows), once logged in, all of it folds behind one "Menu" button so the page
 * starts right under the logo; before login the switch stays in view.
 */
function HeaderMenu() {
  const t = useT();
  const { session } = useSession();
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  // A new page closes the folded menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: location is the trigger
  useEffect(() => setOpen(false), [location]);
  const items = session ? mainNav(session) : [];
  const folds = items.length > 0;
  const { folded, copyRef } = useFoldedMenu(folds);
  const panelClass = [
    'header-panel',
    folds && folded ? 'folded' : '',
    folds && folded && open ? 'is-open' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      {folds ? (
        <div className="main-nav-measure" aria-hidden="true">
          <ul ref={copyRef}>
            {items.map((item) => (
              <li key={item.prefix}>
                <span className="main-nav-link">{t(item.label)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {folds && folded ? (
        <Button
          className="button button-quiet menu-toggle"
          aria-expanded={open}
          aria-controls="header-panel"
          onPress={() => setOpen((o) => !o)}
        >
          <span className="menu-icon" aria-hidden="true" />
          {t('shell.menu')}
        </Button>
      ) : null}
      <div id="header-panel" className={panelClass}>
        <div className="header-tools">
          <UserMenu />
          <LanguageSwitch />
        </div>
        {folds ? <MainNav items={items} /> : null}
      </div>
    </>
  );
}

function SecondFactorBanner() {
  const t = useT();
  const { session } = useSession();
  if (!session?.authenticated || !session.secondFactorSetupRequired) return null;
  return (
    <section className="banner banner-second-factor" aria-label={t('shell.bannerLabel')}>
      <div className="banner-inner">
        <p>{t('shell.secondFactorRequired')}</p>
        <Link href="/account/security#second-factor" className="button button-primary">
          {t('shell.secondFactorSetUp')}
        </Link>
      </div>
    </section>
  );
}

function ServerUnreachable() {
  const t = useT();
  const { loadFailed, refresh } = useSession();
  if (!loadFailed) return null;
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-inner">
        <p>{t('shell.unreachable')}</p>
        <Button className="button button-secondary" onPress={() => void refresh().catch(() => undefined)}>
          {t('status.retry')}
        </Button>
      </div>
    </div>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="shell">
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <Link href="/" className="brand">
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <HeaderMenu />
        </div>
      </header>
      <ServerUnreachable />
      <SecondFactorBanner />
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>
            <strong>{t('app.name')}</strong> · {t('app.tagline')}
          </p>
          <p className="footer-meta">{t('shell.footerOpenSource')}</p>
        </div>
      </footer>
    </div>
  );
}
