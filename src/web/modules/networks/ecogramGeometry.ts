/*
 * SVG path geometry for the ecogram drawing: the zigzag of a stressful tie, the band of one
 * sector within one ring (the drop target shown while dragging), and the words of the drawing
 * at a size a screen can read. Pure, so it can be tested.
 */
import type { Sector } from '../../../contracts/networks.ts';
import { type EcogramLabel, placeMemberLabels } from '../../../modules/networks/networks.layout.ecolabels.ts';
import { fitInCircle } from '../../../modules/networks/networks.layout.text.ts';
import type { Box, EcogramLayout } from '../../../modules/networks/networks.layout.ts';
import type { Ecogram } from './ecogramEditing.ts';

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

/** Smallest sizes (in screen pixels) the web draws the words of the ecogram in. */
export const READABLE = { name: 12, caption: 11, clientLargest: 13, clientSmallest: 9 };

export type DrawnCaption = EcogramLayout['sectors'][number]['caption'] & { sector: Sector };

/**
 * The layout's sector captions, grown to a readable size on a small drawing. The layout sizes
 * words in proportion to the canvas (right for paper, too small on a phone), so a caption grows
 * away from the rings, from its point nearest the centre, and is then kept inside the canvas.
 */
export function readableCaptions(layout: EcogramLayout, min = READABLE.caption): DrawnCaption[] {
  const margin = 2;
  return layout.sectors.map(({ sector, caption }) => {
    if (caption.size >= min) return { ...caption, sector };
    const k = min / caption.size;
    const { box } = caption;
    const ax = clamp(layout.center.x, box.x, box.x + box.width);
    const ay = clamp(layout.center.y, box.y, box.y + box.height);
    const width = box.width * k;
    const height = box.height * k;
    const x = clamp(ax + (box.x - ax) * k, margin, layout.size - margin - width);
    const y = clamp(ay + (box.y - ay) * k, margin, layout.size - margin - height);
    return {
      sector,
      lines: caption.lines,
      x: x + width / 2,
      y: y + (caption.y - box.y) * k,
      size: min,
      lineHeight: caption.lineHeight * k,
      box: { x, y, width, height },
    };
  });
}

/**
 * The members' names as the web draws them: the layout's own when its font and symbols are
 * what the screen shows; placed again by the same rules (clear of symbols, ties, captions and
 * each other) when the screen needs a larger font or larger symbols than the layout's.
 */
export function readableLabels(
  ecogram: Ecogram,
  layout: EcogramLayout,
  drawn: { nodeRadius: number; font: number; captions: Box[] },
): Record<string, EcogramLabel> {
  const captionsMoved = drawn.captions.some((b, i) => b !== layout.sectors[i]?.caption.box);
  if (drawn.font <= layout.labelSize && drawn.nodeRadius <= layout.nodeRadius && !captionsMoved)
    return layout.labels;
  return placeMemberLabels({
    members: ecogram.members.flatMap((m) => {
      const at = layout.members[m.id];
      return at ? [{ id: m.id, label: m.label, at }] : [];
    }),
    nodeRadius: drawn.nodeRadius,
    size: drawn.font,
    center: layout.center,
    clientRadius: layout.clientRadius,
    captions: drawn.captions,
    canvas: layout.size,
    segments: layout.ties,
  });
}

/** A paper rectangle a little larger than a name's box, so no line runs through the name. */
export function paperUnder(box: Box): Box & { rx: number } {
  const pad = Math.max(1, box.height * 0.12);
  return {
    x: box.x - pad,
    y: box.y - pad * 0.5,
    width: box.width + 2 * pad,
    height: box.height + pad,
    rx: pad,
  };
}

/** The client's name in the middle circle: as large as fits, on up to three lines, never tiny. */
export function clientName(name: string, layout: EcogramLayout) {
  const s = layout.size / 800;
  const fit = fitInCircle(
    name,
    layout.clientRadius,
    Math.max(15 * s, READABLE.clientLargest),
    Math.max(8 * s, READABLE.clientSmallest),
  );
  const lineHeight = fit.size * 1.15;
  const first = layout.center.y + fit.size * 0.35 - ((fit.lines.length - 1) * lineHeight) / 2;
  return { lines: fit.lines, size: fit.size, lineHeight, first };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), Math.max(lo, hi));
