import { useMemo } from 'react';
import { type T, useRoleName } from '../../i18n.ts';
import { organisationKinds, roles } from '../../types.ts';

/** The roles as choices, each starting with a capital. */
export function useRoleOptions() {
  const roleName = useRoleName();
  return useMemo(() => roles.map((r) => ({ id: r, label: roleName(r, 'label') })), [roleName]);
}

export function kindOptions(t: T) {
  return organisationKinds.map((k) => ({ id: k, label: t(`kinds.${k}`) }));
}
