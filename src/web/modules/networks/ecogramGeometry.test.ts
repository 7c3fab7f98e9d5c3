import { describe, expect, it } from 'vitest';
import { bandPath, shortLabel, wrapLabel, zigzagPath } from './ecogramGeometry.ts';

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

describe('labels', () => {
  it('cuts a long label at the space that makes the two lines most even', () => {
    expect(wrapLabel('school, werk en verenigingen', 16)).toEqual(['school, werk', 'en verenigingen']);
    expect(wrapLabel('familie', 16)).toEqual(['familie']);
  });

  it('shortens a long name to its first whole words, with an ellipsis', () => {
    expect(shortLabel('Mevrouw Vandenberghe', 12)).toBe('Mevrouw…');
    expect(shortLabel('Seniorenvereniging van de parochie', 12)).toBe('Seniorenvereniging…');
    expect(shortLabel('De buurman van om de hoek', 12)).toBe('De buurman…');
    expect(shortLabel('Thuisverpleging', 12)).toBe('Thuisverpleging');
    expect(shortLabel('Els', 12)).toBe('Els');
  });
});
