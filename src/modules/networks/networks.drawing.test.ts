import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../platform/paths.ts';
import { generateNetwork, mapOf, member, person, tie } from './networks.analysis.fixtures.ts';
import {
  drawingLabels,
  ecogramDrawing,
  ecogramSvg,
  escapeXml,
  genogramDrawing,
  genogramSvg,
  type Shape,
  toSvg,
} from './networks.drawing.ts';
import { textWidth } from './networks.layout.text.ts';
import { layoutEcogram, layoutGenogram } from './networks.layout.ts';

const tree = JSON.parse(readFileSync(fromProjectRoot('src', 'locales', 'nl-BE', 'networks.json'), 'utf8'));
const lookup = (key: string): string => {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
  if (typeof value !== 'string') throw new Error(`missing ${key}`);
  return value;
};
const labels = drawingLabels(lookup);
const EVIL = '<script>alert("x")</script> & Co';

const doc = mapOf({
  members: [
    member('els', { label: EVIL, ring: 1 }),
    member('jan', { label: 'Jan', sector: 'friends', ring: 2 }),
    member('nurse', { label: 'Thuisverpleging', sector: 'professionals', ring: 3, formal: true }),
  ],
  ties: [
    tie('strong', 'els', { frequency: 'daily', supportReceived: ['emotional'] }),
    tie('weak', 'jan', { frequency: 'monthly', supportGiven: ['company'] }),
    tie('stress', 'nurse', { quality: 'strained' }),
  ],
  genogram: {
    people: [
      person('dad', { label: 'Papa', sex: 'male', deceased: true, birthYear: 1940, deathYear: 2001 }),
      person('mum', { label: EVIL, sex: 'female', birthYear: 1942 }),
      person('me', { label: 'Mia', sex: 'other', index: true, inHousehold: true, birthYear: 1970 }),
      person('sib', { label: 'Sam', sex: 'unknown', birthYear: 1972 }),
      person('p', { label: 'Partner', sex: 'male', inHousehold: true }),
      person('kid', { label: 'Kind', sex: 'female', inHousehold: true, birthYear: 2000 }),
    ],
    partnerships: [
      { id: 'pp', a: 'dad', b: 'mum', status: 'divorced' },
      { id: 'pq', a: 'me', b: 'p', status: 'living_together' },
    ],
    parentage: [
      { id: 'c1', child: 'me', parents: ['dad', 'mum'], kind: 'birth' },
      { id: 'c2', child: 'sib', parents: ['dad', 'mum'], kind: 'adopted' },
      { id: 'c3', child: 'kid', parents: ['me', 'p'], kind: 'foster' },
    ],
    bonds: [
      { id: 'b1', a: 'me', b: 'mum', kind: 'conflict' },
      { id: 'b2', a: 'me', b: 'sib', kind: 'cut_off' },
      { id: 'b3', a: 'kid', b: 'dad', kind: 'distant' },
      { id: 'b4', a: 'kid', b: 'mum', kind: 'close' },
    ],
  },
});

describe('escapeXml', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(escapeXml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('ecogramSvg', () => {
  const layout = layoutEcogram(doc.ecogram, { captions: labels.sectors });
  const svg = ecogramSvg(doc, layout, { ...labels, client: EVIL });

  it('never lets a name become markup', () => {
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(
      svg
        .match(/<[a-z]+/g)
        ?.every((tag) =>
          ['<svg', '<title', '<desc', '<line', '<polyline', '<circle', '<rect', '<polygon', '<text'].includes(
            tag,
          ),
        ),
    ).toBe(true);
  });

  it('draws strong ties thick, weak ones dashed and stressful ones as a zigzag', () => {
    const shapes = ecogramDrawing(doc, layout, labels).shapes;
    const tieLine = (id: string) => {
      const t = layout.ties.find((x) => x.id === id);
      return shapes.find(
        (s) =>
          (s.kind === 'line' && s.x1 === t?.from.x && s.y1 === t?.from.y) ||
          (s.kind === 'polyline' && s.points[0]?.[0] === t?.from.x && s.points[0]?.[1] === t?.from.y),
      );
    };
    expect(tieLine('strong')).toMatchObject({ kind: 'line', stroke: { width: 3.5 } });
    expect(tieLine('weak')).toMatchObject({ kind: 'line', stroke: { dash: [7, 5] } });
    const zig = tieLine('stress');
    expect(zig?.kind).toBe('polyline');
    expect(zig?.kind === 'polyline' && zig.points.length).toBeGreaterThan(5);
  });

  it('puts arrowheads where support arrives, and squares for formal members', () => {
    const shapes = ecogramDrawing(doc, layout, labels).shapes;
    const arrowTips = shapes
      .filter((s): s is Extract<Shape, { kind: 'polygon' }> => s.kind === 'polygon')
      .map((s) => s.points[0]);
    const strong = layout.ties.find((t) => t.id === 'strong');
    const weak = layout.ties.find((t) => t.id === 'weak');
    // Support received by the person: the arrow points at the person's circle.
    expect(arrowTips).toContainEqual([strong?.from.x, strong?.from.y]);
    expect(arrowTips).toContainEqual([weak?.to.x, weak?.to.y]);
    const nurse = layout.members.nurse;
    expect(shapes).toContainEqual(
      expect.objectContaining({ kind: 'rect', x: (nurse?.x ?? 0) - layout.nodeRadius }),
    );
  });

  it('names the sectors, the legend and the title in the chosen language', () => {
    for (const text of [
      'Familie',
      'School, werk en',
      'verenigingen',
      'Legende',
      'Sterk contact',
      'Los contact',
      'Moeilijk contact',
      'Eigen kring',
    ])
      expect(svg).toContain(`>${text}</text>`);
    expect(svg).toContain('<title id="t">Ecogram</title>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*role="img"/);
  });

  it('draws a generated map of 150 members with every member labelled, shortened where crowded', () => {
    const big = generateNetwork(150);
    const out = ecogramSvg(big, layoutEcogram(big.ecogram), labels);
    const texts = [...out.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
    for (const m of big.ecogram.members) {
      const drawn = texts.find(
        (t) => t === m.label || (t.endsWith('…') && m.label.startsWith(t.slice(0, -1))),
      );
      expect(drawn, m.label).toBeDefined();
    }
    // The full names stay in the description for screen readers.
    const desc = out.match(/<desc id="d">([^<]*)<\/desc>/)?.[1] ?? '';
    for (const m of big.ecogram.members) expect(desc).toContain(`${m.label} (`);
  });

  it('puts paper under every name, so no tie runs through it', () => {
    const shapes = ecogramDrawing(doc, layout, labels).shapes;
    for (const m of doc.ecogram.members) {
      const label = layout.labels[m.id];
      const i = shapes.findIndex((s) => s.kind === 'text' && s.x === label?.x && s.y === label?.y);
      const under = shapes[i - 1];
      expect(under).toMatchObject({ kind: 'rect', fill: 'paper' });
      const box = label?.box as { x: number; y: number; width: number; height: number };
      if (under?.kind !== 'rect') continue;
      expect(under.x).toBeLessThanOrEqual(box.x);
      expect(under.x + under.width).toBeGreaterThanOrEqual(box.x + box.width);
      // Every tie is drawn before the paper, so the paper covers it.
      const tieIndexes = layout.ties.map((t) =>
        shapes.findIndex(
          (s) =>
            (s.kind === 'line' && s.x1 === t.from.x && s.y1 === t.from.y) ||
            (s.kind === 'polyline' && s.points[0]?.[0] === t.from.x && s.points[0]?.[1] === t.from.y),
        ),
      );
      expect(Math.min(...tieIndexes)).toBeGreaterThan(0);
      expect(Math.max(...tieIndexes)).toBeLessThan(i - 1);
    }
  });

  it("fits a long client's name inside the middle circle, on more than one line", () => {
    const name = 'Marie-Christine Vanderstraeten-De Smedt';
    const shapes = ecogramDrawing(doc, layout, { ...labels, client: name }).shapes;
    const lines = shapes.filter(
      (s): s is Extract<Shape, { kind: 'text' }> =>
        s.kind === 'text' &&
        s.weight === 'bold' &&
        Math.abs(s.x - layout.center.x) < 0.01 &&
        Math.abs(s.y - layout.center.y) < layout.clientRadius,
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(
      lines
        .map((l) => l.text)
        .join(' ')
        .replace(/- /g, '-'),
    ).toBe(name);
    for (const l of lines) {
      const half = textWidth(l.text, l.size, true) / 2;
      // Both ends of each line, at its baseline and its cap height, inside the circle.
      for (const dy of [0, -l.size * 0.75])
        expect(Math.hypot(half, l.y + dy - layout.center.y)).toBeLessThan(layout.clientRadius);
    }
  });
});

describe('genogramSvg', () => {
  const layout = layoutGenogram(doc.genogram);
  const drawing = genogramDrawing(doc, layout, labels);
  const svg = genogramSvg(doc, layout, labels);
  const at = (id: string) => layout.people[id] as { x: number; y: number };
  const half = layout.symbol / 2;

  it('never lets a name become markup', () => {
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });

  it('draws a square for a man, a circle for a woman and a diamond otherwise', () => {
    const s = drawing.shapes;
    expect(s).toContainEqual(
      expect.objectContaining({ kind: 'rect', x: at('dad').x - half, y: at('dad').y - half }),
    );
    expect(s).toContainEqual(
      expect.objectContaining({ kind: 'circle', cx: at('mum').x, cy: at('mum').y, r: half }),
    );
    const diamond = s.find((x) => x.kind === 'polygon' && x.points[0]?.[0] === at('sib').x);
    expect(diamond?.kind).toBe('polygon');
    expect(s).toContainEqual(expect.objectContaining({ kind: 'text', x: at('sib').x, text: '?' }));
  });

  it('crosses out the deceased and gives the index person a double border', () => {
    const s = drawing.shapes;
    const cross = s.filter(
      (x) =>
        x.kind === 'line' &&
        Math.abs((x.x1 + x.x2) / 2 - at('dad').x) < 0.01 &&
        Math.abs((x.y1 + x.y2) / 2 - at('dad').y) < 0.01,
    );
    expect(cross).toHaveLength(2);
    const borders = s.filter((x) => x.kind === 'polygon' && x.points[0]?.[0] === at('me').x);
    expect(borders).toHaveLength(2);
    expect(svg).toContain('>1940–2001</text>');
  });

  it('marks divorce with two slashes and living together with a dashed line', () => {
    const p = layout.partnerships.find((x) => x.id === 'pp');
    const mid = ((p?.from.x ?? 0) + (p?.to.x ?? 0)) / 2;
    const slashes = drawing.shapes.filter(
      (x) =>
        x.kind === 'line' && Math.abs((x.x1 + x.x2) / 2 - mid - 14) <= 4 && (x.y1 + x.y2) / 2 === p?.barY,
    );
    expect(slashes).toHaveLength(2);
    const q = layout.partnerships.find((x) => x.id === 'pq');
    expect(drawing.shapes).toContainEqual(
      expect.objectContaining({
        kind: 'polyline',
        points: [
          [q?.from.x, q?.from.y],
          [q?.from.x, q?.barY],
          [q?.to.x, q?.barY],
          [q?.to.x, q?.to.y],
        ],
        stroke: { width: 1.8, dash: [7, 4] },
      }),
    );
  });

  it('draws adopted children with a dashed line and foster children with a dotted one', () => {
    const lineTo = (id: string) =>
      drawing.shapes.find(
        (x) =>
          x.kind === 'polyline' &&
          x.points.at(-1)?.[0] === at(id).x &&
          x.points.at(-1)?.[1] === at(id).y - half,
      );
    expect(lineTo('me')).toMatchObject({ stroke: { width: 1.5 } });
    expect(lineTo('me')?.kind === 'polyline' && 'dash' in (lineTo('me') as { stroke: object }).stroke).toBe(
      false,
    );
    expect(lineTo('sib')).toMatchObject({ stroke: { dash: [7, 4] } });
    expect(lineTo('kid')).toMatchObject({ stroke: { dash: [2, 3] } });
  });

  it('draws emotional lines: close doubled, distant dotted, conflict zigzag, cut off broken', () => {
    expect(svg).toContain('stroke-dasharray="2 4"');
    const route = (id: string) => layout.bonds.find((b) => b.id === id)?.path ?? [];
    const startsAt = (s: Shape, p: { x: number; y: number }, within: number) =>
      s.kind === 'polyline' &&
      Math.hypot((s.points[0]?.[0] ?? 0) - p.x, (s.points[0]?.[1] ?? 0) - p.y) <= within;
    // Close: two rails either side of the route.
    const close = route('b4');
    const rails = drawing.shapes.filter((s) => startsAt(s, close[0] as { x: number; y: number }, 4));
    expect(rails.filter((s) => s.kind === 'polyline' && s.stroke.width === 1.2)).toHaveLength(2);
    // Conflict: a zigzag with many more points than the route.
    const conflict = route('b1');
    const zig = drawing.shapes.find((s) => startsAt(s, conflict[0] as { x: number; y: number }, 0.01));
    expect(zig?.kind === 'polyline' && zig.points.length).toBeGreaterThan(conflict.length + 5);
    // Cut off: its longest stretch broken in the middle, with a bar at each end of the break.
    const cut = route('b2');
    const stretches = cut.slice(1).map((b, i) => [cut[i], b] as const);
    const [a, b] = stretches.reduce((x, y) =>
      Math.hypot(y[1].x - (y[0]?.x ?? 0), y[1].y - (y[0]?.y ?? 0)) >
      Math.hypot(x[1].x - (x[0]?.x ?? 0), x[1].y - (x[0]?.y ?? 0))
        ? y
        : x,
    );
    const mid = { x: ((a?.x ?? 0) + b.x) / 2, y: ((a?.y ?? 0) + b.y) / 2 };
    const near = drawing.shapes.filter(
      (s) => s.kind === 'line' && Math.hypot((s.x1 + s.x2) / 2 - mid.x, (s.y1 + s.y2) / 2 - mid.y) < 8,
    );
    expect(near).toHaveLength(2);
  });

  it('puts paper under every name and its years, so an emotional line never runs through them', () => {
    for (const id of ['dad', 'mum', 'me', 'kid']) {
      const i = drawing.shapes.findIndex(
        (s) => s.kind === 'text' && s.x === at(id).x && s.y === at(id).y + half + 15,
      );
      expect(drawing.shapes[i - 1]).toMatchObject({ kind: 'rect', fill: 'paper' });
    }
  });

  it('draws the household as a dashed rounded rectangle and explains the notation in a legend', () => {
    const h = layout.household;
    expect(drawing.shapes).toContainEqual(
      expect.objectContaining({
        kind: 'rect',
        x: h?.x,
        y: h?.y,
        rx: 18,
        stroke: { width: 1.5, dash: [8, 5] },
      }),
    );
    for (const text of [
      'Man',
      'Vrouw',
      'Overleden',
      'De persoon zelf',
      'Gescheiden',
      'Uit elkaar',
      'Samenwonend',
      'Geadopteerd kind',
      'Pleegkind',
      'Hechte band',
      'Conflict',
      'Contact verbroken',
      'Wonen samen',
    ])
      expect(svg).toContain(`>${text}</text>`);
  });
});

describe('toSvg', () => {
  it('escapes the title and description too', () => {
    const out = toSvg([], { width: 10, height: 10, title: EVIL, description: EVIL });
    expect(out).not.toContain('<script');
    expect(out).toContain('<desc id="d">&lt;script&gt;');
  });
});
