import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type { Labels } from './networks.drawing.labels.ts';
import {
  arrowhead,
  labelBackdrop,
  type Pt,
  type Shape,
  type Stroke,
  toSvg,
  zigzag,
} from './networks.drawing.shapes.ts';
import { fitInCircle } from './networks.layout.text.ts';
import { type EcogramLayout, layoutEcogram, type SectorCaption, type TieStyle } from './networks.layout.ts';

export { genogramDrawing, genogramSvg } from './networks.drawing.genogram.ts';
export { drawingLabels, type Labels } from './networks.drawing.labels.ts';
export { escapeXml, type Shape, toSvg } from './networks.drawing.shapes.ts';

/** A drawing list with the canvas it needs (the legend sits under the map). */
export type Drawing = { width: number; height: number; shapes: Shape[] };

export const TIE_STROKES: Record<Exclude<TieStyle, 'stressful'>, Stroke> = {
  strong: { width: 3.5 },
  weak: { width: 1.5, dash: [7, 5] },
};
const STRESSFUL: Stroke = { width: 1.5 };

/** A tie in the ecomap notation between two points: thick, dashed, or a zigzag. */
function tieShapes(style: TieStyle, a: Pt, b: Pt): Shape[] {
  if (style === 'stressful') return [{ kind: 'polyline', points: zigzag(a, b), stroke: STRESSFUL }];
  return [{ kind: 'line', x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: TIE_STROKES[style] }];
}

/** A sector's name in the band outside ring 3 the layout reserved for it. */
function sectorLabel(caption: SectorCaption): Shape[] {
  return caption.lines.map((line, i) => ({
    kind: 'text',
    x: caption.x,
    y: caption.y + i * caption.lineHeight,
    text: line,
    size: caption.size,
    anchor: 'middle',
    weight: 'bold',
  }));
}

/**
 * The layout as measured for these sector names: the print and download
 * paths may hand in a layout made without them, and the caption band and the
 * names' places depend on their length.
 */
function forLabels(doc: NetworkMapDocument, layout: EcogramLayout, labels: Labels): EcogramLayout {
  const texts = layout.sectors.map((s) => labels.sectors[s.sector]);
  if (layout.captionTexts?.every((t, i) => t === texts[i])) return layout;
  return layoutEcogram(doc.ecogram, { size: layout.size, captions: labels.sectors });
}

/** The client's name inside the middle circle, on one to three lines, as large as fits. */
function clientName(name: string, layout: EcogramLayout): Shape[] {
  const scale = layout.size / 800;
  const fit = fitInCircle(name, layout.clientRadius, 15 * scale, 8 * scale);
  const lineHeight = fit.size * 1.15;
  const first = layout.center.y + fit.size * 0.35 - ((fit.lines.length - 1) * lineHeight) / 2;
  return fit.lines.map((line, i) => ({
    kind: 'text',
    x: layout.center.x,
    y: first + i * lineHeight,
    text: line,
    size: fit.size,
    anchor: 'middle',
    weight: 'bold',
  }));
}

/**
 * The ecogram as shapes: rings and sectors as faint guides, the person in the
 * middle, ties in the notation with arrows towards whoever receives support,
 * informal members as circles and formal ones as squares, and a legend.
 */
export function ecogramDrawing(doc: NetworkMapDocument, given: EcogramLayout, labels: Labels): Drawing {
  const layout = forLabels(doc, given, labels);
  const { center, size, nodeRadius } = layout;
  const legend = ecogramLegend(labels, size);
  const shapes: Shape[] = [
    { kind: 'rect', x: 0, y: 0, width: size, height: size + legend.height, fill: 'paper' },
  ];
  const guide: Stroke = { width: 1, tone: 'faint' };
  for (const r of layout.ringRadii)
    shapes.push({ kind: 'circle', cx: center.x, cy: center.y, r, stroke: guide });
  const outer = layout.ringRadii.at(-1) ?? size / 2;
  for (const s of layout.sectors) {
    const cos = Math.cos(s.startAngle);
    const sin = Math.sin(s.startAngle);
    shapes.push({
      kind: 'line',
      x1: center.x + layout.clientRadius * cos,
      y1: center.y + layout.clientRadius * sin,
      x2: center.x + outer * cos,
      y2: center.y + outer * sin,
      stroke: guide,
    });
    shapes.push(...sectorLabel(s.caption));
  }

  for (const tie of layout.ties) {
    const a: Pt = [tie.from.x, tie.from.y];
    const b: Pt = [tie.to.x, tie.to.y];
    shapes.push(...tieShapes(tie.style, a, b));
    const arrow = Math.max(5, Math.min(10, nodeRadius * 0.8));
    if (tie.arrowToTo) shapes.push(arrowhead(a, b, arrow));
    if (tie.arrowToFrom) shapes.push(arrowhead(b, a, arrow));
  }

  shapes.push({
    kind: 'circle',
    cx: center.x,
    cy: center.y,
    r: layout.clientRadius,
    fill: 'paper',
    stroke: { width: 2 },
  });
  shapes.push({
    kind: 'circle',
    cx: center.x,
    cy: center.y,
    r: layout.clientRadius - 4,
    stroke: { width: 1 },
  });
  shapes.push(...clientName(labels.client, layout));

  const names: Shape[] = [];
  for (const m of doc.ecogram.members) {
    const p = layout.members[m.id];
    if (!p) continue;
    const r = nodeRadius;
    if (m.formal)
      shapes.push({
        kind: 'rect',
        x: p.x - r,
        y: p.y - r,
        width: 2 * r,
        height: 2 * r,
        fill: 'paper',
        stroke: { width: 1.5 },
      });
    else shapes.push({ kind: 'circle', cx: p.x, cy: p.y, r, fill: 'paper', stroke: { width: 1.5 } });
    const label = layout.labels[m.id];
    if (!label) continue;
    // Names go over every tie, on paper, so no line runs through them.
    names.push(labelBackdrop(label.box), {
      kind: 'text',
      x: label.x,
      y: label.y,
      text: label.text,
      size: label.size,
      anchor: label.anchor,
    });
  }
  shapes.push(...names);

  return { width: size, height: size + legend.height, shapes: [...shapes, ...legend.shapes] };
}

function ecogramLegend(labels: Labels, top: number): { height: number; shapes: Shape[] } {
  const shapes: Shape[] = [];
  const x0 = 30;
  const line = (i: number) => top + 40 + i * 26;
  shapes.push({
    kind: 'text',
    x: x0,
    y: top + 16,
    text: labels.legend,
    size: 14,
    anchor: 'start',
    weight: 'bold',
  });
  const styles: TieStyle[] = ['strong', 'weak', 'stressful'];
  styles.forEach((style, i) => {
    const y = line(i);
    shapes.push(...tieShapes(style, [x0, y], [x0 + 60, y]));
    shapes.push({ kind: 'text', x: x0 + 72, y: y + 5, text: labels.ties[style], size: 12, anchor: 'start' });
  });
  const y3 = line(3);
  shapes.push({ kind: 'line', x1: x0, y1: y3, x2: x0 + 60, y2: y3, stroke: { width: 1.5 } });
  shapes.push(arrowhead([x0, y3], [x0 + 60, y3], 10));
  shapes.push({ kind: 'text', x: x0 + 72, y: y3 + 5, text: labels.support, size: 12, anchor: 'start' });
  const x1 = 420;
  shapes.push({ kind: 'circle', cx: x1 + 10, cy: line(0), r: 9, fill: 'paper', stroke: { width: 1.5 } });
  shapes.push({ kind: 'text', x: x1 + 30, y: line(0) + 5, text: labels.informal, size: 12, anchor: 'start' });
  shapes.push({
    kind: 'rect',
    x: x1 + 1,
    y: line(1) - 9,
    width: 18,
    height: 18,
    fill: 'paper',
    stroke: { width: 1.5 },
  });
  shapes.push({ kind: 'text', x: x1 + 30, y: line(1) + 5, text: labels.formal, size: 12, anchor: 'start' });
  return { height: 40 + 4 * 26, shapes };
}

/** The ecogram as a standalone SVG document; the description lists every member, for screen readers. */
export function ecogramSvg(doc: NetworkMapDocument, layout: EcogramLayout, labels: Labels): string {
  const drawing = ecogramDrawing(doc, layout, labels);
  const description = doc.ecogram.members
    .map((m) => `${m.label} (${labels.sectors[m.sector]}, ${m.ring})`)
    .join('; ');
  return toSvg(drawing.shapes, {
    width: drawing.width,
    height: drawing.height,
    title: labels.ecogramTitle,
    description,
  });
}
