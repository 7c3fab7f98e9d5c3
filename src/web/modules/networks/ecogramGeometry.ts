/*
 * SVG path geometry for the ecogram drawing: the zigzag of a stressful tie and the band of one
 * sector within one ring (the drop target shown while dragging). Pure, so it can be tested.
 */

export interface Point {
  x: number;
  y: number;
}

const fmt = (n: number) => Number(n.toFixed(2));

/**
 * A zigzag from a to b with straight ends, so arrowheads at the ends point along the tie
 * and the zigzag reads as "stressful" rather than as a wobbly line.
 */
export function zigzagPath(a: Point, b: Point, amplitude = 5, wavelength = 12): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  const lead = Math.min(10, length / 4);
  const zigLength = length - 2 * lead;
  const teeth = Math.floor(zigLength / (wavelength / 2));
  if (length === 0 || teeth < 2) return `M${fmt(a.x)},${fmt(a.y)} L${fmt(b.x)},${fmt(b.y)}`;
  const ux = dx / length;
  const uy = dy / length;
  // The normal turns the zigzag's peaks sideways from the tie.
  const nx = -uy;
  const ny = ux;
  const step = zigLength / teeth;
  const points: Point[] = [a, { x: a.x + ux * lead, y: a.y + uy * lead }];
  for (let i = 1; i < teeth; i += 1) {
    const along = lead + i * step;
    const side = i % 2 === 1 ? amplitude : -amplitude;
    points.push({ x: a.x + ux * along + nx * side, y: a.y + uy * along + ny * side });
  }
  points.push({ x: b.x - ux * lead, y: b.y - uy * lead }, b);
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(p.x)},${fmt(p.y)}`).join(' ');
}

function polar(center: Point, r: number, angle: number): Point {
  return { x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) };
}

/** The closed outline of the part of a ring between two angles (radians, SVG orientation). */
export function bandPath(center: Point, inner: number, outer: number, start: number, end: number): string {
  const large = end - start > Math.PI ? 1 : 0;
  const o1 = polar(center, outer, start);
  const o2 = polar(center, outer, end);
  const i2 = polar(center, inner, end);
  const i1 = polar(center, inner, start);
  return [
    `M${fmt(o1.x)},${fmt(o1.y)}`,
    `A${fmt(outer)},${fmt(outer)} 0 ${large} 1 ${fmt(o2.x)},${fmt(o2.y)}`,
    `L${fmt(i2.x)},${fmt(i2.y)}`,
    inner > 0 ? `A${fmt(inner)},${fmt(inner)} 0 ${large} 0 ${fmt(i1.x)},${fmt(i1.y)}` : '',
    'Z',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A line from the centre out to a radius, for the borders between sectors. */
export function spoke(center: Point, from: number, to: number, angle: number): { a: Point; b: Point } {
  return { a: polar(center, from, angle), b: polar(center, to, angle) };
}

/**
 * A label cut in at most two lines of about `width` characters, at a space, so long sector
 * names ("school, werk en verenigingen") fit beside the rings on a phone.
 */
export function wrapLabel(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const words = text.split(' ');
  let best: string[] = [text];
  let bestLongest = text.length;
  for (let i = 1; i < words.length; i += 1) {
    const first = words.slice(0, i).join(' ');
    const second = words.slice(i).join(' ');
    const longest = Math.max(first.length, second.length);
    if (longest < bestLongest) {
      best = [first, second];
      bestLongest = longest;
    }
  }
  return best;
}

/**
 * Shortens a name that would not fit beside its node to its first whole words (the first word
 * whole even when it is long), so the visible words stay whole words of the accessible name;
 * the full name is in the table and the details.
 */
export function shortLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  const words = text.split(' ');
  let kept = words[0] ?? text;
  for (const word of words.slice(1)) {
    if (`${kept} ${word}`.length > max - 1) break;
    kept = `${kept} ${word}`;
  }
  return kept === text ? text : `${kept}…`;
}
