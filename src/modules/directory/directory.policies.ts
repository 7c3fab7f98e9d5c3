import type { Principal } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';

/**
 * What a principal may do in the directory, resolved once per request:
 * organisation members edit their organisation's entries; coordinators (and
 * organisation admins) also publish them, and look after every entry in the
 * municipalities their organisation works in.
 */
export interface EditorScope {
  all: boolean;
  memberOrganisations: string[];
  coordinatorOrganisations: string[];
  coordinatorMunicipalities: string[];
  /** Municipalities each member organisation works in. */
  organisationMunicipalities: Map<string, string[]>;
}

const EDITOR_ROLES = new Set(['admin', 'coordinator', 'worker']);
const PUBLISHER_ROLES = new Set(['admin', 'coordinator']);

/** The organisations whose municipalities a scope needs (to be looked up by the caller). */
export function scopeOrganisations(principal: Principal): string[] {
  return principal.memberships
    .filter((m) => m.effective && EDITOR_ROLES.has(m.role))
    .map((m) => m.organisationId);
}

export function editorScope(principal: Principal, municipalitiesOf: Map<string, string[]>): EditorScope {
  const effective = principal.memberships.filter((m) => m.effective);
  const memberOrganisations = effective.filter((m) => EDITOR_ROLES.has(m.role)).map((m) => m.organisationId);
  const coordinatorOrganisations = effective
    .filter((m) => PUBLISHER_ROLES.has(m.role))
    .map((m) => m.organisationId);
  return {
    all: principal.user.isPlatformAdmin,
    memberOrganisations,
    coordinatorOrganisations,
    coordinatorMunicipalities: [
      ...new Set(coordinatorOrganisations.flatMap((o) => municipalitiesOf.get(o) ?? [])),
    ],
    organisationMunicipalities: municipalitiesOf,
  };
}

interface Owned {
  organisation_id: string;
  municipality_id: string | null;
}

export function mayEdit(scope: EditorScope, entry: Owned): boolean {
  return (
    scope.all ||
    scope.memberOrganisations.includes(entry.organisation_id) ||
    (entry.municipality_id !== null && scope.coordinatorMunicipalities.includes(entry.municipality_id))
  );
}

export function mayPublish(scope: EditorScope, entry: Owned): boolean {
  return (
    scope.all ||
    scope.coordinatorOrganisations.includes(entry.organisation_id) ||
    (entry.municipality_id !== null && scope.coordinatorMunicipalities.includes(entry.municipality_id))
  );
}

/** A new entry: by a member of the owning organisation, in one of its municipalities; region-wide only by coordinators. */
export function assertMayCreate(
  scope: EditorScope,
  organisationId: string,
  municipalityId: string | null,
): void {
  if (scope.all) return;
  if (!scope.memberOrganisations.includes(organisationId)) throw forbidden();
  if (municipalityId === null) {
    if (!scope.coordinatorOrganisations.includes(organisationId)) throw forbidden();
    return;
  }
  if (!(scope.organisationMunicipalities.get(organisationId) ?? []).includes(municipalityId))
    throw forbidden();
}

/** Anyone with an editing role somewhere may open the editor; others are refused. */
export function assertEditor(scope: EditorScope): void {
  if (!scope.all && scope.memberOrganisations.length === 0) throw forbidden();
}
