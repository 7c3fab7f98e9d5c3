import { describe, expect, it } from 'vitest';
import { CLIENT_NODE, type NetworkMapDocument } from '../../contracts/networks.ts';
import { generateNetwork, mapOf, member, person, tie } from './networks.analysis.fixtures.ts';
import { DEMO_STORIES } from './networks.demo.stories.ts';
import { distanceToBox, overlaps } from './networks.layout.ecolabels.ts';
import { nameWidth } from './networks.layout.genogram.ts';
import { type Box, type EcogramLayout, layoutEcogram, layoutGenogram } from './networks.layout.ts';

type Point = { x: number; y: number };

const CAPTIONS = {
  family: 'Familie',
  friends: 'Vrienden',
  neighbours: 'Buren',
  school_work_associations: 'School, werk en verenigingen',
  professionals: 'Hulpverleners en diensten',
};

const demos = DEMO_STORIES.flatMap((make) => {
  const story = make();
  return [story.before, story.now];
});

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** The closest any member's centre comes to a tie from the person to someone else, in node radii. */
function closestToClientTies(doc: NetworkMapDocument, layout: EcogramLayout): number {
  let closest = Number.POSITIVE_INFINITY;
  for (const t of doc.ecogram.ties) {
    if (t.from !== CLIENT_NODE) continue;
    const end = layout.members[t.to] as Point;
    for (const [id, p] of Object.entries(layout.members))
      if (id !== t.to)
        closest = Math.min(closest, distanceToSegment(p, layout.center, end) / layout.nodeRadius);
  }
  return closest;
}

const symbolBox = (p: Point, r: number): Box => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });

describe('layoutEcogram, for reading', () => {
  const maps: [string, NetworkMapDocument][] = [
    ...demos.map((d, i) => [`demo ${i}`, d] as [string, NetworkMapDocument]),
    ['12 members', generateNetwork(12)],
    ['40 members', generateNetwork(40)],
    ['150 members', generateNetwork(150)],
  ];

  it.each(maps)(
    'keeps every name of %s clear of the sector captions, and the captions outside ring 3',
    (_, doc) => {
      const layout = layoutEcogram(doc.ecogram, { captions: CAPTIONS });
      const outer = layout.ringRadii[2] as number;
      for (const s of layout.sectors) {
        expect(distanceToBox(layout.center, s.caption.box)).toBeGreaterThanOrEqual(outer);
        expect(s.caption.box.x).toBeGreaterThanOrEqual(0);
        expect(s.caption.box.x + s.caption.box.width).toBeLessThanOrEqual(layout.size);
        for (const label of Object.values(layout.labels))
          expect(overlaps(label.box, s.caption.box)).toBe(false);
      }
    },
  );

  it.each(maps.slice(0, -1))('lets no name of %s overlap another name or symbol', (_, doc) => {
    const layout = layoutEcogram(doc.ecogram, { captions: CAPTIONS });
    const entries = Object.entries(layout.labels);
    for (const [id, label] of entries) {
      for (const [other, p] of Object.entries(layout.members))
        if (other !== id) expect(overlaps(label.box, symbolBox(p, layout.nodeRadius))).toBe(false);
      for (const [other, o] of entries) if (other !== id) expect(overlaps(label.box, o.box)).toBe(false);
      expect(distanceToBox(layout.center, label.box)).toBeGreaterThan(layout.clientRadius);
    }
  });

  it('keeps every member of the demo maps and a small map out of the way of the ties from the person', () => {
    for (const doc of [...demos, generateNetwork(12)]) {
      const layout = layoutEcogram(doc.ecogram);
      // Each tie misses every other symbol entirely.
      expect(closestToClientTies(doc, layout)).toBeGreaterThan(1);
    }
  });

  it('never puts a member right behind another on the ray of a tie, even in a busier map', () => {
    const doc = generateNetwork(40);
    expect(closestToClientTies(doc, layoutEcogram(doc.ecogram))).toBeGreaterThan(0.49);
  });

  it('moves a member dropped right behind another just aside, and only when it has a tie', () => {
    const members = [
      member('near', { sector: 'friends', ring: 1, angle: 0.5 }),
      member('far', { sector: 'friends', ring: 3, angle: 0.5 }),
    ];
    const withTies = mapOf({ members, ties: [tie('t1', 'near'), tie('t2', 'far')] });
    const layout = layoutEcogram(withTies.ecogram);
    expect(closestToClientTies(withTies, layout)).toBeGreaterThan(1);
    const untied = layoutEcogram({ members, ties: [] });
    const a = untied.members.near as Point;
    const b = untied.members.far as Point;
    expect(Math.atan2(a.y - untied.center.y, a.x - untied.center.x)).toBeCloseTo(
      Math.atan2(b.y - untied.center.y, b.x - untied.center.x),
    );
  });

  it('shortens names only when the map is crowded', () => {
    const long = mapOf({
      members: [member('a', { label: 'Mevrouw Anne-Marie Vandenbroucke (buurvrouw)', sector: 'neighbours' })],
    });
    expect(layoutEcogram(long.ecogram).labels.a?.text).toBe('Mevrouw Anne-Marie Vandenbroucke (buurvrouw)');
    const crowded = layoutEcogram(generateNetwork(150).ecogram);
    expect(Object.values(crowded.labels).some((l) => l.text.endsWith('…'))).toBe(true);
  });

  it('gives ring 1 the widest band and the client circle no more than a sixth of the radius', () => {
    const layout = layoutEcogram({ members: [], ties: [] });
    const [r1, r2, r3] = layout.ringRadii as [number, number, number];
    expect(r1 - layout.clientRadius).toBeGreaterThan(r2 - r1);
    expect(r2 - r1).toBeGreaterThan(r3 - r2);
    expect(layout.clientRadius / r3).toBeLessThanOrEqual(1 / 6);
  });
});

describe('layoutGenogram, for reading', () => {
  const families: [string, NetworkMapDocument['genogram']][] = [
    ...demos.map((d, i) => [`demo ${i}`, d.genogram] as [string, NetworkMapDocument['genogram']]),
    ['four generations', generateNetwork(10).genogram],
    ['six generations', generateNetwork(10, 20260501, 6).genogram],
  ];

  it.each(families)('centres the children of %s under their parents', (_, genogram) => {
    const layout = layoutGenogram(genogram);
    const byParents = new Map<string, { parents: string[]; children: string[] }>();
    for (const p of genogram.parentage) {
      const key = [...p.parents].sort().join('+');
      const entry = byParents.get(key) ?? { parents: p.parents, children: [] };
      entry.children.push(p.child);
      byParents.set(key, entry);
    }
    const x = (id: string) => layout.people[id]?.x ?? Number.NaN;
    for (const { parents, children } of byParents.values()) {
      const parentsMid = parents.reduce((s, id) => s + x(id), 0) / parents.length;
      const childrenMid = children.reduce((s, id) => s + x(id), 0) / children.length;
      expect(Math.abs(childrenMid - parentsMid)).toBeLessThan(1);
    }
  });

  it.each(families.slice(0, 4))('keeps the emotional lines of %s off every name', (_, genogram) => {
    const layout = layoutGenogram(genogram);
    const half = layout.symbol / 2;
    const names = genogram.people.map((person) => {
      const p = layout.people[person.id] as Point;
      const width = nameWidth(person);
      return { x: p.x - width / 2, y: p.y + half + 4, width, height: 30 };
    });
    for (const bond of layout.bonds)
      for (let i = 1; i < bond.path.length; i++) {
        const a = bond.path[i - 1] as Point;
        const b = bond.path[i] as Point;
        for (const box of names)
          for (let t = 0; t <= 1; t += 0.02)
            expect(
              distanceToBox({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, box),
            ).toBeGreaterThan(0);
      }
  });

  it.each(families.slice(0, 4))(
    'never runs an emotional line of %s down along a child line',
    (_, genogram) => {
      const layout = layoutGenogram(genogram);
      for (const bond of layout.bonds)
        for (let i = 1; i < bond.path.length; i++) {
          const a = bond.path[i - 1] as Point;
          const b = bond.path[i] as Point;
          if (Math.abs(a.x - b.x) > 0.5) continue;
          for (const line of layout.childLines) {
            const sharedTop = Math.max(Math.min(a.y, b.y), line.from.y);
            const sharedBottom = Math.min(Math.max(a.y, b.y), line.busY);
            if (sharedBottom > sharedTop) expect(Math.abs(a.x - line.from.x)).toBeGreaterThanOrEqual(8);
          }
        }
    },
  );

  it('runs a conflict between divorced partners below their line, clear of the divorce slashes', () => {
    const layout = layoutGenogram(
      mapOf({
        genogram: {
          people: [person('a', { sex: 'male' }), person('b')],
          partnerships: [{ id: 'p', a: 'a', b: 'b', status: 'divorced' }],
          parentage: [],
          bonds: [{ id: 'x', a: 'a', b: 'b', kind: 'conflict' }],
        },
      }).genogram,
    );
    const bar = layout.partnerships[0]?.barY as number;
    const path = layout.bonds[0]?.path ?? [];
    // The slashes reach 8 below the bar, the zigzag 4 either side of its route.
    for (const p of path) expect(p.y - 4).toBeGreaterThan(bar + 8);
    // From one symbol's edge to the other's.
    expect(path[0]?.x).toBeGreaterThanOrEqual((layout.people.a?.x as number) + layout.symbol / 2);
    expect(path.at(-1)?.x).toBeLessThanOrEqual((layout.people.b?.x as number) - layout.symbol / 2);
  });
});
