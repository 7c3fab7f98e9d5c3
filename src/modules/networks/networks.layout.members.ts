import { type EcogramMember, type Ring, SECTORS } from '../../contracts/networks.ts';

type Point = { x: number; y: number };

/** Each sector's share of the circle; sectors start at the top and turn clockwise (SVG angles). */
export const SPAN = (2 * Math.PI) / SECTORS.length;
export const START = -Math.PI / 2;

/** Smallest angle between two centres on a circle of radius r that keeps them `pitch` apart. */
export function minAngle(pitch: number, r: number): number {
  return pitch >= 2 * r ? Math.PI : 2 * Math.asin(pitch / (2 * r));
}

/**
 * Distances between centres, in node radii: along a row there must be room for
 * the name under each circle; between rows, for a circle and its name.
 */
export const ALONG = 3;
export const ACROSS = 2.6;

/** How many rows a cell needs at this pitch, or null when the band cannot hold them. */
export function rowsFor(
  count: number,
  inner: number,
  outer: number,
  pitch: number,
  across: number,
): number[] | null {
  const width = outer - inner;
  const maxRows = Math.floor(width / across);
  for (let k = 1; k <= maxRows; k++) {
    const radii = Array.from({ length: k }, (_, j) => inner + ((j + 0.5) * width) / k);
    const capacity = radii.reduce((sum, r) => sum + Math.floor(SPAN / minAngle(pitch, r)), 0);
    if (capacity >= count) return radii;
  }
  return null;
}

export function bandOf(ring: Ring, clientRadius: number, ringRadii: number[]): [number, number] {
  const outer = ringRadii[ring - 1] as number;
  const inner = ring === 1 ? clientRadius : (ringRadii[ring - 2] as number);
  return [inner, outer];
}

/**
 * Puts angles in order with at least `gap` between neighbours and within
 * [lo, hi], moving each as little as a forward then backward sweep allows.
 */
function spread(targets: number[], gap: number, lo: number, hi: number): number[] {
  const out = targets.map((t) => Math.min(hi, Math.max(lo, t)));
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i] as number, (out[i - 1] as number) + gap);
  for (let i = out.length - 1; i >= 0; i--) {
    const limit = i === out.length - 1 ? hi : (out[i + 1] as number) - gap;
    out[i] = Math.min(out[i] as number, limit);
  }
  return out;
}

type Row = { r: number; start: number; items: { member: EcogramMember; target: number }[] };

/**
 * A tie from the person in the middle must not run through another member's
 * symbol: this many node radii between a member's centre and any such tie.
 */
export const TIE_CLEARANCE = 1.6;
const CLEARANCE_STEPS = [TIE_CLEARANCE, 1.3, 1.05, 0.5];

/**
 * Places every row from the middle outwards. A member with a tie from the
 * person keeps out of the angles where that tie would pass through someone
 * already placed closer in (no one sits right behind another on a ray);
 * when a crowded row has no such room, it is spread as before.
 */
export function placeMembers(
  cells: Map<string, EcogramMember[]>,
  plans: Map<string, number[]>,
  pitch: number,
  nodeRadius: number,
  center: Point,
  tied: Set<string>,
): Record<string, Point> {
  const rows = [...cells].flatMap(([key, list]) => rowsOfCell(list, plans.get(key) ?? [], pitch));
  rows.sort((a, b) => a.r - b.r);
  const placed: { r: number; angle: number }[] = [];
  const out: Record<string, Point> = {};
  for (const row of rows) {
    const gap = minAngle(pitch, row.r);
    const lo = row.start + gap / 2;
    const hi = row.start + SPAN - gap / 2;
    const zonesAt = (clearance: number) => {
      const zones: [number, number][] = [];
      for (const p of placed) {
        if (p.r >= row.r - nodeRadius) continue;
        let rel = (p.angle - row.start) % (2 * Math.PI);
        if (rel > Math.PI) rel -= 2 * Math.PI;
        if (rel < -Math.PI) rel += 2 * Math.PI;
        const half = Math.asin(Math.min(1, clearance / p.r));
        const at = row.start + rel;
        if (at + half > lo && at - half < hi) zones.push([at - half, at + half]);
      }
      return merge(zones);
    };
    const targets = row.items.map((t) => row.start + t.target * SPAN);
    const avoid = row.items.map((t) => tied.has(t.member.id));
    // Clear of every symbol by a margin, else just clear, else at least clear of the centres; else as before.
    let angles: number[] | null = null;
    for (const share of CLEARANCE_STEPS) {
      angles = spreadAvoiding(targets, gap, lo, hi, zonesAt(nodeRadius * share), avoid);
      if (angles) break;
    }
    angles ??= spread(targets, gap, lo, hi);
    row.items.forEach((t, i) => {
      const a = angles[i] as number;
      placed.push({ r: row.r, angle: a });
      out[t.member.id] = { x: center.x + row.r * Math.cos(a), y: center.y + row.r * Math.sin(a) };
    });
  }
  return out;
}

function merge(zones: [number, number][]): [number, number][] {
  zones.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const z of zones) {
    const last = out.at(-1);
    if (last && z[0] <= last[1]) last[1] = Math.max(last[1], z[1]);
    else out.push([z[0], z[1]]);
  }
  return out;
}

const inZone = (a: number, zones: [number, number][]) => zones.find(([lo, hi]) => a > lo && a < hi);

/**
 * `spread`, with the members flagged in `avoid` kept out of the zones. The
 * earliest and the latest free place each member could take (keeping order
 * and gaps) bound it; within those bounds each takes the free place nearest
 * its target. Null when the row cannot hold them all outside the zones.
 */
function spreadAvoiding(
  targets: number[],
  gap: number,
  lo: number,
  hi: number,
  zones: [number, number][],
  avoid: boolean[],
): number[] | null {
  const n = targets.length;
  const freeFrom = (a: number, i: number) => (avoid[i] ? (inZone(a, zones)?.[1] ?? a) : a);
  const freeUpTo = (a: number, i: number) => (avoid[i] ? (inZone(a, zones)?.[0] ?? a) : a);
  const earliest: number[] = [];
  for (let i = 0; i < n; i++) earliest.push(freeFrom(i === 0 ? lo : (earliest[i - 1] as number) + gap, i));
  if ((earliest[n - 1] ?? lo) > hi + 1e-9) return null;
  const latest: number[] = new Array(n);
  for (let i = n - 1; i >= 0; i--)
    latest[i] = freeUpTo(i === n - 1 ? hi : (latest[i + 1] as number) - gap, i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.max(earliest[i] as number, i === 0 ? lo : (out[i - 1] as number) + gap);
    const to = latest[i] as number;
    const want = Math.min(to, Math.max(from, targets[i] as number));
    const zone = avoid[i] ? inZone(want, zones) : undefined;
    if (!zone) out.push(want);
    else {
      const options = [zone[0], zone[1]].filter((a) => a >= from - 1e-9 && a <= to + 1e-9);
      options.push(to);
      out.push(options.reduce((best, a) => (Math.abs(a - want) < Math.abs(best - want) ? a : best)));
    }
  }
  return out;
}

function rowsOfCell(list: EcogramMember[], radii: number[], pitch: number): Row[] {
  const first = list[0];
  if (!first || radii.length === 0) return [];
  const start = START + SECTORS.indexOf(first.sector) * SPAN;
  const free = list.filter((m) => m.angle === undefined);
  const targets = list.map((m) => ({
    member: m,
    target: m.angle ?? (free.indexOf(m) + 0.5) / free.length,
  }));
  // Stable: equal targets keep the order of the list.
  targets.sort((a, b) => a.target - b.target);

  // Shares of the rows proportional to what each row holds, outer rows first.
  const capacities = radii.map((r) => Math.floor(SPAN / minAngle(pitch, r)));
  const total = capacities.reduce((s, c) => s + c, 0);
  const counts = capacities.map((c) => Math.floor((c * list.length) / total));
  let left = list.length - counts.reduce((s, c) => s + c, 0);
  for (let j = radii.length - 1; left > 0; j = (j - 1 + radii.length) % radii.length) {
    if ((counts[j] as number) < (capacities[j] as number)) {
      counts[j] = (counts[j] as number) + 1;
      left--;
    }
  }
  // Interleave members over rows so each row covers the whole sector.
  const rows: Row[] = radii.map((r) => ({ r, start, items: [] }));
  const given = radii.map(() => 0);
  for (const t of targets) {
    let best = -1;
    let bestRatio = Number.POSITIVE_INFINITY;
    for (let j = 0; j < radii.length; j++) {
      const count = counts[j] as number;
      if ((given[j] as number) >= count) continue;
      const ratio = (given[j] as number) / count;
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = j;
      }
    }
    (rows[best] as Row).items.push(t);
    given[best] = (given[best] as number) + 1;
  }
  return rows;
}
