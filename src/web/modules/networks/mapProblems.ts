import { type NetworkMapDocument, networkMapDocument } from '../../../contracts/networks.ts';
import { type MapProblem, validateNetworkMap } from '../../../modules/networks/networks.validate.ts';

/*
 * The map's problems before saving, tied to the item they are about, so each message can be
 * shown next to that item (a person in the genogram, a member of the ecogram, a card) rather
 * than as one list at the top. The same rules as the server: the contract, then the
 * structural checks.
 */

export interface ItemProblems {
  /** Per item, keyed `<list>:<id>` (e.g. "genogram.people:p3"), the problem codes. */
  byItem: Map<string, string[]>;
  /** Problems about a whole list ("there is no index person") or that no item holds. */
  general: MapProblem[];
  all: MapProblem[];
}

const LISTS = [
  'ecogram.members',
  'ecogram.ties',
  'genogram.people',
  'genogram.partnerships',
  'genogram.parentage',
  'genogram.bonds',
  'strengths.cards',
] as const;

function listAt(doc: NetworkMapDocument, list: (typeof LISTS)[number]): readonly unknown[] {
  const [part, name] = list.split('.') as [keyof NetworkMapDocument, string];
  return (doc[part] as unknown as Record<string, unknown[]>)[name] ?? [];
}

/** An item's key in `byItem`; cards have no id, so their key is their place in the list. */
export function itemKey(list: string, item: { id?: string } | undefined, index: number): string {
  return `${list}:${item?.id ?? index}`;
}

/** Every problem of the map, each with its item when it has one. */
export function findProblems(doc: NetworkMapDocument): ItemProblems {
  const all: MapProblem[] = [];
  const parsed = networkMapDocument.safeParse(doc);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      all.push({
        path: issue.path.join('.'),
        code: /^[a-z_]+\.[a-z_.]+$/.test(issue.message) ? issue.message : 'networks.invalid_value',
      });
  else all.push(...validateNetworkMap(parsed.data));

  const byItem = new Map<string, string[]>();
  const general: MapProblem[] = [];
  for (const problem of all) {
    const list = LISTS.find((l) => problem.path.startsWith(`${l}.`));
    const index = list ? Number(problem.path.slice(list.length + 1).split('.')[0]) : Number.NaN;
    if (!list || !Number.isInteger(index)) {
      general.push(problem);
      continue;
    }
    const key = itemKey(list, listAt(doc, list)[index] as { id?: string } | undefined, index);
    byItem.set(key, [...(byItem.get(key) ?? []), problem.code]);
  }
  return { byItem, general, all };
}

/** The key under web.networks.problems for a problem code. */
export function problemKey(code: string): string {
  const name = code.startsWith('networks.') ? code.slice('networks.'.length) : code.replace(/\./g, '_');
  return `networks.problems.${name}`;
}
