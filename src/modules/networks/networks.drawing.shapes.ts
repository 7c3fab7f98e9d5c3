/**
 * A small drawing list: the ecogram and genogram are built once as shapes,
 * then written as SVG (`toSvg`) or painted with pdfkit's primitives by the
 * PDF renderer, so print and download show the same drawing. Black on white
 * with line patterns: the notation never depends on colour.
 */
export type Pt = [number, number];
/** Ink for lines and text, faint for guides (rings, sector lines), paper to hide what lies under. */
export type Tone = 'ink' | 'faint' | 'paper';
export type Stroke = { width: number; dash?: number[]; tone?: Tone };
export type Fill = Tone | 'shade';

export type Shape =
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: Stroke }
  | { kind: 'polyline'; points: Pt[]; stroke: Stroke }
  | { kind: 'circle'; cx: number; cy: number; r: number; stroke?: Stroke; fill?: Fill }
  | {
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      rx?: number;
      stroke?: Stroke;
      fill?: Fill;
    }
  | { kind: 'polygon'; points: Pt[]; stroke?: Stroke; fill?: Fill }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      anchor: 'start' | 'middle' | 'end';
      weight?: 'normal' | 'bold';
    };

export const COLOURS: Record<Fill, string> = {
  ink: '#1a1a1a',
  faint: '#8a8a8a',
  paper: '#ffffff',
  shade: '#ececec',
};

/** Escapes text for SVG content and attribute values: names may hold anything, `<script>` included. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const n = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0');
const pts = (points: Pt[]) => points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');

function strokeAttrs(stroke: Stroke | undefined): string {
  if (!stroke) return ' stroke="none"';
  const dash =
    stroke.dash && stroke.dash.length > 0 ? ` stroke-dasharray="${stroke.dash.map(n).join(' ')}"` : '';
  return ` stroke="${COLOURS[stroke.tone ?? 'ink']}" stroke-width="${n(stroke.width)}"${dash}`;
}
const fillAttr = (fill: Fill | undefined) => ` fill="${fill ? COLOURS[fill] : 'none'}"`;

function shapeToSvg(s: Shape): string {
  switch (s.kind) {
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}"${strokeAttrs(s.stroke)}/>`;
    case 'polyline':
      return `<polyline points="${pts(s.points)}" fill="none"${strokeAttrs(s.stroke)} stroke-linejoin="round"/>`;
    case 'circle':
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}"${fillAttr(s.fill)}${strokeAttrs(s.stroke)}/>`;
    case 'rect': {
      const rx = s.rx ? ` rx="${n(s.rx)}"` : '';
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}"${rx}${fillAttr(s.fill)}${strokeAttrs(s.stroke)}/>`;
    }
    case 'polygon':
      return `<polygon points="${pts(s.points)}"${fillAttr(s.fill)}${strokeAttrs(s.stroke)}/>`;
    case 'text': {
      const weight = s.weight === 'bold' ? ' font-weight="bold"' : '';
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}" text-anchor="${s.anchor}"${weight} fill="${COLOURS.ink}">${escapeXml(s.text)}</text>`;
    }
  }
}

/** A standalone SVG document, with a title (and description) for screen readers. */
export function toSvg(
  shapes: Shape[],
  frame: { width: number; height: number; title: string; description?: string },
): string {
  const desc = frame.description ? `<desc id="d">${escapeXml(frame.description)}</desc>` : '';
  const labelled = frame.description ? ' aria-labelledby="t" aria-describedby="d"' : ' aria-labelledby="t"';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(frame.width)} ${n(frame.height)}" width="${n(frame.width)}" height="${n(frame.height)}" role="img"${labelled} font-family="Helvetica, Arial, sans-serif">` +
    `<title id="t">${escapeXml(frame.title)}</title>${desc}` +
    shapes.map(shapeToSvg).join('') +
    '</svg>'
  );
}

/** A zigzag along a segment: the notation for stressful ties and conflict. */
export function zigzag(a: Pt, b: Pt, amplitude = 4, wavelength = 9): Pt[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length < wavelength) return [a, b];
  const ux = dx / length;
  const uy = dy / length;
  const steps = Math.floor(length / (wavelength / 2));
  const points: Pt[] = [a];
  for (let i = 1; i < steps; i++) {
    const t = (i * wavelength) / 2;
    const side = i % 2 === 0 ? -amplitude : amplitude;
    points.push([a[0] + ux * t - uy * side, a[1] + uy * t + ux * side]);
  }
  points.push(b);
  return points;
}

/** A filled arrowhead with its tip at `tip`, pointing away from `from`. */
export function arrowhead(from: Pt, tip: Pt, size = 10): Shape {
  const dx = tip[0] - from[0];
  const dy = tip[1] - from[1];
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const base: Pt = [tip[0] - ux * size, tip[1] - uy * size];
  const half = size * 0.45;
  return {
    kind: 'polygon',
    points: [tip, [base[0] - uy * half, base[1] + ux * half], [base[0] + uy * half, base[1] - ux * half]],
    fill: 'ink',
  };
}

/**
 * Paper under a name, a little larger than its text: lines that run under a
 * name stop at its edge, in the SVG and the PDF alike (a stroke halo would
 * need text-stroke support in every renderer).
 */
export function labelBackdrop(box: { x: number; y: number; width: number; height: number }): Shape {
  const pad = Math.max(1, box.height * 0.12);
  return {
    kind: 'rect',
    x: box.x - pad,
    y: box.y - pad * 0.5,
    width: box.width + 2 * pad,
    height: box.height + pad,
    rx: pad,
    fill: 'paper',
  };
}
