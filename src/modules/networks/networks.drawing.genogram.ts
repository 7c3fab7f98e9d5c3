import type { GenogramPerson, NetworkMapDocument } from '../../contracts/networks.ts';
import type { Labels } from './networks.drawing.labels.ts';
import { labelBackdrop, type Pt, type Shape, type Stroke, toSvg, zigzag } from './networks.drawing.shapes.ts';
import {
  GENOGRAM_NAME_SIZE,
  GENOGRAM_YEARS_SIZE,
  type GenogramLayout,
  genogramName,
  nameWidth,
  genogramYears as yearsOf,
} from './networks.layout.genogram.ts';

type Drawing = { width: number; height: number; shapes: Shape[] };
type Bond = NetworkMapDocument['genogram']['bonds'][number]['kind'];
type ChildKind = NetworkMapDocument['genogram']['parentage'][number]['kind'];
type Status = NetworkMapDocument['genogram']['partnerships'][number]['status'];

const LINE: Stroke = { width: 1.5 };
export const CHILD_STROKES: Record<ChildKind, Stroke> = {
  birth: LINE,
  adopted: { width: 1.5, dash: [7, 4] },
  foster: { width: 1.5, dash: [2, 3] },
};

/** Square for men, circle for women, diamond otherwise (with a question mark when unknown). */
function symbol(sex: GenogramPerson['sex'], x: number, y: number, half: number, stroke: Stroke): Shape[] {
  if (sex === 'male')
    return [
      { kind: 'rect', x: x - half, y: y - half, width: 2 * half, height: 2 * half, fill: 'paper', stroke },
    ];
  if (sex === 'female') return [{ kind: 'circle', cx: x, cy: y, r: half, fill: 'paper', stroke }];
  const diamond: Shape = {
    kind: 'polygon',
    points: [
      [x, y - half * 1.15],
      [x + half * 1.15, y],
      [x, y + half * 1.15],
      [x - half * 1.15, y],
    ],
    fill: 'paper',
    stroke,
  };
  if (sex === 'unknown')
    return [diamond, { kind: 'text', x, y: y + half * 0.4, text: '?', size: half, anchor: 'middle' }];
  return [diamond];
}

function personShapes(p: GenogramPerson, x: number, y: number, half: number): Shape[] {
  const shapes = symbol(p.sex, x, y, half, { width: 1.8 });
  // The index person has a double border.
  if (p.index) shapes.push(...symbol(p.sex, x, y, half - 4, { width: 1.2 }).filter((s) => s.kind !== 'text'));
  if (p.deceased) {
    const d = half * 0.75;
    shapes.push({ kind: 'line', x1: x - d, y1: y - d, x2: x + d, y2: y + d, stroke: { width: 1.8 } });
    shapes.push({ kind: 'line', x1: x - d, y1: y + d, x2: x + d, y2: y - d, stroke: { width: 1.8 } });
  }
  const name = genogramName(p.label);
  const years = yearsOf(p);
  if (name) {
    // Paper under the name, so an emotional line passing by never runs through it.
    const width = nameWidth(p);
    const height = years ? 30 : 16;
    shapes.push(labelBackdrop({ x: x - width / 2, y: y + half + 4, width, height }));
    shapes.push({
      kind: 'text',
      x,
      y: y + half + 15,
      text: name,
      size: GENOGRAM_NAME_SIZE,
      anchor: 'middle',
    });
  }
  if (years)
    shapes.push({
      kind: 'text',
      x,
      y: y + half + 29,
      text: years,
      size: GENOGRAM_YEARS_SIZE,
      anchor: 'middle',
    });
  return shapes;
}

/**
 * Short slashes across a partnership line: one for separated, two for
 * divorced; beside the middle, where the children's line leaves.
 */
function slashes(mid: Pt, count: number): Shape[] {
  const out: Shape[] = [];
  for (let i = 0; i < count; i++) {
    const x = mid[0] + 14 + (i - (count - 1) / 2) * 8;
    out.push({ kind: 'line', x1: x - 4, y1: mid[1] + 8, x2: x + 4, y2: mid[1] - 8, stroke: { width: 1.8 } });
  }
  return out;
}

function partnershipShapes(status: Status, from: Pt, to: Pt, barY: number): Shape[] {
  const stroke: Stroke = status === 'living_together' ? { width: 1.8, dash: [7, 4] } : { width: 1.8 };
  const shapes: Shape[] = [{ kind: 'polyline', points: [from, [from[0], barY], [to[0], barY], to], stroke }];
  const mid: Pt = [(from[0] + to[0]) / 2, barY];
  if (status === 'separated') shapes.push(...slashes(mid, 1));
  if (status === 'divorced') shapes.push(...slashes(mid, 2));
  return shapes;
}

function childShapes(kind: ChildKind, from: Pt, to: Pt, busY: number): Shape[] {
  return [
    { kind: 'polyline', points: [from, [from[0], busY], [to[0], busY], to], stroke: CHILD_STROKES[kind] },
  ];
}

/** Emotional lines along a route (already kept clear of the symbols and names). */
function bondShapes(kind: Bond, path: Pt[]): Shape[] {
  const segments = path.slice(1).map((b, i) => [path[i] as Pt, b] as [Pt, Pt]);
  if (kind === 'distant') return [{ kind: 'polyline', points: path, stroke: { width: 1.5, dash: [2, 4] } }];
  if (kind === 'conflict')
    return [
      {
        kind: 'polyline',
        points: segments.flatMap(([a, b], i) => zigzag(a, b, 4, 8).slice(i === 0 ? 0 : 1)),
        stroke: { width: 1.3 },
      },
    ];
  if (kind === 'close') return doubled(path);
  // Cut off: the longest stretch broken in its middle, each end closed by a short bar.
  const longest = segments.reduce((best, s) => (length(s) > length(best) ? s : best));
  return segments.flatMap((s) =>
    s === longest
      ? broken(s[0], s[1])
      : [
          {
            kind: 'line',
            x1: s[0][0],
            y1: s[0][1],
            x2: s[1][0],
            y2: s[1][1],
            stroke: { width: 1.5 },
          } as Shape,
        ],
  );
}

const length = ([a, b]: [Pt, Pt]) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** Two rails either side of the route, mitred at the corners. */
function doubled(path: Pt[]): Shape[] {
  const normal = (a: Pt, b: Pt): Pt => {
    const l = length([a, b]) || 1;
    return [-(b[1] - a[1]) / l, (b[0] - a[0]) / l];
  };
  const rail = (o: number): Pt[] =>
    path.map((p, i) => {
      const before = i > 0 ? normal(path[i - 1] as Pt, p) : null;
      const after = i < path.length - 1 ? normal(p, path[i + 1] as Pt) : null;
      const n1 = before ?? (after as Pt);
      const n2 = after ?? n1;
      const k = 1 + n1[0] * n2[0] + n1[1] * n2[1] || 1;
      return [p[0] + ((n1[0] + n2[0]) / k) * o, p[1] + ((n1[1] + n2[1]) / k) * o];
    });
  return [2.5, -2.5].map((o) => ({ kind: 'polyline' as const, points: rail(o), stroke: { width: 1.2 } }));
}

function broken(a: Pt, b: Pt): Shape[] {
  const l = length([a, b]) || 1;
  const ux = (b[0] - a[0]) / l;
  const uy = (b[1] - a[1]) / l;
  const nx = -uy;
  const ny = ux;
  const m: Pt = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const g = 6;
  const p1: Pt = [m[0] - ux * g, m[1] - uy * g];
  const p2: Pt = [m[0] + ux * g, m[1] + uy * g];
  const bar = (p: Pt): Shape => ({
    kind: 'line',
    x1: p[0] + nx * 6,
    y1: p[1] + ny * 6,
    x2: p[0] - nx * 6,
    y2: p[1] - ny * 6,
    stroke: { width: 1.5 },
  });
  return [
    { kind: 'line', x1: a[0], y1: a[1], x2: p1[0], y2: p1[1], stroke: { width: 1.5 } },
    { kind: 'line', x1: p2[0], y1: p2[1], x2: b[0], y2: b[1], stroke: { width: 1.5 } },
    bar(p1),
    bar(p2),
  ];
}

/** Moves both ends of a segment inwards by `by`, so emotional lines start at the symbols' edges. */
function shorten(a: Pt, b: Pt, by: number): [Pt, Pt] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length <= 2 * by) return [a, b];
  const ux = dx / length;
  const uy = dy / length;
  return [
    [a[0] + ux * by, a[1] + uy * by],
    [b[0] - ux * by, b[1] - uy * by],
  ];
}

/**
 * The genogram as shapes in the standard notation (see docs of the module):
 * household boundary first, then lines, then symbols on top, then a legend.
 */
export function genogramDrawing(doc: NetworkMapDocument, layout: GenogramLayout, labels: Labels): Drawing {
  const half = layout.symbol / 2;
  const legendWidth = 560;
  const width = Math.max(layout.width, legendWidth);
  const legendTop = layout.height + 10;
  const legend = genogramLegend(labels, legendTop);
  const shapes: Shape[] = [
    { kind: 'rect', x: 0, y: 0, width, height: legendTop + legend.height, fill: 'paper' },
  ];
  if (layout.household) {
    const h = layout.household;
    shapes.push({ kind: 'rect', ...h, rx: 18, stroke: { width: 1.5, dash: [8, 5] } });
  }
  for (const b of layout.bonds) {
    const kind = doc.genogram.bonds.find((x) => x.id === b.id)?.kind ?? (b.kind as Bond);
    const path: Pt[] = b.path?.length
      ? b.path.map((p) => [p.x, p.y])
      : shorten([b.from.x, b.from.y], [b.to.x, b.to.y], half + 6);
    shapes.push(...bondShapes(kind, path));
  }
  for (const p of layout.partnerships)
    shapes.push(...partnershipShapes(p.status as Status, [p.from.x, p.from.y], [p.to.x, p.to.y], p.barY));
  for (const c of layout.childLines)
    shapes.push(...childShapes(c.kind as ChildKind, [c.from.x, c.from.y], [c.to.x, c.to.y], c.busY));
  for (const person of doc.genogram.people) {
    const at = layout.people[person.id];
    if (at) shapes.push(...personShapes(person, at.x, at.y, half));
  }
  return { width, height: legendTop + legend.height, shapes: [...shapes, ...legend.shapes] };
}

function genogramLegend(labels: Labels, top: number): { height: number; shapes: Shape[] } {
  const shapes: Shape[] = [
    { kind: 'text', x: 30, y: top + 16, text: labels.legend, size: 14, anchor: 'start', weight: 'bold' },
  ];
  const row = (i: number) => top + 44 + i * 30;
  const text = (x: number, y: number, t: string): Shape => ({
    kind: 'text',
    x,
    y: y + 4,
    text: t,
    size: 12,
    anchor: 'start',
  });
  // Column 1: symbols.
  const symbols: [GenogramPerson['sex'], string][] = [
    ['male', labels.sexes.male],
    ['female', labels.sexes.female],
    ['other', labels.sexes.other],
    ['unknown', labels.sexes.unknown],
  ];
  symbols.forEach(([sex, t], i) => {
    shapes.push(...symbol(sex, 42, row(i), 9, { width: 1.5 }), text(62, row(i), t));
  });
  const dead = personShapes(
    { id: 'x', label: '', sex: 'unknown', deceased: true, index: false, inHousehold: false },
    42,
    row(4),
    9,
  ).filter((s) => s.kind === 'line');
  shapes.push(...symbol('other', 42, row(4), 9, { width: 1.5 }), ...dead, text(62, row(4), labels.deceased));
  shapes.push(
    ...symbol('other', 42, row(5), 9, { width: 1.5 }),
    ...symbol('other', 42, row(5), 5, { width: 1.2 }),
  );
  shapes.push(text(62, row(5), labels.index));
  // Column 2: partnerships and children.
  const x2 = 200;
  const statuses: Status[] = ['married', 'living_together', 'separated', 'divorced'];
  statuses.forEach((s, i) => {
    shapes.push(...partnershipShapes(s, [x2, row(i)], [x2 + 50, row(i)], row(i)));
    shapes.push(text(x2 + 62, row(i), labels.partnerships[s]));
  });
  (['birth', 'adopted', 'foster'] as ChildKind[]).forEach((k, i) => {
    const y = row(4 + i);
    shapes.push({ kind: 'line', x1: x2 + 25, y1: y - 10, x2: x2 + 25, y2: y + 10, stroke: CHILD_STROKES[k] });
    shapes.push(text(x2 + 62, y, labels.parentage[k]));
  });
  // Column 3: emotional lines and the household.
  const x3 = 390;
  (['close', 'distant', 'conflict', 'cut_off'] as Bond[]).forEach((k, i) => {
    shapes.push(
      ...bondShapes(k, [
        [x3, row(i)],
        [x3 + 50, row(i)],
      ]),
    );
    shapes.push(text(x3 + 62, row(i), labels.bonds[k]));
  });
  shapes.push({
    kind: 'rect',
    x: x3,
    y: row(4) - 10,
    width: 50,
    height: 20,
    rx: 6,
    stroke: { width: 1.5, dash: [8, 5] },
  });
  shapes.push(text(x3 + 62, row(4), labels.household));
  return { height: 44 + 7 * 30, shapes };
}

/** The genogram as a standalone SVG document; the description names everyone, for screen readers. */
export function genogramSvg(doc: NetworkMapDocument, layout: GenogramLayout, labels: Labels): string {
  const drawing = genogramDrawing(doc, layout, labels);
  const description = doc.genogram.people
    .map((p) =>
      [
        p.label,
        labels.sexes[p.sex],
        yearsOf(p),
        p.deceased ? labels.deceased : '',
        p.index ? labels.index : '',
      ]
        .filter(Boolean)
        .join(', '),
    )
    .join('; ');
  return toSvg(drawing.shapes, {
    width: drawing.width,
    height: drawing.height,
    title: labels.genogramTitle,
    description,
  });
}
