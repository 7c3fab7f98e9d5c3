import type { GenogramPerson } from '../../contracts/networks.ts';
import type { GenogramLayout } from './networks.layout.genogram.ts';
import { ellipsize, textWidth } from './networks.layout.text.ts';

type Point = { x: number; y: number };

/** Width and height of a person's symbol. */
export const GENOGRAM_SYMBOL = 36;
/** Font size of the names under the symbols, and the most room a name takes (a column, less a gap). */
export const GENOGRAM_NAME_SIZE = 12;
const NAME_WIDTH = 96;

/** A name as the genogram writes it: shortened with an ellipsis when wider than its column. */
export function genogramName(label: string): string {
  return ellipsize(label, GENOGRAM_NAME_SIZE, NAME_WIDTH);
}
/** What the drawing writes under a symbol: the name, and the years on a line below in a smaller size. */
export function genogramYears(p: GenogramPerson): string {
  if (p.birthYear !== undefined && p.deathYear !== undefined) return `${p.birthYear}–${p.deathYear}`;
  if (p.birthYear !== undefined) return `° ${p.birthYear}`;
  if (p.deathYear !== undefined) return `† ${p.deathYear}`;
  return '';
}
export const GENOGRAM_YEARS_SIZE = 10;

/** Width of the name block under a symbol. */
export function nameWidth(p: GenogramPerson): number {
  return Math.max(
    textWidth(genogramName(p.label), GENOGRAM_NAME_SIZE),
    textWidth(genogramYears(p), GENOGRAM_YEARS_SIZE),
  );
}

/** Below the partnership bar, clear of its separation and divorce slashes. */
const BOND_DROP = 14;
/** Bottom of the name and years under a symbol, from its centre. */
const NAME_BOTTOM = GENOGRAM_SYMBOL / 2 + 40;

export function bondPath(
  a: { x: number; y: number },
  b: { x: number; y: number },
  pa: GenogramPerson,
  pb: GenogramPerson,
  placed: GenogramLayout['people'],
  lanes: Map<string, number>,
  stems: Point[],
): Point[] {
  const half = GENOGRAM_SYMBOL / 2;
  if (a.y === b.y) {
    const [l, r] = a.x <= b.x ? [a, b] : [b, a];
    const between = Object.values(placed).some((p) => p.y === a.y && p.x > l.x && p.x < r.x);
    if (!between)
      return [
        { x: l.x + half + 2, y: l.y + BOND_DROP },
        { x: r.x - half - 2, y: r.y + BOND_DROP },
      ];
    // Over the heads, under the children's buses, beside the lines into the heads.
    const lift = a.y - half - 11;
    return [
      { x: l.x + 10, y: l.y - half + 2 },
      { x: l.x + 10, y: lift },
      { x: r.x - 10, y: lift },
      { x: r.x - 10, y: r.y - half + 2 },
    ];
  }
  const [upper, lower, person] = a.y < b.y ? [a, b, pa] : [b, a, pb];
  const side = lower.x >= upper.x ? 1 : -1;
  // Out beside the upper person's name, down past it, then to the side of the lower person.
  const name = Math.max(half, nameWidth(person) / 2);
  const key = `${person.id}:${side}`;
  const lane = lanes.get(key) ?? 0;
  lanes.set(key, lane + 1);
  // Lanes alternate below and above the partnership bar, each a step further out.
  const exit = upper.y + (lane % 2 === 0 ? BOND_DROP : -BOND_DROP);
  // Clear of the name and of a household boundary drawn around the person.
  const clearOfStems = (x: number) => {
    for (const stem of stems)
      if (stem.y <= upper.y + NAME_BOTTOM && stem.y >= upper.y - half && Math.abs(stem.x - x) < 10)
        return stem.x + side * 10;
    return x;
  };
  const x1 = clearOfStems(clearOfStems(upper.x + side * Math.max(name + 20, half + 28)) + side * lane * 10);
  const enter = x1 <= lower.x ? -1 : 1;
  return [
    { x: upper.x + side * (half + 2), y: exit },
    { x: x1, y: exit },
    { x: x1, y: upper.y + NAME_BOTTOM },
    { x: lower.x + enter * (half + 2), y: lower.y },
  ];
}
