import { Link, useLocation } from 'wouter';
import { useT } from '../i18n.ts';
import type { NavLink } from '../routes.tsx';

/** A section's tabs (account, admin, organisation): plain links, the current one marked for screen readers. */
export function SectionNav({ label, links }: { label: string; links: NavLink[] }) {
  const t = useT();
  const [location] = useLocation();
  if (links.length < 2) return null;
  return (
    <nav className="section-nav" aria-label={label}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={location === link.href ? 'page' : undefined}>
              {t(link.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
