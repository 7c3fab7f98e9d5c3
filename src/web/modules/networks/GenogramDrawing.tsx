import { type KeyboardEvent, useRef } from 'react';
import type { GenogramPerson } from '../../../contracts/networks.ts';
import {
  GENOGRAM_NAME_SIZE,
  GENOGRAM_YEARS_SIZE,
  type GenogramLayout,
  genogramName,
  genogramYears,
  nameWidth,
} from '../../../modules/networks/networks.layout.genogram.ts';
import { textWidth } from '../../../modules/networks/networks.layout.text.ts';
import type { Genogram } from './genogramEditing.ts';
import { BondLine, ChildLine, HALF, PartnershipLine, PersonSymbol } from './genogramShapes.tsx';

interface GenogramDrawingProps {
  genogram: Genogram;
  layout: GenogramLayout;
  /** The drawing's accessible name. */
  label: string;
  householdLabel: string;
  /** What a screen reader hears for a person: name, sex, years, the index person. */
  describe: (person: GenogramPerson) => string;
  selectedId: string | null;
  onSelect?: (id: string) => void;
  /** People with a problem the worker must fix before saving. */
  flagged: ReadonlySet<string>;
}

/** Drawn a little larger than the layout's units, so names stay easy to read on screen. */
const SCALE = 1.2;

/**
 * Paper under a person's name and years, as wide as the layout measured them (a little wider
 * for the semi-bold name on screen), so an emotional line passing by never runs through them;
 * just below the index person's outer border.
 */
function namePaper(person: GenogramPerson, name: string, years: string) {
  const width = Math.max(nameWidth(person), textWidth(name, GENOGRAM_NAME_SIZE, true)) + 6;
  return { x: -width / 2, y: HALF + 6, width, height: years ? 30 : 16 };
}

/**
 * The genogram as SVG from the automatic layout: lines first, people on top. Every person is
 * a button: Tab reaches each, Enter or Space selects, the arrow keys walk to the nearest
 * person in that direction.
 */
export function GenogramDrawing({
  genogram,
  layout,
  label,
  householdLabel,
  describe,
  selectedId,
  onSelect,
  flagged,
}: GenogramDrawingProps) {
  const svg = useRef<SVGSVGElement>(null);
  const interactive = onSelect !== undefined;

  const moveFocus = (from: string, key: string) => {
    const here = layout.people[from];
    if (!here) return false;
    const dir = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
    if (!dir) return false;
    let best: string | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const [id, p] of Object.entries(layout.people)) {
      if (id === from) continue;
      const dx = p.x - here.x;
      const dy = p.y - here.y;
      const along = dx * (dir[0] as number) + dy * (dir[1] as number);
      if (along <= 0) continue;
      const across = Math.abs(dx * (dir[1] as number)) + Math.abs(dy * (dir[0] as number));
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = id;
      }
    }
    if (!best) return true;
    svg.current?.querySelector<SVGGElement>(`[data-person="${CSS.escape(best)}"]`)?.focus();
    return true;
  };

  const onKeyDown = (id: string) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(id);
    } else if (moveFocus(id, event.key)) event.preventDefault();
  };

  const box = layout.household;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a fieldset; the group names the people's buttons inside it
    <svg
      ref={svg}
      className="genogram-svg"
      viewBox={`0 0 ${layout.width} ${layout.height + 20}`}
      width={layout.width * SCALE}
      height={(layout.height + 20) * SCALE}
      role="group"
      aria-label={label}
    >
      {box ? (
        <g className="genogram-household">
          <rect x={box.x} y={box.y} width={box.width} height={box.height + 10} rx={14} />
          <text x={box.x + 10} y={box.y + box.height + 4}>
            {householdLabel}
          </text>
        </g>
      ) : null}
      <g>
        {layout.partnerships.map((p) => (
          <PartnershipLine key={p.id} status={p.status} from={p.from} to={p.to} barY={p.barY} />
        ))}
        {layout.childLines.map((c) => (
          <ChildLine key={c.parentageId} kind={c.kind} from={c.from} to={c.to} busY={c.busY} />
        ))}
        {layout.bonds.map((b) => (
          <BondLine key={b.id} kind={b.kind} from={b.from} to={b.to} path={b.path} />
        ))}
      </g>
      {genogram.people.map((person) => {
        const at = layout.people[person.id];
        if (!at) return null;
        const selected = person.id === selectedId;
        const classes = ['genogram-person'];
        if (selected) classes.push('genogram-person-selected');
        if (flagged.has(person.id)) classes.push('genogram-person-flagged');
        // The focus ring goes round the name too, so the name's paper never hides a part of it.
        const paper = namePaper(person, genogramName(person.label), genogramYears(person));
        const focusHalf = Math.max(HALF + 12, paper.width / 2 + 4);
        return (
          <g
            key={person.id}
            data-person={person.id}
            className={classes.join(' ')}
            transform={`translate(${at.x} ${at.y})`}
            {...(interactive
              ? {
                  role: 'button',
                  tabIndex: 0,
                  'aria-pressed': selected,
                  'aria-label': describe(person),
                  onClick: () => onSelect?.(person.id),
                  onKeyDown: onKeyDown(person.id),
                }
              : { role: 'img', 'aria-label': describe(person) })}
          >
            <rect
              className="genogram-focus"
              x={-focusHalf}
              y={-HALF - 12}
              width={2 * focusHalf}
              height={2 * HALF + 60}
              rx={8}
            />
            <PersonSymbol sex={person.sex} deceased={person.deceased} index={person.index} />
            {flagged.has(person.id) ? (
              <text className="genogram-flag" x={HALF + 6} y={-HALF + 4}>
                !
              </text>
            ) : null}
          </g>
        );
      })}
      {/* Names outside the buttons: each button's name already says them, with the years in words. */}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a group of SVG text is not focusable */}
      <g className="genogram-labels" aria-hidden="true">
        {genogram.people.map((person) => {
          const at = layout.people[person.id];
          if (!at) return null;
          const name = genogramName(person.label);
          const text = genogramYears(person);
          if (!name && !text) return null;
          const paper = namePaper(person, name, text);
          return (
            <g key={person.id} transform={`translate(${at.x} ${at.y})`}>
              <rect className="genogram-name-paper" {...paper} rx={3} />
              <text className="genogram-name" y={HALF + 17} textAnchor="middle" fontSize={GENOGRAM_NAME_SIZE}>
                {name}
              </text>
              {text ? (
                <text
                  className="genogram-years"
                  y={HALF + 31}
                  textAnchor="middle"
                  fontSize={GENOGRAM_YEARS_SIZE}
                >
                  {text}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
