import { describe, expect, it } from 'vitest';
import { type EcogramMember, SECTORS } from '../../contracts/networks.ts';
import { generateNetwork, mapOf, member, person, tie } from './networks.analysis.fixtures.ts';
import { layoutEcogram, layoutGenogram, nudge, placeFromPoint, tieStyle } from './networks.layout.ts';

function expectNoOverlap(points: { x: number; y: number }[], minDistance: number) {
  let closest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i] as { x: number; y: number };
      const b = points[j] as { x: number; y: number };
      closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
    }
  expect(closest).toBeGreaterThanOrEqual(minDistance);
}

describe('tieStyle', () => {
  it('draws strained ties as stressful, frequent positive ones as strong, and the rest as weak', () => {
    expect(tieStyle({ quality: 'strained', frequency: 'daily' })).toBe('stressful');
    expect(tieStyle({ quality: 'positive', frequency: 'daily' })).toBe('strong');
    expect(tieStyle({ quality: 'positive', frequency: 'weekly' })).toBe('strong');
    expect(tieStyle({ quality: 'positive', frequency: 'monthly' })).toBe('weak');
    expect(tieStyle({ quality: 'mixed', frequency: 'daily' })).toBe('weak');
  });
});

describe('layoutEcogram', () => {
  it('puts each member inside its own sector and ring', () => {
    const doc = generateNetwork(150);
    const layout = layoutEcogram(doc.ecogram);
    for (const m of doc.ecogram.members) {
      const place = placeFromPoint(layout, layout.members[m.id] as { x: number; y: number });
      expect({ id: m.id, sector: place.sector, ring: place.ring }).toEqual({
        id: m.id,
        sector: m.sector,
        ring: m.ring,
      });
    }
  });

  it('keeps 150 members apart when they are spread over the map', () => {
    const doc = generateNetwork(150);
    const layout = layoutEcogram(doc.ecogram);
    expectNoOverlap(Object.values(layout.members), 2 * layout.nodeRadius);
    expect(layout.nodeRadius).toBeGreaterThan(8);
  });

  it('keeps 150 members apart even when all stand in the innermost ring of one sector', () => {
    const members = Array.from({ length: 150 }, (_, i) => member(`m${i}`, { sector: 'friends', ring: 1 }));
    const layout = layoutEcogram({ members, ties: [] });
    expect(Object.keys(layout.members)).toHaveLength(150);
    expectNoOverlap(Object.values(layout.members), 2 * layout.nodeRadius);
    for (const p of Object.values(layout.members)) {
      expect(placeFromPoint(layout, p)).toMatchObject({ sector: 'friends', ring: 1 });
      // Clear of the person's circle in the middle.
      expect(Math.hypot(p.x - layout.center.x, p.y - layout.center.y)).toBeGreaterThanOrEqual(
        layout.clientRadius + layout.nodeRadius,
      );
    }
  });

  it('keeps members apart when several were dropped on the same angle', () => {
    const members = Array.from({ length: 12 }, (_, i) =>
      member(`m${i}`, { sector: 'neighbours', ring: 2, angle: 0.5 }),
    );
    const layout = layoutEcogram({ members, ties: [] });
    expectNoOverlap(Object.values(layout.members), 2 * layout.nodeRadius);
  });

  it('keeps neighbours across a sector border apart', () => {
    const members = SECTORS.flatMap((sector) => [
      member(`${sector}-start`, { sector, ring: 1, angle: 0 }),
      member(`${sector}-end`, { sector, ring: 1, angle: 1 }),
    ]);
    const layout = layoutEcogram({ members, ties: [] });
    expectNoOverlap(Object.values(layout.members), 2 * layout.nodeRadius);
  });

  it('spreads members without an angle evenly over their sector', () => {
    const members = [0, 1, 2].map((i) => member(`m${i}`, { sector: 'family', ring: 3 }));
    const layout = layoutEcogram({ members, ties: [] });
    const angles = members.map(
      (m) => placeFromPoint(layout, layout.members[m.id] as { x: number; y: number }).angle,
    );
    expect(angles[0]).toBeCloseTo(1 / 6, 2);
    expect(angles[1]).toBeCloseTo(3 / 6, 2);
    expect(angles[2]).toBeCloseTo(5 / 6, 2);
  });

  it('places a member where it was dropped: placeFromPoint gives back its sector, ring and angle', () => {
    // Away from the sector's edges, where a circle would stick out into the next sector.
    const dropped = SECTORS.flatMap((sector, i) =>
      ([1, 2, 3] as const).map((ring) =>
        member(`${sector}${ring}`, { sector, ring, angle: 0.35 + i * 0.075 }),
      ),
    );
    const layout = layoutEcogram({ members: dropped, ties: [] });
    for (const m of dropped) {
      const place = placeFromPoint(layout, layout.members[m.id] as { x: number; y: number });
      expect(place.sector).toBe(m.sector);
      expect(place.ring).toBe(m.ring);
      expect(place.angle).toBeCloseTo(m.angle as number, 2);
    }
  });

  it('reads a point outside the rings as the outer ring and the centre as the inner one', () => {
    const layout = layoutEcogram({ members: [], ties: [] }, { size: 500 });
    expect(placeFromPoint(layout, { x: 250, y: 0 })).toEqual({ sector: 'family', ring: 3, angle: 0 });
    expect(placeFromPoint(layout, { x: 251, y: 250 }).ring).toBe(1);
    // Straight down is the middle of the sector that spans the bottom: the third of five.
    expect(placeFromPoint(layout, { x: 250, y: 370 })).toMatchObject({
      sector: 'neighbours',
      ring: 2,
      angle: 0.5,
    });
  });

  it('draws ties from the edge of the circles, with arrows towards whoever receives support', () => {
    const doc = mapOf({
      members: [member('a'), member('b', { sector: 'friends' })],
      ties: [
        tie('t0', 'a', { supportReceived: ['emotional'], quality: 'strained' }),
        tie('t1', 'b', { supportGiven: ['practical'], frequency: 'rarely' }),
        tie('t2', 'b', { from: 'a', supportGiven: ['company'], supportReceived: ['company'] }),
        tie('t3', 'ghost'),
      ],
    });
    const layout = layoutEcogram(doc.ecogram);
    expect(layout.ties.map((t) => [t.id, t.style, t.arrowToFrom, t.arrowToTo])).toEqual([
      ['t0', 'stressful', true, false],
      ['t1', 'weak', false, true],
      ['t2', 'strong', true, true],
    ]);
    const t0 = layout.ties[0];
    const a = layout.members.a as { x: number; y: number };
    expect(Math.hypot((t0?.from.x ?? 0) - layout.center.x, (t0?.from.y ?? 0) - layout.center.y)).toBeCloseTo(
      layout.clientRadius,
    );
    expect(Math.hypot((t0?.to.x ?? 0) - a.x, (t0?.to.y ?? 0) - a.y)).toBeCloseTo(layout.nodeRadius);
  });

  it('scales with the size asked for', () => {
    const small = layoutEcogram({ members: [member('a')], ties: [] }, { size: 400 });
    const large = layoutEcogram({ members: [member('a')], ties: [] }, { size: 800 });
    expect(large.ringRadii.map((r) => r / 2)).toEqual(small.ringRadii.map((r) => expect.closeTo(r, 6)));
    expect(small.sectors).toHaveLength(5);
    expect(small.ringRadii).toHaveLength(3);
  });
});

describe('nudge', () => {
  const m: EcogramMember = member('a', { sector: 'friends', ring: 2, angle: 0.5 });

  it('moves a ring in or out, and no further than the first or the third', () => {
    expect(nudge(m, 'in').ring).toBe(1);
    expect(nudge(m, 'out').ring).toBe(3);
    expect(nudge(nudge(m, 'in'), 'in').ring).toBe(1);
    expect(nudge(nudge(m, 'out'), 'out').ring).toBe(3);
  });

  it('moves a tenth of a sector around, without rounding noise', () => {
    expect(nudge(m, 'clockwise').angle).toBe(0.6);
    expect(nudge(nudge(nudge(m, 'clockwise'), 'clockwise'), 'counterclockwise').angle).toBe(0.6);
  });

  it('continues in the next sector past the edge, and back', () => {
    let moved = m;
    for (let i = 0; i < 6; i++) moved = nudge(moved, 'clockwise');
    expect(moved).toMatchObject({ sector: 'neighbours', angle: 0.1, ring: 2 });
    moved = nudge(nudge(moved, 'counterclockwise'), 'counterclockwise');
    expect(moved).toMatchObject({ sector: 'friends', angle: 0.9 });
  });

  it('wraps around the circle from the last sector to the first', () => {
    expect(nudge(member('a', { sector: 'professionals', angle: 0.95 }), 'clockwise')).toMatchObject({
      sector: 'family',
      angle: 0.05,
    });
    expect(nudge(member('a', { sector: 'family', angle: 0.05 }), 'counterclockwise')).toMatchObject({
      sector: 'professionals',
      angle: 0.95,
    });
  });

  it('starts from the middle of the sector for a member without an angle', () => {
    expect(nudge(member('a'), 'counterclockwise').angle).toBe(0.4);
  });
});

describe('layoutGenogram', () => {
  const family = mapOf({
    genogram: {
      people: [
        person('grandpa', { sex: 'male', birthYear: 1940, deceased: true, deathYear: 2010 }),
        person('grandma', { birthYear: 1942 }),
        person('els', { birthYear: 1970, inHousehold: true }),
        person('jan', { sex: 'male', birthYear: 1965 }),
        person('tom', { sex: 'male', birthYear: 1968 }),
        person('pieter', { sex: 'male', birthYear: 1969 }),
        person('mia', { birthYear: 1995, index: true, inHousehold: true }),
        person('noor', { birthYear: 1998, birthOrder: 2 }),
        person('lien', { birthYear: 1998, birthOrder: 1 }),
      ],
      partnerships: [
        { id: 'p1', a: 'grandpa', b: 'grandma', status: 'married' },
        { id: 'p2', a: 'els', b: 'pieter', status: 'divorced' },
      ],
      parentage: [
        { id: 'c1', child: 'els', parents: ['grandpa', 'grandma'], kind: 'birth' },
        { id: 'c2', child: 'jan', parents: ['grandpa', 'grandma'], kind: 'birth' },
        { id: 'c3', child: 'tom', parents: ['grandpa', 'grandma'], kind: 'adopted' },
        { id: 'c4', child: 'mia', parents: ['els', 'pieter'], kind: 'birth' },
        { id: 'c5', child: 'noor', parents: ['els', 'pieter'], kind: 'birth' },
        { id: 'c6', child: 'lien', parents: ['els', 'pieter'], kind: 'foster' },
      ],
      bonds: [{ id: 'b1', a: 'mia', b: 'grandma', kind: 'close' }],
    },
  }).genogram;
  const layout = layoutGenogram(family);
  const at = (id: string) => layout.people[id] as { x: number; y: number; generation: number };

  it('puts people in generations by parentage, with partners who married in beside them', () => {
    expect(['grandpa', 'grandma'].map((id) => at(id).generation)).toEqual([0, 0]);
    expect(['els', 'jan', 'tom', 'pieter'].map((id) => at(id).generation)).toEqual([1, 1, 1, 1]);
    expect(['mia', 'noor', 'lien'].map((id) => at(id).generation)).toEqual([2, 2, 2]);
    expect(at('pieter').y).toBe(at('els').y);
    expect(at('mia').y).toBeGreaterThan(at('els').y);
    const [lo, hi] = [at('els').x, at('pieter').x].sort((a, b) => a - b) as [number, number];
    const between = Object.values(layout.people).filter((p) => p.generation === 1 && p.x > lo && p.x < hi);
    expect(between).toEqual([]);
  });

  it('orders siblings by birth year, then birth order', () => {
    expect(at('jan').x).toBeLessThan(at('tom').x);
    expect(at('tom').x).toBeLessThan(at('els').x);
    expect(at('mia').x).toBeLessThan(at('lien').x);
    expect(at('lien').x).toBeLessThan(at('noor').x);
  });

  it('puts children under their parents and keeps every symbol apart', () => {
    const parentsMid = (at('els').x + at('pieter').x) / 2;
    const kids = ['mia', 'lien', 'noor'].map((id) => at(id).x);
    expect(Math.min(...kids)).toBeLessThanOrEqual(parentsMid);
    expect(Math.max(...kids)).toBeGreaterThanOrEqual(parentsMid);
    expectNoOverlap(Object.values(layout.people), layout.symbol);
  });

  it('draws child lines from the partnership bar with their kind, and the household around who lives together', () => {
    const bar = layout.partnerships.find((p) => p.id === 'p2');
    const line = layout.childLines.find((c) => c.parentageId === 'c6');
    expect(line).toMatchObject({
      kind: 'foster',
      to: { x: at('lien').x, y: at('lien').y - layout.symbol / 2 },
    });
    expect(line?.from.y).toBe(bar?.barY);
    expect(line?.from.x).toBe((at('els').x + at('pieter').x) / 2);
    expect(layout.partnerships.find((p) => p.id === 'p2')?.status).toBe('divorced');
    const h = layout.household;
    expect(h).not.toBeNull();
    for (const id of ['els', 'mia']) {
      expect(at(id).x).toBeGreaterThan(h?.x ?? 0);
      expect(at(id).x).toBeLessThan((h?.x ?? 0) + (h?.width ?? 0));
      expect(at(id).y).toBeGreaterThan(h?.y ?? 0);
      expect(at(id).y).toBeLessThan((h?.y ?? 0) + (h?.height ?? 0));
    }
    expect(layout.bonds).toEqual([
      {
        id: 'b1',
        kind: 'close',
        from: { x: at('mia').x, y: at('mia').y },
        to: { x: at('grandma').x, y: at('grandma').y },
        path: expect.any(Array),
      },
    ]);
  });

  it('fits everyone on the canvas, and survives a cycle the validator would refuse', () => {
    for (const p of Object.values(layout.people)) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(layout.width);
      expect(p.y).toBeLessThan(layout.height);
    }
    const cyclic = layoutGenogram({
      people: [person('a', { index: true }), person('b')],
      partnerships: [],
      parentage: [
        { id: 'x', child: 'a', parents: ['b'], kind: 'birth' },
        { id: 'y', child: 'b', parents: ['a'], kind: 'birth' },
      ],
      bonds: [],
    });
    expect(Object.keys(cyclic.people)).toHaveLength(2);
  });

  it('lays out a generated family of four generations without overlaps', () => {
    const big = layoutGenogram(generateNetwork(10).genogram);
    expectNoOverlap(Object.values(big.people), big.symbol);
    expect(JSON.parse(JSON.stringify(big))).toEqual(big);
  });

  it('returns an empty canvas for an empty genogram', () => {
    const empty = layoutGenogram({ people: [], partnerships: [], parentage: [], bonds: [] });
    expect(empty.people).toEqual({});
    expect(empty.household).toBeNull();
  });
});
