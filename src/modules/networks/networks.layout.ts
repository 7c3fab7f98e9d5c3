import {
  CLIENT_NODE,
  type EcogramMember,
  type EcogramTie,
  type NetworkMapDocument,
  type Ring,
  SECTORS,
  type Sector,
} from '../../contracts/networks.ts';

import { clampedCaptions, placeCaptions, type SectorCaption } from './networks.layout.captions.ts';
import { type EcogramLabel, placeMemberLabels } from './networks.layout.ecolabels.ts';

import { ACROSS, ALONG, bandOf, placeMembers, rowsFor, SPAN, START } from './networks.layout.members.ts';

export type { SectorCaption } from './networks.layout.captions.ts';
export type { Box, EcogramLabel } from './networks.layout.ecolabels.ts';
export { type GenogramLayout, layoutGenogram } from './networks.layout.genogram.ts';
export { TIE_CLEARANCE } from './networks.layout.members.ts';

type Point = { x: number; y: number };
type Ecogram = NetworkMapDocument['ecogram'];

/** The common ecomap notation: thick solid, dashed, zigzag. */
export type TieStyle = 'strong' | 'weak' | 'stressful';

/**
 * Where everything of an ecogram goes on a square canvas of `size`. Angles are
 * radians as SVG measures them (y points down, so increasing angles turn
 * clockwise), sectors start at the top. Tie ends stop at the edge of the
 * circles, so arrowheads stay visible.
 */
export type EcogramLayout = {
  size: number;
  center: Point;
  /** Radius of the circle for the person in the middle. */
  clientRadius: number;
  /** Outer radius of rings 1, 2 and 3. */
  ringRadii: number[];
  /** Radius of every member's circle: smaller when a sector is crowded, so no two overlap. */
  nodeRadius: number;
  /**
   * `labelAt` is the centre of the sector's caption; `caption` its lines and
   * box, in a band outside ring 3 that no member or name reaches.
   */
  sectors: {
    sector: Sector;
    startAngle: number;
    endAngle: number;
    labelAt: Point;
    caption: SectorCaption;
  }[];
  members: Record<string, Point>;
  ties: { id: string; from: Point; to: Point; style: TieStyle; arrowToFrom: boolean; arrowToTo: boolean }[];
  /** Font size of the members' names. */
  labelSize: number;
  /**
   * Each member's name: its side of the symbol, its text (shortened with an
   * ellipsis in a crowded sector) and its box. No box overlaps a caption;
   * boxes overlap no other name or symbol wherever the map leaves room.
   */
  labels: Record<string, EcogramLabel>;
  /** The caption texts the band was measured for (the sector keys when none were given). */
  captionTexts: string[];
};

const DEFAULT_SIZE = 800;

/** Strained is stressful whatever the frequency; frequent positive contact is strong; the rest weak. */
export function tieStyle(tie: Pick<EcogramTie, 'quality' | 'frequency'>): TieStyle {
  if (tie.quality === 'strained') return 'stressful';
  if (tie.quality === 'positive' && (tie.frequency === 'daily' || tie.frequency === 'weekly'))
    return 'strong';
  return 'weak';
}

/**
 * Ring 1 gets the widest band and ring 3 the narrowest: near the middle the
 * arcs are short, and the close ones are the people a conversation is about.
 */
const RING_WEIGHTS = [1.35, 1, 0.85];
/** The client's circle: room for a name on two lines without eating ring 1. */
const CLIENT_SHARE = 0.15;

function rings(outer: number) {
  const clientRadius = outer * CLIENT_SHARE;
  const total = RING_WEIGHTS.reduce((s, w) => s + w, 0);
  let r = clientRadius;
  const ringRadii = RING_WEIGHTS.map((w) => {
    r += ((outer - clientRadius) * w) / total;
    return r;
  });
  ringRadii[2] = outer;
  return { clientRadius, ringRadii };
}

const SECTOR_SPANS = SECTORS.map((_, i) => ({ start: START + i * SPAN, span: SPAN }));

/**
 * The largest rings that leave every sector caption room in the corners and
 * along the edges of the square: tried from large to small in fixed steps,
 * so the result scales exactly with the canvas.
 */
function geometry(size: number, captions: string[]) {
  const center = { x: size / 2, y: size / 2 };
  const clearOf = (outer: number) => outer + size * 0.006;
  let outer = (size / 2) * 0.66;
  let placed: SectorCaption[] | null = null;
  // Captions near the middle of their sector first, even at slightly smaller rings; then into the corners.
  for (const [reach, smallest] of [
    [2, 0.76],
    [3, 0.66],
  ] as const) {
    for (let share = 0.84; share >= smallest && !placed; share -= 0.01) {
      placed = placeCaptions(captions, SECTOR_SPANS, center, clearOf((size / 2) * share), size, reach);
      if (placed) outer = (size / 2) * share;
    }
    if (placed) break;
  }
  const sectorCaptions = placed ?? clampedCaptions(captions, SECTOR_SPANS, center, clearOf(outer), size);
  return { center, outer, ...rings(outer), captions: sectorCaptions };
}

/**
 * Places the members: each in its sector and ring, at its own `angle` when it
 * has one, spread evenly otherwise; crowded cells get more rows within their
 * ring band, and when even that is not enough every circle shrinks. A member
 * with a tie from the person moves just aside when it would sit right
 * behind someone closer in. Then the names, beside their symbols, clear of
 * the sector captions in their band outside ring 3.
 */
export function layoutEcogram(
  ecogram: Ecogram,
  options: {
    size?: number;
    /** The sector names as they will be drawn, so the band outside ring 3 fits them. */
    captions?: Record<Sector, string>;
  } = {},
): EcogramLayout {
  const size = options.size ?? DEFAULT_SIZE;
  const captionTexts = SECTORS.map((s) => options.captions?.[s] ?? s.replace(/_/g, ' '));
  const { center, clientRadius, ringRadii, captions } = geometry(size, captionTexts);
  const cells = new Map<string, EcogramMember[]>();
  for (const member of ecogram.members) {
    const key = `${member.sector}:${member.ring}`;
    const list = cells.get(key);
    if (list) list.push(member);
    else cells.set(key, [member]);
  }

  let nodeRadius = size * 0.02;
  let plans: Map<string, number[]> = new Map();
  for (;;) {
    const pitch = nodeRadius * ALONG;
    plans = new Map();
    let fits = true;
    for (const [key, members] of cells) {
      const ring = members[0]?.ring as Ring;
      const [inner, outerR] = bandOf(ring, clientRadius, ringRadii);
      const rows = rowsFor(members.length, inner, outerR, pitch, nodeRadius * ACROSS);
      if (!rows) {
        fits = false;
        break;
      }
      plans.set(key, rows);
    }
    if (fits || nodeRadius < 0.5) break;
    nodeRadius *= 0.9;
  }

  const pitch = nodeRadius * ALONG;
  const tied = new Set(ecogram.ties.filter((t) => t.from === CLIENT_NODE).map((t) => t.to));
  const members = placeMembers(cells, plans, pitch, nodeRadius, center, tied);

  const sectors = SECTORS.map((sector, i) => {
    const startAngle = START + i * SPAN;
    const caption = captions[i] as SectorCaption;
    const { box } = caption;
    return {
      sector,
      startAngle,
      endAngle: startAngle + SPAN,
      labelAt: { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      caption,
    };
  });
  const ties: EcogramLayout['ties'] = [];
  for (const tie of ecogram.ties) {
    const a = tie.from === CLIENT_NODE ? center : members[tie.from];
    const b = members[tie.to];
    if (!a || !b) continue; // the validator reports it; the drawing leaves it out
    const ra = tie.from === CLIENT_NODE ? clientRadius : nodeRadius;
    const [from, to] = trim(a, b, ra, nodeRadius);
    ties.push({
      id: tie.id,
      from,
      to,
      style: tieStyle(tie),
      arrowToTo: tie.supportGiven.length > 0,
      arrowToFrom: tie.supportReceived.length > 0,
    });
  }
  const labelSize = Math.min(size * 0.015, Math.max(size * 0.0075, nodeRadius * 0.8));
  const labels = placeMemberLabels({
    members: ecogram.members.flatMap((m) => {
      const at = members[m.id];
      return at ? [{ id: m.id, label: m.label, at }] : [];
    }),
    nodeRadius,
    size: labelSize,
    center,
    clientRadius,
    captions: captions.map((c) => c.box),
    canvas: size,
    segments: ties,
  });

  return {
    size,
    center,
    clientRadius,
    ringRadii,
    nodeRadius,
    sectors,
    members,
    ties,
    labelSize,
    labels,
    captionTexts,
  };
}

function trim(a: Point, b: Point, ra: number, rb: number): [Point, Point] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const d = Math.hypot(dx, dy);
  if (d <= ra + rb) return [a, b];
  const ux = dx / d;
  const uy = dy / d;
  return [
    { x: a.x + ux * ra, y: a.y + uy * ra },
    { x: b.x - ux * rb, y: b.y - uy * rb },
  ];
}

/**
 * Where a point dropped on the canvas belongs: the sector its direction falls
 * in, the ring its distance falls in (outside ring 3 still counts as 3, the
 * centre as 1), and its angle within the sector from 0 to 1.
 */
export function placeFromPoint(
  layout: EcogramLayout,
  point: Point,
): { sector: Sector; ring: Ring; angle: number } {
  const dx = point.x - layout.center.x;
  const dy = point.y - layout.center.y;
  const r = Math.hypot(dx, dy);
  const ring: Ring = r <= (layout.ringRadii[0] as number) ? 1 : r <= (layout.ringRadii[1] as number) ? 2 : 3;
  const first = layout.sectors[0]?.startAngle ?? START;
  const span = (2 * Math.PI) / layout.sectors.length;
  let rel = (Math.atan2(dy, dx) - first) % (2 * Math.PI);
  if (rel < 0) rel += 2 * Math.PI;
  const index = Math.min(layout.sectors.length - 1, Math.floor(rel / span));
  const angle = Math.min(1, Math.max(0, (rel - index * span) / span));
  const sector = layout.sectors[index]?.sector ?? (SECTORS[index] as Sector);
  return { sector, ring, angle: round(angle) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const STEP = 0.1;

/**
 * Moves a member one step with the keyboard: a ring in or out, or a tenth of a
 * sector around; past a sector's edge it continues in the neighbouring sector.
 */
export function nudge(
  member: EcogramMember,
  direction: 'in' | 'out' | 'clockwise' | 'counterclockwise',
): EcogramMember {
  if (direction === 'in') return { ...member, ring: Math.max(1, member.ring - 1) as Ring };
  if (direction === 'out') return { ...member, ring: Math.min(3, member.ring + 1) as Ring };
  const i = SECTORS.indexOf(member.sector);
  const angle = round((member.angle ?? 0.5) + (direction === 'clockwise' ? STEP : -STEP));
  if (angle > 1)
    return { ...member, sector: SECTORS[(i + 1) % SECTORS.length] as Sector, angle: round(angle - 1) };
  if (angle < 0)
    return {
      ...member,
      sector: SECTORS[(i - 1 + SECTORS.length) % SECTORS.length] as Sector,
      angle: round(angle + 1),
    };
  return { ...member, angle };
}
