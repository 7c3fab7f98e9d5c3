import type { GenogramPerson, NetworkMapDocument } from '../../contracts/networks.ts';
import { bondPath, GENOGRAM_SYMBOL } from './networks.layout.genogram.bonds.ts';
import { positions } from './networks.layout.genogram.positions.ts';

export {
  GENOGRAM_NAME_SIZE,
  GENOGRAM_SYMBOL,
  GENOGRAM_YEARS_SIZE,
  genogramName,
  genogramYears,
  nameWidth,
} from './networks.layout.genogram.bonds.ts';

type Point = { x: number; y: number };
type Genogram = NetworkMapDocument['genogram'];

/**
 * Where everything of a genogram goes. Symbols are `symbol` wide, centred on
 * each person's point, names under them. Partners stand side by side, joined
 * by a line at mid-height (from one symbol's edge to the other's, through
 * `barY` should their heights ever differ), so the line never crosses a name.
 * A child line runs from the middle of its parents' line (or a lone parent's
 * foot) down to `busY`, across, and down to the child's head; siblings share
 * the bus, and families whose buses would overlap get their own height.
 */
export type GenogramLayout = {
  width: number;
  height: number;
  symbol: number;
  people: Record<string, { x: number; y: number; generation: number }>;
  partnerships: { id: string; status: string; from: Point; to: Point; barY: number }[];
  childLines: { parentageId: string; from: Point; to: Point; busY: number; kind: string }[];
  /**
   * Emotional lines from centre to centre, and `path`: the route to draw,
   * from edge to edge, clear of names and of partnership lines (below the
   * bar between people of one generation, out past the name and down
   * between generations).
   */
  bonds: { id: string; kind: string; from: Point; to: Point; path: Point[] }[];
  household: { x: number; y: number; width: number; height: number } | null;
};

const ROW = 150;
/** Vertical distance between stacked sibling buses. */
const BUS_STEP = 8;
const MARGIN = 60;

/**
 * Generations by parentage depth (partners share the deeper one), then the
 * order within each generation by the place of the parents, siblings by birth
 * year, birth order and name, partners side by side; then x positions that
 * put children under their parents where the room allows.
 */
export function layoutGenogram(genogram: Genogram): GenogramLayout {
  const people = genogram.people;
  const byId = new Map(people.map((p) => [p.id, p]));
  const parentsOf = new Map<string, string[]>();
  const childrenOf = new Map<string, string[]>();
  for (const p of genogram.parentage) {
    if (!byId.has(p.child)) continue;
    for (const parent of p.parents) {
      if (!byId.has(parent) || parent === p.child) continue;
      push(parentsOf, p.child, parent);
      push(childrenOf, parent, p.child);
    }
  }
  const partnersOf = new Map<string, string[]>();
  for (const p of genogram.partnerships) {
    if (!byId.has(p.a) || !byId.has(p.b) || p.a === p.b) continue;
    push(partnersOf, p.a, p.b);
    push(partnersOf, p.b, p.a);
  }

  const generation = generations(people, parentsOf, partnersOf);
  const rows = orderRows(people, generation, parentsOf, childrenOf, partnersOf);
  const xs = positions(rows, parentsOf, childrenOf);

  const placed: GenogramLayout['people'] = {};
  let maxX = 0;
  rows.forEach((row, g) => {
    for (const id of row.flat()) {
      const x = (xs.get(id) ?? 0) + MARGIN;
      placed[id] = { x, y: MARGIN + g * ROW, generation: g };
      maxX = Math.max(maxX, x);
    }
  });
  const half = GENOGRAM_SYMBOL / 2;
  const partnerships: GenogramLayout['partnerships'] = [];
  const barOf = new Map<string, { x: number; y: number }>();
  for (const p of genogram.partnerships) {
    const a = placed[p.a];
    const b = placed[p.b];
    if (!a || !b || p.a === p.b) continue;
    const [left, right] = a.x <= b.x ? [a, b] : [b, a];
    const barY = Math.max(a.y, b.y);
    partnerships.push({
      id: p.id,
      status: p.status,
      from: { x: left.x + half, y: left.y },
      to: { x: right.x - half, y: right.y },
      barY,
    });
    barOf.set(pairKey(p.a, p.b), { x: (a.x + b.x) / 2, y: barY });
  }
  const childLines: GenogramLayout['childLines'] = [];
  for (const p of genogram.parentage) {
    const child = placed[p.child];
    const parents = p.parents.flatMap((id) => (placed[id] ? [placed[id]] : []));
    const [one, two] = parents;
    if (!child || !one) continue;
    const [first, second] = p.parents;
    const bar = first !== undefined && second !== undefined ? barOf.get(pairKey(first, second)) : undefined;
    // Two parents who are not partners still get a shared point between them.
    const from =
      bar ?? (two ? { x: (one.x + two.x) / 2, y: Math.max(one.y, two.y) } : { x: one.x, y: one.y + half });
    childLines.push({
      parentageId: p.id,
      kind: p.kind,
      from,
      to: { x: child.x, y: child.y - half },
      busY: 0,
    });
  }
  stackBuses(childLines);
  const bonds: GenogramLayout['bonds'] = [];
  // Several lines leaving one person on one side each get their own lane.
  const lanes = new Map<string, number>();
  // The children's stems hanging from each partnership bar: a bond must not run down along one.
  const stems = childLines.map((c) => c.from);
  for (const b of genogram.bonds) {
    const a = placed[b.a];
    const c = placed[b.b];
    if (!a || !c || b.a === b.b) continue;
    bonds.push({
      id: b.id,
      kind: b.kind,
      from: { x: a.x, y: a.y },
      to: { x: c.x, y: c.y },
      path: bondPath(
        a,
        c,
        byId.get(b.a) as GenogramPerson,
        byId.get(b.b) as GenogramPerson,
        placed,
        lanes,
        stems,
      ),
    });
  }

  const household = householdBox(people, placed);
  return {
    width: Math.max(2 * MARGIN, maxX + MARGIN),
    height: Math.max(2 * MARGIN, MARGIN * 2 + Math.max(0, rows.length - 1) * ROW + 30),
    symbol: GENOGRAM_SYMBOL,
    people: placed,
    partnerships,
    childLines,
    bonds,
    household,
  };
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Longest parentage chain above each person, partners lifted to the deeper of
 * the two; repeated until nothing moves. A cycle (the validator refuses it)
 * would never settle, so the passes are capped.
 */
function generations(
  people: GenogramPerson[],
  parentsOf: Map<string, string[]>,
  partnersOf: Map<string, string[]>,
): Map<string, number> {
  const gen = new Map(people.map((p) => [p.id, 0]));
  const cap = Math.min(people.length, 60);
  for (let pass = 0; pass <= people.length + 1; pass++) {
    let moved = false;
    for (const p of people) {
      let g = gen.get(p.id) ?? 0;
      for (const parent of parentsOf.get(p.id) ?? []) g = Math.max(g, (gen.get(parent) ?? 0) + 1);
      for (const partner of partnersOf.get(p.id) ?? []) g = Math.max(g, gen.get(partner) ?? 0);
      g = Math.min(g, cap);
      if (g !== gen.get(p.id)) {
        gen.set(p.id, g);
        moved = true;
      }
    }
    if (!moved) break;
  }
  // Drop empty generations, so a lone in-law does not leave a gap.
  const used = [...new Set(gen.values())].sort((a, b) => a - b);
  const compact = new Map(used.map((g, i) => [g, i]));
  for (const [id, g] of gen) gen.set(id, compact.get(g) ?? 0);
  return gen;
}

function siblingKey(a: GenogramPerson, b: GenogramPerson): number {
  const ya = a.birthYear ?? Number.POSITIVE_INFINITY;
  const yb = b.birthYear ?? Number.POSITIVE_INFINITY;
  if (ya !== yb) return ya < yb ? -1 : 1;
  const oa = a.birthOrder ?? Number.POSITIVE_INFINITY;
  const ob = b.birthOrder ?? Number.POSITIVE_INFINITY;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Rows of units: a unit is a person with their partners of the same
 * generation, kept side by side. Units are ordered by the mean position of
 * the parents of their born-in member, siblings by `siblingKey`.
 */
function orderRows(
  people: GenogramPerson[],
  generation: Map<string, number>,
  parentsOf: Map<string, string[]>,
  childrenOf: Map<string, string[]>,
  partnersOf: Map<string, string[]>,
): string[][][] {
  const count = Math.max(-1, ...generation.values()) + 1;
  const byId = new Map(people.map((p) => [p.id, p]));
  const sorted = [...people].sort(siblingKey);
  const rows: string[][][] = Array.from({ length: count }, () => []);
  const inUnit = new Set<string>();
  for (const person of sorted) {
    if (inUnit.has(person.id)) continue;
    const g = generation.get(person.id) ?? 0;
    // Walk the partner chain within the generation: A–B–C becomes [B, A, C] or [A, B, C].
    const unit: string[] = [person.id];
    inUnit.add(person.id);
    const queue = [person.id];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      let side = 0;
      for (const partner of partnersOf.get(id) ?? []) {
        if (inUnit.has(partner) || generation.get(partner) !== g) continue;
        inUnit.add(partner);
        // Born-in members go left of the first partner, so the bar stays short.
        if (side++ % 2 === 0) unit.splice(unit.indexOf(id) + 1, 0, partner);
        else unit.splice(Math.max(0, unit.indexOf(id)), 0, partner);
        queue.push(partner);
      }
    }
    (rows[g] as string[][]).push(unit);
  }

  const position = new Map<string, number>();
  const index = (row: string[][]) => {
    let i = 0;
    for (const unit of row) for (const id of unit) position.set(id, i++);
  };
  rows.forEach(index);
  const mean = (ids: string[]) =>
    ids.length === 0 ? null : ids.reduce((s, id) => s + (position.get(id) ?? 0), 0) / ids.length;
  const anchorAbove = (unit: string[]) => {
    for (const id of unit) {
      const m = mean(parentsOf.get(id) ?? []);
      if (m !== null) return { m, person: byId.get(id) as GenogramPerson };
    }
    return null;
  };
  const anchorBelow = (unit: string[]) => mean(unit.flatMap((id) => childrenOf.get(id) ?? []));
  const sortRow = (row: string[][], anchor: (u: string[]) => number | null) => {
    const keyed = row.map((unit, i) => ({ unit, i, key: anchor(unit) ?? i }));
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    row.splice(0, row.length, ...keyed.map((k) => k.unit));
    index(row);
  };
  // Two sweeps down and one up settle small families; enough for a conversation tool.
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let g = 1; g < count; g++) {
      const row = rows[g] as string[][];
      const keyed = row.map((unit, i) => ({ unit, i, a: anchorAbove(unit) }));
      keyed.sort((x, y) => {
        const mx = x.a?.m ?? x.i;
        const my = y.a?.m ?? y.i;
        if (mx !== my) return mx - my;
        if (x.a && y.a) return siblingKey(x.a.person, y.a.person);
        return x.i - y.i;
      });
      row.splice(0, row.length, ...keyed.map((k) => k.unit));
      index(row);
    }
    if (sweep === 0) for (let g = count - 2; g >= 0; g--) sortRow(rows[g] as string[][], anchorBelow);
  }
  return rows;
}

/**
 * Gives each family its bus height: just above the children's heads, one
 * step higher for each family whose bus would otherwise run over it.
 */
function stackBuses(lines: GenogramLayout['childLines']) {
  const families = new Map<string, GenogramLayout['childLines']>();
  for (const line of lines) {
    const key = `${line.from.x}:${line.from.y}:${line.to.y}`;
    const list = families.get(key);
    if (list) list.push(line);
    else families.set(key, [line]);
  }
  const spans = [...families.values()].map((family) => {
    const xs = family.flatMap((l) => [l.from.x, l.to.x]);
    return { family, lo: Math.min(...xs), hi: Math.max(...xs), top: family[0]?.to.y ?? 0 };
  });
  spans.sort((a, b) => a.top - b.top || a.lo - b.lo);
  // Per row of children, the right end of the last bus at each level.
  const levels = new Map<number, number[]>();
  for (const span of spans) {
    const ends = levels.get(span.top) ?? [];
    let level = ends.findIndex((end) => end + BUS_STEP < span.lo);
    if (level === -1) level = ends.length;
    ends[level] = span.hi;
    levels.set(span.top, ends);
    const busY = span.top - 22 - (level % 4) * BUS_STEP;
    for (const line of span.family) line.busY = busY;
  }
}

function householdBox(
  people: GenogramPerson[],
  placed: GenogramLayout['people'],
): GenogramLayout['household'] {
  const members = people.filter((p) => p.inHousehold);
  if (members.length === 0) return null;
  const index = people.find((p) => p.index);
  if (index && !index.inHousehold) members.push(index);
  const points = members.map((p) => placed[p.id]).filter((p) => p !== undefined);
  if (points.length === 0) return null;
  const pad = GENOGRAM_SYMBOL / 2 + 16;
  const minX = Math.min(...points.map((p) => p.x)) - pad;
  const maxX = Math.max(...points.map((p) => p.x)) + pad;
  const minY = Math.min(...points.map((p) => p.y)) - pad;
  // Room for the label under the symbol.
  const maxY = Math.max(...points.map((p) => p.y)) + pad + 24;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
