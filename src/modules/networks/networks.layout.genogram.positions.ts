/** Horizontal distance between neighbours in a generation (room for a symbol and its name). */
export const COLUMN = 110;

/** Units that stand together as one block: siblings of one family (with their partners) or a lone unit. */
type Block = { units: string[][]; width: number };

/**
 * Lefts for blocks in their order, each as near its wish (`null`: where it
 * stood) as the order and a column between blocks allow, the misses shared
 * fairly (least squares, by pooling adjacent violators).
 */
function settle(blocks: { width: number; want: number; weight: number }[]): number[] {
  const offsets: number[] = [];
  let sum = 0;
  for (const b of blocks) {
    offsets.push(sum);
    sum += b.width + COLUMN;
  }
  // Without the gaps the constraint is plain order: fit an increasing sequence.
  const pools: { value: number; weight: number; count: number }[] = [];
  blocks.forEach((b, i) => {
    pools.push({ value: b.want - (offsets[i] as number), weight: b.weight, count: 1 });
    while (pools.length > 1) {
      const last = pools[pools.length - 1] as (typeof pools)[number];
      const prev = pools[pools.length - 2] as (typeof pools)[number];
      if (prev.value <= last.value) break;
      const weight = prev.weight + last.weight;
      pools.splice(pools.length - 2, 2, {
        value: (prev.value * prev.weight + last.value * last.weight) / weight,
        weight,
        count: prev.count + last.count,
      });
    }
  });
  const out: number[] = [];
  for (const pool of pools)
    for (let k = 0; k < pool.count; k++) out.push(pool.value + (offsets[out.length] as number));
  return out;
}

/**
 * x per person. Going down, each family's children (with their partners)
 * form one block centred under the parents; going up, each couple is centred
 * over its children. Blocks that want the same room share the shift. A few
 * sweeps settle it; the last one up puts every couple over its children.
 */
export function positions(
  rows: string[][][],
  parentsOf: Map<string, string[]>,
  childrenOf: Map<string, string[]>,
): Map<string, number> {
  const x = new Map<string, number>();
  const meanX = (ids: string[]) =>
    ids.length === 0 ? null : ids.reduce((s, id) => s + (x.get(id) ?? 0), 0) / ids.length;
  const familyOf = (unit: string[]) => {
    for (const id of unit) {
      const parents = parentsOf.get(id);
      if (parents && parents.length > 0) return [...parents].sort().join('\u0000');
    }
    return null;
  };
  const place = (blocks: Block[], wish: (block: Block) => number | null) => {
    const lefts = settle(
      blocks.map((block) => {
        const first = block.units[0]?.[0] as string;
        const want = wish(block);
        const was = x.get(first);
        return {
          width: block.width,
          want: want ?? was ?? 0,
          // A block without a wish keeps its place only when nothing else wants the room.
          weight: want === null ? 1e-4 : 1,
        };
      }),
    );
    blocks.forEach((block, i) => {
      let cursor = lefts[i] as number;
      for (const unit of block.units) {
        for (const id of unit) {
          x.set(id, cursor);
          cursor += COLUMN;
        }
      }
    });
  };
  const unitWidth = (unit: string[]) => (unit.length - 1) * COLUMN;
  const single = (unit: string[]): Block => ({ units: [unit], width: unitWidth(unit) });
  const families = (row: string[][]): Block[] => {
    const blocks: (Block & { key: string | null })[] = [];
    for (const unit of row) {
      const key = familyOf(unit);
      const last = blocks.at(-1);
      if (key !== null && last && last.key === key) {
        last.units.push(unit);
        last.width += COLUMN + unitWidth(unit);
      } else blocks.push({ ...single(unit), key });
    }
    return blocks;
  };
  // Where the born-in members of a block stand, relative to its left edge.
  const bornInCentre = (block: Block) => {
    const offsets: number[] = [];
    let cursor = 0;
    for (const unit of block.units)
      for (const id of unit) {
        if ((parentsOf.get(id) ?? []).length > 0) offsets.push(cursor);
        cursor += COLUMN;
      }
    return offsets.length === 0 ? block.width / 2 : offsets.reduce((s, o) => s + o, 0) / offsets.length;
  };
  const down = (g: number) => {
    const row = rows[g] as string[][];
    place(families(row), (block) => {
      const mid = meanX(
        block.units.flatMap((u) => u.flatMap((id) => parentsOf.get(id) ?? [])).filter(unique),
      );
      return mid === null ? null : mid - bornInCentre(block);
    });
  };
  const up = (g: number) => {
    const row = rows[g] as string[][];
    place(row.map(single), (block) => {
      const unit = block.units[0] as string[];
      const kids = meanX(unit.flatMap((id) => childrenOf.get(id) ?? []).filter(unique));
      if (kids === null) return null;
      // Centre the parents of those children (the couple), not the whole unit.
      const parents = unit.filter((id) => (childrenOf.get(id) ?? []).length > 0);
      const offset =
        parents.reduce((s, id) => s + unit.indexOf(id) * COLUMN, 0) / Math.max(1, parents.length);
      return kids - offset;
    });
  };
  rows.forEach((row, g) => {
    if (g === 0) {
      let cursor = 0;
      for (const unit of row)
        for (const id of unit) {
          x.set(id, cursor);
          cursor += COLUMN;
        }
      return;
    }
    place(row.map(single), () => null);
    down(g);
  });
  for (let sweep = 0; sweep < 3; sweep++) {
    for (let g = rows.length - 2; g >= 0; g--) up(g);
    if (sweep < 2) for (let g = 1; g < rows.length; g++) down(g);
  }
  const min = Math.min(...x.values());
  for (const [id, v] of x) x.set(id, v - min);
  return x;
}

function unique<T>(value: T, index: number, list: T[]): boolean {
  return list.indexOf(value) === index;
}
