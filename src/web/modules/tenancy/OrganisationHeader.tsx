import { useLocation } from 'wouter';
import { SectionNav } from '../../components/SectionNav.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { type NavLink, organisationsWithLinks } from '../../routes.tsx';
import { useLoadedSession } from '../../session.tsx';
import type { OrganisationView } from '../../types.ts';

/** Above every organisation page: which organisation, a switch to the others, and the tabs. */
export function OrganisationHeader({ organisationId, links }: { organisationId: string; links: NavLink[] }) {
  const t = useT();
  const session = useLoadedSession();
  const [location, navigate] = useLocation();
  const membership = session.memberships.find((m) => m.organisationId === organisationId);
  // A platform admin may look at an organisation they are no member of: its name comes from the list.
  const all = useResource<OrganisationView[]>(membership ? null : '/api/admin/organisations');
  const name = membership?.organisationName ?? all.data?.find((o) => o.id === organisationId)?.name ?? '';
  const mine = organisationsWithLinks(session).filter((o) => o.links.length > 0);
  const prefix = `/organisations/${organisationId}`;
  const tab = location.startsWith(prefix) ? location.slice(prefix.length) : '';

  return (
    <div className="section-header">
      <div className="section-header-top">
        <p className="eyebrow">
          {t('organisation.eyebrow')} <strong className="eyebrow-name">{name}</strong>
        </p>
        {mine.length > 1 && membership ? (
          <div className="org-switch">
            <SelectField
              label={t('organisation.switch')}
              options={mine.map((o) => ({
                id: o.membership.organisationId,
                label: o.membership.organisationName,
              }))}
              value={organisationId}
              onChange={(id) => {
                const target = mine.find((o) => o.membership.organisationId === id);
                const sameTab = target?.links.find((l) => l.href === `/organisations/${id}${tab}`);
                const href = sameTab?.href ?? target?.links[0]?.href;
                if (href) navigate(href);
              }}
            />
          </div>
        ) : null}
      </div>
      <SectionNav label={t('organisation.nav.label')} links={links} />
    </div>
  );
}
