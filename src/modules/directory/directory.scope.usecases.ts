import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { listMunicipalities, listOrganisations } from '../tenancy/tenancy.usecases.ts';
import { assertEditor, type EditorScope, editorScope, scopeOrganisations } from './directory.policies.ts';

/** What the principal may do in the directory (their organisations and those organisations' municipalities). */
export async function resolveEditorScope(input: {
  ctx: AppContext;
  principal: Principal;
}): Promise<EditorScope> {
  const ids = scopeOrganisations(input.principal);
  const orgs = await listOrganisations({ ctx: input.ctx, ids });
  return editorScope(input.principal, new Map(orgs.map((o) => [o.id, o.municipality_ids])));
}

/** Where a principal may create entries: their organisations, each with its municipalities. */
export async function listCreateOptions(input: {
  ctx: AppContext;
  principal: Principal;
  scope: EditorScope;
}) {
  const { ctx, scope } = input;
  assertEditor(scope);
  const [orgs, municipalities] = await Promise.all([
    listOrganisations({ ctx, ids: scope.all ? 'all' : scope.memberOrganisations }),
    listMunicipalities({ ctx }),
  ]);
  const names = new Map(municipalities.map((m) => [m.id, { nl: m.name_nl, fr: m.name_fr }]));
  return orgs.map((o) => {
    const publishes = scope.all || scope.coordinatorOrganisations.includes(o.id);
    return {
      id: o.id,
      name: o.name,
      municipalities: o.municipality_ids.map((id) => ({
        id,
        nameNl: names.get(id)?.nl ?? '',
        nameFr: names.get(id)?.fr ?? '',
      })),
      mayPublish: publishes,
      mayCreateRegionWide: publishes,
    };
  });
}
