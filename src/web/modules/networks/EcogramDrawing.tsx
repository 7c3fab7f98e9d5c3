import { type KeyboardEvent, type PointerEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type EcogramMember, SECTORS, type Sector } from '../../../contracts/networks.ts';
import type { EcogramLabel } from '../../../modules/networks/networks.layout.ecolabels.ts';
import {
  type EcogramLayout,
  layoutEcogram,
  placeFromPoint,
} from '../../../modules/networks/networks.layout.ts';
import { type T, useT } from '../../i18n.ts';
import type { Ecogram, Placement } from './ecogramEditing.ts';
import {
  bandPath,
  clientName,
  type DrawnCaption,
  type Point,
  paperUnder,
  READABLE,
  readableCaptions,
  readableLabels,
  spoke,
  zigzagPath,
} from './ecogramGeometry.ts';

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
/** Keys for the few lines of a caption or the client's name: two lines may read the same. */
const LINE_KEYS = ['first', 'second', 'third', 'fourth', 'fifth'];
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
  const sectorNames = SECTORS.map((s) => t(`networks.ecogram.sector.${s}`)).join('\n');
  const layout = useMemo(() => {
    const names = sectorNames.split('\n');
    const captions = Object.fromEntries(SECTORS.map((s, i) => [s, names[i] ?? s])) as Record<Sector, string>;
    return layoutEcogram(ecogram, { size, captions });
  }, [ecogram, size, sectorNames]);
  // On a small screen the words grow to a readable size and the names are placed again for it.
  const nodeRadius = Math.max(layout.nodeRadius, 7);
  const captions = useMemo(() => readableCaptions(layout), [layout]);
  const labels = useMemo(
    () =>
      readableLabels(ecogram, layout, {
        nodeRadius,
        font: Math.max(layout.labelSize, READABLE.name),
        captions: captions.map((c) => c.box),
      }),
    [ecogram, layout, nodeRadius, captions],
  );
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

  return (
    <div className="eco-drawing" ref={ref}>
      {/* biome-ignore lint/a11y/useSemanticElements: the drawing is one SVG; its members are the controls in the group */}
      <svg
        ref={svgRef}
        className="eco-svg"
        viewBox={`0 0 ${size} ${size}`}
        width={size}
        height={size}
        role="group"
        aria-label={t('networks.ecogram.drawingLabel', { client: clientLabel })}
        aria-describedby={helpId}
      >
        <ArrowMarkers uid={uid} />
        <Background layout={layout} captions={captions} />
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
            const home = layout.members[member.id];
            const at = ghost?.id === member.id ? ghost.at : home;
            if (!at || !home) return null;
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
                <MemberShape member={member} home={home} r={nodeRadius} label={labels[member.id]} />
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

function Background({ layout, captions }: { layout: EcogramLayout; captions: DrawnCaption[] }) {
  const outer = layout.ringRadii[2] ?? 0;
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
          data-ring={i + 1}
          cx={layout.center.x}
          cy={layout.center.y}
          r={r}
        />
      ))}
      {layout.sectors.map((s) => {
        const { a, b } = spoke(layout.center, layout.clientRadius, outer, s.startAngle);
        return <line key={s.sector} className="eco-spoke" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
      })}
      {/* Captions in the band outside ring 3 the layout keeps free for them. */}
      {captions.map((c) => (
        <text key={c.sector} className="eco-sector-label" fontSize={c.size}>
          {c.lines.map((line, i) => (
            <tspan key={LINE_KEYS[i]} x={c.x} y={c.y + i * c.lineHeight}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
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
  const name = clientName(label, layout);
  const { x, y } = layout.center;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the drawing's name says whose map it is
    <g aria-hidden="true" className="eco-client" data-client-radius={layout.clientRadius}>
      <circle cx={x} cy={y} r={layout.clientRadius} />
      <text className="eco-client-label" fontSize={name.size}>
        {name.lines.map((line, i) => (
          <tspan key={LINE_KEYS[i]} x={x} y={name.first + i * name.lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * A member's symbol and name. The name's place comes from the layout (clear of the other
 * symbols, names, ties and captions) in drawing coordinates; the group is moved to the member,
 * so the name is drawn relative to the member's home and follows it while it is dragged.
 */
function MemberShape({
  member,
  home,
  r,
  label,
}: {
  member: EcogramMember;
  home: Point;
  r: number;
  label: EcogramLabel | undefined;
}) {
  const hit = Math.max(r + 6, 22);
  const paper = label ? paperUnder(label.box) : null;
  return (
    <>
      <circle className="eco-hit" r={hit} />
      <circle className="eco-focus" r={r + 6} />
      {member.formal ? (
        <rect className="eco-node eco-node-formal" x={-r} y={-r} width={2 * r} height={2 * r} rx={2} />
      ) : (
        <circle className="eco-node eco-node-informal" r={r} />
      )}
      {label && paper ? (
        <g transform={`translate(${(-home.x).toFixed(1)} ${(-home.y).toFixed(1)})`}>
          <rect
            className="eco-label-paper"
            x={paper.x}
            y={paper.y}
            width={paper.width}
            height={paper.height}
            rx={paper.rx}
          />
          <text
            className="eco-member-label"
            x={label.x}
            y={label.y}
            textAnchor={label.anchor}
            fontSize={label.size}
          >
            {label.text}
          </text>
        </g>
      ) : null}
    </>
  );
}
