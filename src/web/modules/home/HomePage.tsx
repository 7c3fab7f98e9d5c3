import { Link } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { useRoleName, useT } from '../../i18n.ts';
import { type NavLink, organisationsWithLinks, sectionLinks } from '../../routes.tsx';
import { isPlatformAdmin, useLoadedSession } from '../../session.tsx';

function greetingKey(hour: number): string {
  if (hour < 12) return 'home.morning';
  if (hour < 18) return 'home.afternoon';
  return 'home.evening';
}

function LinkList({ links, inline }: { links: NavLink[]; inline?: boolean }) {
  const t = useT();
  return (
    <ul className={inline ? 'link-list link-list-inline' : 'link-list'}>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className="link">
            {t(link.label)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** "Overzicht": a greeting, the person's organisations and what they can do there. */
export function HomePage() {
  const t = useT();
  const session = useLoadedSession();
  const roleName = useRoleName();
  const name = session.user?.name.split(' ')[0] ?? '';
  const organisations = organisationsWithLinks(session);
  const adminLinks = isPlatformAdmin(session) ? sectionLinks('admin', session) : [];
  return (
    <Page title={t(greetingKey(new Date().getHours()), { name })} intro={<p>{t('home.intro')}</p>} wide>
      {organisations.length === 0 && adminLinks.length > 0 ? null : (
        <section aria-labelledby="home-organisations">
          <h2 id="home-organisations">{t('home.organisations')}</h2>
          {organisations.length === 0 ? <p className="empty">{t('home.noOrganisations')}</p> : null}
          <ul className="card-grid">
            {organisations.map(({ membership, links }) => (
              <li key={membership.organisationId} className="card org-card">
                <h3>{membership.organisationName}</h3>
                <p className="org-role">
                  {t('home.yourRole')} <strong>{roleName(membership.role)}</strong>
                </p>
                {!membership.effective ? (
                  <p className="note">
                    {t('home.needsSecondFactor')}{' '}
                    <Link href="/account/security#second-factor" className="link">
                      {t('shell.secondFactorSetUp')}
                    </Link>
                  </p>
                ) : links.length > 0 ? (
                  <LinkList links={links} />
                ) : (
                  <p className="note">{t(`home.roleText.${membership.role}`)}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {adminLinks.length > 0 ? (
        <section aria-labelledby="home-admin">
          <h2 id="home-admin">{t('home.platform')}</h2>
          <div className="card">
            <p>{t('home.platformText')}</p>
            <LinkList links={adminLinks} inline />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="home-account">
        <h2 id="home-account">{t('home.account')}</h2>
        <div className="card">
          <p>{t('home.accountText')}</p>
          <LinkList links={sectionLinks('account', session)} inline />
        </div>
      </section>
    </Page>
  );
}
