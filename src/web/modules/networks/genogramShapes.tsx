import type {
  GenogramBond,
  GenogramParentage,
  GenogramPartnership,
  GenogramPerson,
} from '../../../contracts/networks.ts';
import { zigzagPath as zigzagLine } from './ecogramGeometry.ts';

/*
 * The genogram's symbols and lines in the standard notation, shared by the drawing and its
 * legend. Every meaning is carried by shape or line pattern; colour only adds to it.
 */

export const HALF = 18;
type Point = { x: number; y: number };

/** Square for a man, circle for a woman, diamond for another or unknown sex (with "?" when unknown). */
export function PersonSymbol({
  sex,
  deceased,
  index,
  size = HALF,
}: Pick<GenogramPerson, 'sex' | 'deceased' | 'index'> & { size?: number }) {
  const outline = (h: number, className: string) =>
    sex === 'male' ? (
      <rect x={-h} y={-h} width={2 * h} height={2 * h} className={className} />
    ) : sex === 'female' ? (
      <circle r={h} className={className} />
    ) : (
      <polygon points={`0,${-h - 3} ${h + 3},0 0,${h + 3} ${-h - 3},0`} className={className} />
    );
  return (
    <>
      {index ? outline(size + 5, 'genogram-symbol genogram-symbol-outer') : null}
      {outline(size, index ? 'genogram-symbol genogram-symbol-index' : 'genogram-symbol')}
      {sex === 'unknown' ? (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text is not focusable; the person's name says "unknown" in words
        <text className="genogram-unknown" y={size * 0.35} textAnchor="middle" aria-hidden="true">
          ?
        </text>
      ) : null}
      {deceased ? (
        <g className="genogram-cross">
          <line x1={-size - 4} y1={-size - 4} x2={size + 4} y2={size + 4} />
          <line x1={size + 4} y1={-size - 4} x2={-size - 4} y2={size + 4} />
        </g>
      ) : null}
    </>
  );
}

/** From one partner's side to the other's (through the bar's height); slashes for separation. */
export function PartnershipLine({
  status,
  from,
  to,
  barY,
}: {
  status: GenogramPartnership['status'] | string;
  from: Point;
  to: Point;
  barY: number;
}) {
  const mid = (from.x + to.x) / 2;
  const slash = (x: number) => <line key={x} x1={x - 5} y1={barY + 8} x2={x + 5} y2={barY - 8} />;
  return (
    <g className={`genogram-partnership genogram-partnership-${status}`}>
      <path d={`M ${from.x} ${from.y} V ${barY} H ${to.x} V ${to.y}`} />
      {status === 'separated' ? <g className="genogram-slash">{slash(mid - 14)}</g> : null}
      {status === 'divorced' ? <g className="genogram-slash">{[slash(mid - 18), slash(mid - 10)]}</g> : null}
    </g>
  );
}

/** From the parents' line down to the siblings' bus, across, and down to the child's head. */
export function ChildLine({
  kind,
  from,
  to,
  busY,
}: {
  kind: GenogramParentage['kind'] | string;
  from: Point;
  to: Point;
  busY: number;
}) {
  return (
    <path
      className={`genogram-child genogram-child-${kind}`}
      d={`M ${from.x} ${from.y} V ${busY} H ${to.x} V ${to.y}`}
    />
  );
}

/** A gentle curve between two people, so a line along a row does not run through the people between. */
function curve(a: Point, b: Point) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const d = Math.hypot(dx, dy) || 1;
  const ux = dx / d;
  const uy = dy / d;
  const gap = HALF + 8;
  const start = { x: a.x + ux * gap, y: a.y + uy * gap };
  const end = { x: b.x - ux * gap, y: b.y - uy * gap };
  // Bulge upwards for a line within a row, sideways otherwise.
  const bulge = Math.min(60, d * 0.25);
  const control = { x: (a.x + b.x) / 2 + uy * bulge, y: (a.y + b.y) / 2 - Math.abs(ux) * bulge };
  return { start, end, control };
}

function pointOn(c: ReturnType<typeof curve>, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * c.start.x + 2 * u * t * c.control.x + t * t * c.end.x,
    y: u * u * c.start.y + 2 * u * t * c.control.y + t * t * c.end.y,
  };
}

/** The curve as a zigzag: conflict in the standard notation. */
function zigzagPath(c: ReturnType<typeof curve>): string {
  const steps = 24;
  const points: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const p = pointOn(c, i / steps);
    const q = pointOn(c, Math.min(1, i / steps + 0.01));
    const r = pointOn(c, Math.max(0, i / steps - 0.01));
    const tx = q.x - r.x;
    const ty = q.y - r.y;
    const len = Math.hypot(tx, ty) || 1;
    const amp = i === 0 || i === steps ? 0 : i % 2 === 0 ? 5 : -5;
    points.push(`${p.x - (ty / len) * amp},${p.y + (tx / len) * amp}`);
  }
  return `M ${points.join(' L ')}`;
}

/** The route as a path through its corners. */
function routeD(path: Point[]): string {
  return path.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
}

/** Each stretch of the route as a zigzag, joined at the corners. */
function routeZigzag(path: Point[]): string {
  return path
    .slice(1)
    .map((b, i) => {
      const d = zigzagLine(path[i] as Point, b, 4, 8);
      return i === 0 ? d : d.replace(/^M/, 'L');
    })
    .join(' ');
}

/** Two bars across the middle of the route's longest stretch: the bond is cut off. */
function cutBars(path: Point[]) {
  let a = path[0] as Point;
  let b = path[1] ?? a;
  for (let i = 1; i < path.length - 1; i++) {
    const p = path[i] as Point;
    const q = path[i + 1] as Point;
    if (Math.hypot(q.x - p.x, q.y - p.y) > Math.hypot(b.x - a.x, b.y - a.y)) [a, b] = [p, q];
  }
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const tx = (b.x - a.x) / len;
  const ty = (b.y - a.y) / len;
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return [-4, 4].map((offset) => (
    <line
      key={offset}
      x1={m.x + tx * offset - ty * 9}
      y1={m.y + ty * offset + tx * 9}
      x2={m.x + tx * offset + ty * 9}
      y2={m.y + ty * offset - tx * 9}
    />
  ));
}

/**
 * An emotional line along the route the layout found (clear of names and partnership lines),
 * in the same notation as the curve in the legend.
 */
function RoutedBond({ kind, path }: { kind: string; path: Point[] }) {
  const d = routeD(path);
  if (kind === 'close')
    return (
      <g className="genogram-bond genogram-bond-close">
        <path d={d} className="genogram-bond-outer" />
        <path d={d} className="genogram-bond-inner" />
      </g>
    );
  if (kind === 'conflict')
    return <path className="genogram-bond genogram-bond-conflict" d={routeZigzag(path)} />;
  if (kind === 'cut_off')
    return (
      <g className="genogram-bond genogram-bond-cut_off">
        <path d={d} />
        {cutBars(path)}
      </g>
    );
  return <path className={`genogram-bond genogram-bond-${kind}`} d={d} />;
}

/**
 * Close: a double line; distant: dotted; conflict: zigzag; cut off: a line broken by two bars.
 * Along `path` when the layout routed it; as a curve from `from` to `to` in the legend.
 */
export function BondLine({
  kind,
  from,
  to,
  path,
}: {
  kind: GenogramBond['kind'] | string;
  from: Point;
  to: Point;
  path?: Point[];
}) {
  if (path && path.length >= 2) return <RoutedBond kind={kind} path={path} />;
  const c = curve(from, to);
  const d = `M ${c.start.x} ${c.start.y} Q ${c.control.x} ${c.control.y} ${c.end.x} ${c.end.y}`;
  if (kind === 'close')
    return (
      <g className="genogram-bond genogram-bond-close">
        <path d={d} className="genogram-bond-outer" />
        <path d={d} className="genogram-bond-inner" />
      </g>
    );
  if (kind === 'conflict') return <path className="genogram-bond genogram-bond-conflict" d={zigzagPath(c)} />;
  if (kind === 'cut_off') {
    const m = pointOn(c, 0.5);
    const q = pointOn(c, 0.52);
    const len = Math.hypot(q.x - m.x, q.y - m.y) || 1;
    const tx = (q.x - m.x) / len;
    const ty = (q.y - m.y) / len;
    const bar = (offset: number) => (
      <line
        key={offset}
        x1={m.x + tx * offset - ty * 9}
        y1={m.y + ty * offset + tx * 9}
        x2={m.x + tx * offset + ty * 9}
        y2={m.y + ty * offset - tx * 9}
      />
    );
    return (
      <g className="genogram-bond genogram-bond-cut_off">
        <path d={d} />
        {bar(-4)}
        {bar(4)}
      </g>
    );
  }
  return <path className={`genogram-bond genogram-bond-${kind}`} d={d} />;
}
