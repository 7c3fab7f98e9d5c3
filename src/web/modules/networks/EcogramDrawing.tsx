import { type KeyboardEvent, type PointerEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { EcogramMember } from '../../../contracts/networks.ts';
import {
  type EcogramLayout,
  layoutEcogram,
  placeFromPoint,
} from '../../../modules/networks/networks.layout.ts';
import { type T, useT } from '../../i18n.ts';
import type { Ecogram, Placement } from './ecogramEditing.ts';
import { bandPath, type Point, shortLabel, spoke, wrapLabel, zigzagPath } from './ecogramGeometry.ts';

export type NudgeDirection = 'in' | 'out' | 'clockwise' | 'counterclockwise';

interface DrawingProps {
  ecogram: Ecogram;
  clientLabel: string;
  readOnly: boolean;
  selectedId: string | null;
  helpId: string;
  onOpen: (memberId: string) => void;
  onMove: (memberId: string, placement: Placement) => void;
  onNudge: (memberId: string, direction: NudgeDirection) => void;
  onRequestRemove: (memberId: string) => void;
}

const KEY_DIRECTIONS: Record<string, NudgeDirection> = {
  ArrowUp: 'in',
  ArrowDown: 'out',
  ArrowRight: 'clockwise',
  ArrowLeft: 'counterclockwise',
};
/** Keys for the at most three lines under a member: a name may repeat a word ("Jan Jan"). */
const LINE_KEYS = ['name', 'more', 'kind'];
/** A press that moves less than this (in px) is a tap that opens the details, not a drag. */
const DRAG_THRESHOLD = 6;
const MIN_SIZE = 288;
const MAX_SIZE = 760;

/** The drawing follows its box, so names keep a readable size from a phone to a desk screen. */
function useBoxWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(560);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.round(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

export function memberAccessibleName(t: T, member: EcogramMember): string {
  return t('networks.ecogram.memberName', {
    label: member.relation ? `${member.label} (${member.relation})` : member.label,
    kind: t(`networks.ecogram.kind.${member.formal ? 'formal' : 'informal'}`),
    sector: t(`networks.ecogram.sector.${member.sector}`),
    ring: t(`networks.ecogram.ring.${member.ring}`),
  });
}

/** The ecogram as SVG: rings, sectors, ties and members you can tap, drag or move with the arrow keys. */
export function EcogramDrawing(props: DrawingProps) {
  const { ecogram, clientLabel, readOnly, selectedId, helpId } = props;
  const t = useT();
  const { ref, width } = useBoxWidth();
  const size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, width));
  const layout = useMemo(() => layoutEcogram(ecogram, { size }), [ecogram, size]);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: string; pointerId: number; start: Point; moved: boolean } | null>(null);
  const [ghost, setGhost] = useState<{ id: string; at: Point } | null>(null);
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');

  // Chrome ignores touch-action on SVG shapes, so a finger on a member would scroll the page and
  // cancel the drag. Refusing the touch's default on members only keeps the rest of the drawing
  // scrollable on a tablet. It has to be a native listener: React's touch listeners are passive.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const hold = (e: TouchEvent) => {
      if (e.target instanceof Element && e.target.closest('.eco-member-movable')) e.preventDefault();
    };
    svg.addEventListener('touchstart', hold, { passive: false });
    return () => svg.removeEventListener('touchstart', hold);
  }, []);

  function svgPoint(e: PointerEvent): Point | null {
    const matrix = svgRef.current?.getScreenCTM();
    if (!matrix) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  }

  function pointerDown(e: PointerEvent<SVGGElement>, id: string) {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const start = svgPoint(e);
    if (!start) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id, pointerId: e.pointerId, start, moved: false };
  }

  function pointerMove(e: PointerEvent<SVGGElement>) {
    const current = drag.current;
    if (!current || current.pointerId !== e.pointerId || readOnly) return;
    const at = svgPoint(e);
    if (!at) return;
    if (!current.moved && Math.hypot(at.x - current.start.x, at.y - current.start.y) < DRAG_THRESHOLD) return;
    current.moved = true;
    setGhost({ id: current.id, at });
  }

  function pointerUp(e: PointerEvent<SVGGElement>) {
    const current = drag.current;
    if (!current || current.pointerId !== e.pointerId) return;
    drag.current = null;
    setGhost(null);
    const at = svgPoint(e);
    if (current.moved && at && !readOnly) props.onMove(current.id, placeFromPoint(layout, at));
    else if (!current.moved) props.onOpen(current.id);
  }

  function pointerCancel() {
    drag.current = null;
    setGhost(null);
  }

  function keyDown(e: KeyboardEvent<SVGGElement>, id: string) {
    const direction = KEY_DIRECTIONS[e.key];
    if (direction && !readOnly) {
      e.preventDefault();
      props.onNudge(id, direction);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      props.onOpen(id);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && !readOnly) {
      e.preventDefault();
      props.onRequestRemove(id);
    }
  }

  const target = ghost ? placeFromPoint(layout, ghost.at) : null;
  const labelMax = size < 480 ? 13 : 16;

  return (
    <div className="eco-drawing" ref={ref}>
      {/* biome-ignore lint/a11y/useSemanticElements: the drawing is one SVG; its members are the controls in the group */}
      <svg
        ref={svgRef}
        className={size < 480 ? 'eco-svg eco-svg-small' : 'eco-svg'}
        viewBox={`0 0 ${size} ${size}`}
        width={size}
        height={size}
        role="group"
        aria-label={t('networks.ecogram.drawingLabel', { client: clientLabel })}
        aria-describedby={helpId}
      >
        <ArrowMarkers uid={uid} />
        <Background layout={layout} t={t} />
        {target ? <DropTarget layout={layout} target={target} /> : null}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the table tells the ties */}
        <g aria-hidden="true">
          {layout.ties.map((tie) => (
            <TieLine key={tie.id} tie={tie} uid={uid} />
          ))}
        </g>
        <ClientNode layout={layout} label={clientLabel} />
        <g>
          {ecogram.members.map((member) => {
            const at = ghost?.id === member.id ? ghost.at : layout.members[member.id];
            if (!at) return null;
            return (
              // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the group is the member's control
              <g
                key={member.id}
                data-member-id={member.id}
                className={`eco-member${member.id === selectedId ? ' eco-member-selected' : ''}${ghost?.id === member.id ? ' eco-member-dragging' : ''}${readOnly ? '' : ' eco-member-movable'}`}
                transform={`translate(${at.x.toFixed(1)} ${at.y.toFixed(1)})`}
                role="button"
                tabIndex={0}
                aria-label={memberAccessibleName(t, member)}
                aria-describedby={helpId}
                onPointerDown={(e) => pointerDown(e, member.id)}
                onPointerMove={pointerMove}
                onPointerUp={pointerUp}
                onPointerCancel={pointerCancel}
                onKeyDown={(e) => keyDown(e, member.id)}
              >
                <MemberShape member={member} at={at} layout={layout} labelMax={labelMax} t={t} />
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}

function ArrowMarkers({ uid }: { uid: string }) {
  return (
    <defs>
      {(['strong', 'weak', 'stressful'] as const).map((style) => (
        <marker
          key={style}
          id={`${uid}-arrow-${style}`}
          className={`eco-arrow eco-arrow-${style}`}
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="11"
          markerHeight="11"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 Z" />
        </marker>
      ))}
    </defs>
  );
}

function Background({ layout, t }: { layout: EcogramLayout; t: T }) {
  const outer = layout.ringRadii[2] ?? 0;
  const fontSize = layout.size < 480 ? 11 : 14;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the legend and table say the same
    <g aria-hidden="true" className="eco-background">
      {layout.sectors.map((s, i) => (
        <path
          key={s.sector}
          className={i % 2 === 0 ? 'eco-sector eco-sector-even' : 'eco-sector eco-sector-odd'}
          d={bandPath(layout.center, 0, outer, s.startAngle, s.endAngle)}
        />
      ))}
      {layout.ringRadii.map((r, i) => (
        <circle
          key={r}
          className={`eco-ring eco-ring-${i + 1}`}
          cx={layout.center.x}
          cy={layout.center.y}
          r={r}
        />
      ))}
      {layout.sectors.map((s) => {
        const { a, b } = spoke(layout.center, layout.clientRadius, outer, s.startAngle);
        return <line key={s.sector} className="eco-spoke" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
      })}
      {layout.sectors.map((s) => {
        const lines = wrapLabel(t(`networks.ecogram.sector.${s.sector}`), layout.size < 480 ? 13 : 18);
        const half = (Math.max(...lines.map((l) => l.length)) * fontSize * 0.62) / 2;
        // Keep the words inside the drawing: the side sectors sit close to its edge.
        const x = Math.min(layout.size - half - 4, Math.max(half + 4, s.labelAt.x));
        const top = s.labelAt.y - ((lines.length - 1) * fontSize * 1.15) / 2;
        return (
          <text key={s.sector} className="eco-sector-label" x={x} y={top} fontSize={fontSize}>
            {lines.map((line, i) => (
              <tspan key={line} x={x} dy={i === 0 ? '0.35em' : '1.15em'}>
                {line}
              </tspan>
            ))}
          </text>
        );
      })}
    </g>
  );
}

function DropTarget({
  layout,
  target,
}: {
  layout: EcogramLayout;
  target: ReturnType<typeof placeFromPoint>;
}) {
  const sector = layout.sectors.find((s) => s.sector === target.sector);
  if (!sector) return null;
  const inner = target.ring === 1 ? layout.clientRadius : (layout.ringRadii[target.ring - 2] ?? 0);
  const outer = layout.ringRadii[target.ring - 1] ?? 0;
  return (
    <path
      className="eco-drop-target"
      d={bandPath(layout.center, inner, outer, sector.startAngle, sector.endAngle)}
    />
  );
}

function TieLine({ tie, uid }: { tie: EcogramLayout['ties'][number]; uid: string }) {
  const marker = `url(#${uid}-arrow-${tie.style})`;
  const d =
    tie.style === 'stressful'
      ? zigzagPath(tie.from, tie.to)
      : `M${tie.from.x.toFixed(1)},${tie.from.y.toFixed(1)} L${tie.to.x.toFixed(1)},${tie.to.y.toFixed(1)}`;
  return (
    <path
      className={`eco-tie eco-tie-${tie.style}`}
      d={d}
      markerStart={tie.arrowToFrom ? marker : undefined}
      markerEnd={tie.arrowToTo ? marker : undefined}
    />
  );
}

function ClientNode({ layout, label }: { layout: EcogramLayout; label: string }) {
  const lines = wrapLabel(label, 12);
  const { x, y } = layout.center;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the drawing's name says whose map it is
    <g aria-hidden="true" className="eco-client">
      <circle cx={x} cy={y} r={layout.clientRadius} />
      <text x={x} y={y - ((lines.length - 1) * 0.6 * 15) / 2} className="eco-client-label">
        {lines.map((line, i) => (
          <tspan key={line} x={x} dy={i === 0 ? '0.35em' : '1.2em'}>
            {shortLabel(line, 14)}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * Where a member's name goes: on the side away from the centre, clear of the ties that fan out
 * from it; below or above the node when the side has no room before the drawing's edge.
 */
function labelPlacement(at: Point, center: Point, r: number, size: number, textWidth: number) {
  const dx = at.x - center.x;
  const dy = at.y - center.y;
  const d = Math.hypot(dx, dy) || 1;
  const ux = dx / d;
  const uy = dy / d;
  const sideFits = ux > 0 ? at.x + r + 5 + textWidth < size - 2 : at.x - r - 5 - textWidth > 2;
  if (Math.abs(ux) >= 0.4 && sideFits) {
    return {
      x: ux > 0 ? r + 5 : -r - 5,
      y: 4,
      anchor: ux > 0 ? ('start' as const) : ('end' as const),
      lineStep: 13,
    };
  }
  // Centred under (or over) the node, shifted sideways as far as needed to stay inside.
  const half = textWidth / 2;
  const shift = Math.min(0, size - 2 - (at.x + half)) + Math.max(0, 2 - (at.x - half));
  return uy >= 0
    ? { x: shift, y: r + 14, anchor: 'middle' as const, lineStep: 13 }
    : { x: shift, y: -r - 8, anchor: 'middle' as const, lineStep: -13 };
}

function MemberShape({
  member,
  at,
  layout,
  labelMax,
  t,
}: {
  member: EcogramMember;
  at: Point;
  layout: EcogramLayout;
  labelMax: number;
  t: T;
}) {
  const radius = layout.nodeRadius;
  const r = Math.max(radius, 7);
  const hit = Math.max(r + 6, 22);
  // Whole words where possible, so the visible name stays part of the accessible name. Two lines
  // on a big drawing; one on a phone, where the table under the drawing gives the full names.
  const small = layout.size < 480;
  const lines = small
    ? [shortLabel(member.label, labelMax)]
    : wrapLabel(shortLabel(member.label, labelMax * 2), labelMax);
  // The kind is written under the name, except under a shortened name: the visible words must
  // read as a part of the accessible name ("Huisarts… formeel" would not). The square still tells.
  const shortened = lines.join(' ') !== member.label;
  if (member.formal && !shortened) lines.push(t('networks.ecogram.kind.formal'));
  // An estimate of the bold text's width (about 0.6 em a character) is enough to keep it inside.
  const textWidth = Math.max(...lines.map((l) => l.length)) * (small ? 12 : 13) * 0.6;
  const place = labelPlacement(at, layout.center, r, layout.size, textWidth);
  // Above the node the lines grow upwards, so the last one sits nearest to it.
  const first = place.lineStep < 0 ? place.y + (lines.length - 1) * place.lineStep : place.y;
  return (
    <>
      <circle className="eco-hit" r={hit} />
      <circle className="eco-focus" r={r + 6} />
      {member.formal ? (
        <rect className="eco-node eco-node-formal" x={-r} y={-r} width={2 * r} height={2 * r} rx={2} />
      ) : (
        <circle className="eco-node eco-node-informal" r={r} />
      )}
      <text className="eco-member-label" x={place.x} y={first} textAnchor={place.anchor}>
        {lines.map((line, i) => (
          <tspan
            key={LINE_KEYS[i]}
            x={place.x}
            dy={i === 0 ? 0 : Math.abs(place.lineStep)}
            className={member.formal && !shortened && i === lines.length - 1 ? 'eco-member-kind' : undefined}
          >
            {/* The space keeps the words apart in the text a screen reader or axe reads. */}
            {i < lines.length - 1 ? `${line} ` : line}
          </tspan>
        ))}
      </text>
    </>
  );
}
