import { ellipsize, textWidth } from './networks.layout.text.ts';

type Point = { x: number; y: number };
export type Box = { x: number; y: number; width: number; height: number };

/** A member's name: where it is written, and the box it takes (which nothing else of the drawing overlaps). */
export type EcogramLabel = {
  /** The name as drawn: shortened with an ellipsis when the sector is too crowded for all of it. */
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  box: Box;
  /** Where the name sits relative to the symbol; `below-right`: under it, running to the right. */
  side: 'below' | 'above' | 'right' | 'left' | 'below-right' | 'below-left' | 'above-right' | 'above-left';
};

export const overlaps = (a: Box, b: Box, pad = 0) =>
  a.x < b.x + b.width + pad &&
  b.x < a.x + a.width + pad &&
  a.y < b.y + b.height + pad &&
  b.y < a.y + a.height + pad;

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Shortest distance from `p` to any point of the box (0 inside). */
export function distanceToBox(p: Point, b: Box): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

type Candidate = { side: EcogramLabel['side']; text: string; box: Box; cost: number };
type Segment = { from: Point; to: Point };
const SHORTENED = [0, 2, 3];
const DIAGONALS: EcogramLabel['side'][] = ['below-right', 'below-left', 'above-right', 'above-left'];
const CAPTION_PENALTY = 1e9;

/**
 * A coarse grid over the canvas: each cell lists the boxes and lines that
 * touch it, so a candidate place is checked against its neighbours only
 * (150 members would otherwise cost a million comparisons).
 */
class Grid {
  private readonly cells = new Map<number, { item: number; box: Box }[]>();
  private readonly stamp: Int32Array;
  private query = 0;
  constructor(
    private readonly cell: number,
    count: number,
  ) {
    this.stamp = new Int32Array(count);
  }
  private range(box: Box): [number, number, number, number] {
    const c = this.cell;
    return [
      Math.floor(box.x / c),
      Math.floor(box.y / c),
      Math.floor((box.x + box.width) / c),
      Math.floor((box.y + box.height) / c),
    ];
  }
  private put(key: number, item: number, box: Box) {
    const list = this.cells.get(key);
    if (list) list.push({ item, box });
    else this.cells.set(key, [{ item, box }]);
  }
  add(item: number, box: Box) {
    const [x0, y0, x1, y1] = this.range(box);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) this.put(x * 4096 + y, item, box);
  }
  /** A line goes only into the cells it passes (sampled finely), not every cell of its bounds. */
  addLine(item: number, a: Point, b: Point) {
    const box = boundsOf(a, b);
    const steps = Math.ceil((Math.hypot(b.x - a.x, b.y - a.y) * 4) / this.cell) + 1;
    const keys = new Set<number>();
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      keys.add(
        Math.floor((a.x + (b.x - a.x) * t) / this.cell) * 4096 +
          Math.floor((a.y + (b.y - a.y) * t) / this.cell),
      );
    }
    for (const key of keys) this.put(key, item, box);
  }
  /** Every item whose cells the box touches, once. */
  near(box: Box, visit: (item: number, box: Box) => void) {
    this.query++;
    const [x0, y0, x1, y1] = this.range(box);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const list = this.cells.get(x * 4096 + y);
        if (!list) continue;
        for (const entry of list) {
          if (this.stamp[entry.item] === this.query) continue;
          this.stamp[entry.item] = this.query;
          visit(entry.item, entry.box);
        }
      }
  }
}

const boundsOf = (a: Point, b: Point): Box => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  width: Math.abs(b.x - a.x),
  height: Math.abs(b.y - a.y),
});

/**
 * Names beside their symbols without overlapping each other, any symbol, the
 * circle in the middle, a caption or the canvas edge: on the outer side of
 * the symbol first (ties from the middle arrive on the inner side), else on
 * the sides across, else on the inner side; when no side is free, the name
 * is shortened with an ellipsis (the full name stays in the table and the
 * description), and as a last resort the place with the least overlap is
 * taken, never over a caption when any other place is left. Sides where no
 * tie runs are preferred.
 */
export function placeMemberLabels(input: {
  members: { id: string; label: string; at: Point }[];
  nodeRadius: number;
  size: number;
  center: Point;
  clientRadius: number;
  captions: Box[];
  canvas: number;
  /** The ties as drawn. */
  segments: Segment[];
}): Record<string, EcogramLabel> {
  const { nodeRadius: r, size: font, center } = input;
  const height = font * 1.2;
  const cell = Math.max(8, r * 4);
  const n = input.members.length;
  const symbols = new Grid(cell, n);
  input.members.forEach((m, i) => {
    symbols.add(i, { x: m.at.x - r, y: m.at.y - r, width: 2 * r, height: 2 * r });
  });
  const lines = new Grid(cell, input.segments.length);
  input.segments.forEach((seg, k) => {
    lines.addLine(k, seg.from, seg.to);
  });
  const placed = new Grid(cell, n);
  const out: Record<string, EcogramLabel> = {};
  const order = input.members
    .map((m, i) => ({ m, i, d: Math.hypot(m.at.x - center.x, m.at.y - center.y) }))
    .sort((a, b) => a.d - b.d);
  const widths = [Number.POSITIVE_INFINITY, r * 4.5, r * 3];

  const costOf = (box: Box, self: number): number => {
    let cost = 0;
    for (const caption of input.captions) cost += overlapArea(box, caption) * CAPTION_PENALTY;
    if (box.x < 0 || box.y < 0 || box.x + box.width > input.canvas || box.y + box.height > input.canvas)
      cost += CAPTION_PENALTY;
    if (distanceToBox(center, box) < input.clientRadius + 1) cost += 1e6;
    const padded = { x: box.x - 1, y: box.y - 1, width: box.width + 2, height: box.height + 2 };
    symbols.near(padded, (j, s) => {
      if (j !== self) cost += overlapArea(box, s) * 10 + (overlaps(box, s, 1) ? 1 : 0);
    });
    placed.near(padded, (_, p) => {
      cost += overlapArea(box, p) + (overlaps(box, p, 1) ? 1 : 0);
    });
    lines.near(box, (k) => {
      const seg = input.segments[k] as Segment;
      if (crosses(seg.from, seg.to, box)) cost += 0.5;
    });
    return cost;
  };

  for (const { m, i, d } of order) {
    const ux = (m.at.x - center.x) / (d || 1);
    const uy = (m.at.y - center.y) / (d || 1);
    const across: EcogramLabel['side'][] =
      Math.abs(uy) >= 0.5
        ? uy < 0
          ? ['above', 'right', 'left', 'above-right', 'above-left', 'below']
          : ['below', 'right', 'left', 'below-right', 'below-left', 'above']
        : ux > 0
          ? ['right', 'below', 'above', 'below-right', 'above-right', 'left']
          : ['left', 'below', 'above', 'below-left', 'above-left', 'right'];
    const sides = [...across, ...DIAGONALS.filter((d) => !across.includes(d))];
    let best: Candidate | null = null;
    // A shortened name costs more than a line under the name, less than an overlap.
    for (const [level, max] of widths.entries()) {
      const penalty = SHORTENED[level] as number;
      if (best && best.cost <= penalty) break;
      const text = ellipsize(m.label, font, max);
      const width = textWidth(text, font);
      for (const side of sides) {
        const box = boxOf(side, m.at, r, width, height);
        const cost = costOf(box, i) + penalty;
        if (!best || cost < best.cost) best = { side, text, box, cost };
        if (cost === penalty) break;
      }
    }
    const chosen = best as Candidate;
    out[m.id] = labelAt(chosen, font);
    placed.add(i, chosen.box);
  }
  return out;
}

const gapOf = (r: number) => Math.max(1.5, r * 0.15);

function boxOf(side: EcogramLabel['side'], at: Point, r: number, width: number, height: number): Box {
  const gap = gapOf(r);
  const below = at.y + r + gap;
  const above = at.y - r - gap - height;
  // Shifted names start a little past the symbol's middle, so they still read as its own.
  const shift = r * 0.3;
  switch (side) {
    case 'below':
      return { x: at.x - width / 2, y: below, width, height };
    case 'above':
      return { x: at.x - width / 2, y: above, width, height };
    case 'right':
      return { x: at.x + r + gap, y: at.y - height / 2, width, height };
    case 'left':
      return { x: at.x - r - gap - width, y: at.y - height / 2, width, height };
    case 'below-right':
      return { x: at.x + shift, y: below, width, height };
    case 'below-left':
      return { x: at.x - shift - width, y: below, width, height };
    case 'above-right':
      return { x: at.x + shift, y: above, width, height };
    case 'above-left':
      return { x: at.x - shift - width, y: above, width, height };
  }
}

function labelAt(chosen: Candidate, font: number): EcogramLabel {
  const { side, text, box } = chosen;
  const y = box.y + font * 0.95;
  if (side === 'below' || side === 'above')
    return { text, x: box.x + box.width / 2, y, anchor: 'middle', size: font, box, side };
  const left = side === 'right' || side.endsWith('-right');
  return {
    text,
    x: left ? box.x : box.x + box.width,
    y,
    anchor: left ? 'start' : 'end',
    size: font,
    box,
    side,
  };
}

/** Whether the segment from a to b runs through the box (Liang–Barsky clipping). */
export function crosses(a: Point, b: Point, box: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const range = { t0: 0, t1: 1 };
  return (
    clipEdge(-dx, a.x - box.x, range) &&
    clipEdge(dx, box.x + box.width - a.x, range) &&
    clipEdge(-dy, a.y - box.y, range) &&
    clipEdge(dy, box.y + box.height - a.y, range)
  );
}

function clipEdge(p: number, q: number, range: { t0: number; t1: number }): boolean {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) range.t0 = Math.max(range.t0, t);
  else range.t1 = Math.min(range.t1, t);
  return range.t0 <= range.t1;
}
