import type { T } from '../../i18n.ts';
import { type OrganisationKind, organisationKinds, type Role, roles } from '../../types.ts';

export function roleOptions(t: T) {
  return roles.map((r: Role) => ({ id: r, label: t(`roles.${r}`) }));
}

export function kindOptions(t: T) {
  return organisationKinds.map((k: OrganisationKind) => ({ id: k, label: t(`kinds.${k}`) }));
}
