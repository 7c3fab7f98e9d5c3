import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../../contracts/networks.ts';
import { distanceToBox, overlaps } from '../../../modules/networks/networks.layout.ecolabels.ts';
import { textWidth } from '../../../modules/networks/networks.layout.text.ts';
import { type Box, layoutEcogram } from '../../../modules/networks/networks.layout.ts';
import type { Ecogram } from './ecogramEditing.ts';
import {
  bandPath,
  clientName,
  READABLE,
  readableCaptions,
  readableLabels,
  zigzagPath,
} from './ecogramGeometry.ts';

describe('zigzagPath', () => {
  it('starts and ends exactly on the tie’s ends, with teeth on both sides in between', () => {
    const path = zigzagPath({ x: 0, y: 0 }, { x: 100, y: 0 });
    expect(path.startsWith('M0,0 L10,0')).toBe(true);
    expect(path.endsWith('L90,0 L100,0')).toBe(true);
    const ys = [...path.matchAll(/L[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys)).toBe(5);
    expect(Math.min(...ys)).toBe(-5);
  });

  it('draws a straight line when the tie is too short for teeth', () => {
    expect(zigzagPath({ x: 0, y: 0 }, { x: 8, y: 0 })).toBe('M0,0 L8,0');
  });
});

describe('bandPath', () => {
  it('closes an outline through both arcs of the band', () => {
    const path = bandPath({ x: 0, y: 0 }, 10, 20, 0, Math.PI / 2);
    expect(path).toBe('M20,0 A20,20 0 0 1 0,20 L0,10 A10,10 0 0 0 10,0 Z');
  });
});

const ecogram = (labels: string[]): Ecogram => ({
  members: labels.map((label, i) => ({
    id: `m${i}`,
    label,
    sector: SECTORS[i % SECTORS.length] as (typeof SECTORS)[number],
    ring: ((i % 3) + 1) as 1 | 2 | 3,
    formal: false,
  })),
  ties: [],
});

const inside = (b: Box, size: number) =>
  b.x >= 0 && b.y >= 0 && b.x + b.width <= size && b.y + b.height <= size;

describe('words a screen can read', () => {
  it('keeps the layout’s captions and names where they are already large enough', () => {
    const doc = ecogram(['Els', 'Rita']);
    const layout = layoutEcogram(doc, { size: 800 });
    const captions = readableCaptions(layout, 10);
    expect(captions.map((c) => c.box)).toEqual(layout.sectors.map((s) => s.caption.box));
    const labels = readableLabels(doc, layout, {
      nodeRadius: layout.nodeRadius,
      font: 10,
      captions: captions.map((c) => c.box),
    });
    expect(labels).toBe(layout.labels);
  });

  it('grows the captions of a phone-sized drawing to the smallest readable size, away from the rings and inside the drawing', () => {
    const layout = layoutEcogram(ecogram(['Els']), { size: 320 });
    const outer = layout.ringRadii[2] as number;
    for (const caption of readableCaptions(layout)) {
      expect(caption.size).toBe(READABLE.caption);
      expect(inside(caption.box, 320)).toBe(true);
      const original = layout.sectors.find((s) => s.sector === caption.sector)?.caption.box as Box;
      expect(caption.box.width).toBeGreaterThan(original.width);
      // Clamped into the drawing it may come nearer, but never over the middle of ring 3.
      expect(distanceToBox(layout.center, caption.box)).toBeGreaterThan(outer * 0.85);
    }
  });

  it('places the names again at a readable size on a phone, clear of the grown captions and of each other', () => {
    const doc = ecogram(['Els', 'Rita', 'Thuisverpleging', 'Buurman Jef', 'Mevrouw Vandenberghe']);
    const layout = layoutEcogram(doc, { size: 320 });
    const captions = readableCaptions(layout).map((c) => c.box);
    const labels = readableLabels(doc, layout, { nodeRadius: 7, font: READABLE.name, captions });
    const boxes = Object.values(labels).map((l) => l.box);
    expect(boxes).toHaveLength(5);
    for (const label of Object.values(labels)) expect(label.size).toBe(READABLE.name);
    for (const [i, a] of boxes.entries()) {
      for (const c of captions) expect(overlaps(a, c)).toBe(false);
      for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
  });

  it('fits the client’s name inside the middle circle, on more lines when it is long', () => {
    const layout = layoutEcogram(ecogram([]), { size: 760 });
    const short = clientName('Maria', layout);
    expect(short.lines).toEqual(['Maria']);
    const long = clientName('Maria-Louise Vandenberghe', layout);
    expect(long.lines.length).toBeGreaterThan(1);
    expect(long.size).toBeLessThanOrEqual(short.size);
    const half = (long.lines.length * long.lineHeight) / 2;
    expect(half).toBeLessThan(layout.clientRadius);
    for (const line of long.lines)
      expect(textWidth(line, long.size, true)).toBeLessThan(2 * layout.clientRadius);
  });
});
