import { describe, expect, it } from 'vitest';
import { ellipsize, fitInCircle, textWidth, wrapToWidth } from './networks.layout.text.ts';

describe('textWidth', () => {
  it("measures with Helvetica's widths: wide letters wider, bold wider, accents as their letter", () => {
    expect(textWidth('W', 10)).toBeCloseTo(9.44);
    expect(textWidth('i', 10)).toBeCloseTo(2.22);
    expect(textWidth('Els', 12, true)).toBeGreaterThan(textWidth('Els', 12));
    expect(textWidth('é', 10)).toBe(textWidth('e', 10));
  });
});

describe('ellipsize', () => {
  it('keeps a name that fits and shortens one that does not, ending in an ellipsis', () => {
    expect(ellipsize('Els', 12, 100)).toBe('Els');
    const short = ellipsize('Maatschappelijk werker', 12, 60);
    expect(short.endsWith('…')).toBe(true);
    expect(textWidth(short, 12)).toBeLessThanOrEqual(60);
    expect('Maatschappelijk werker'.startsWith(short.slice(0, -1))).toBe(true);
  });
});

describe('wrapToWidth', () => {
  it('breaks at spaces and after hyphens, never wider than asked unless one word is', () => {
    expect(wrapToWidth('School, werk en verenigingen', 15, 130, true)).toEqual([
      'School, werk en',
      'verenigingen',
    ]);
    expect(wrapToWidth('Vanderstraeten-De Smedt', 10, 80, true)).toEqual(['Vanderstraeten-', 'De Smedt']);
  });
});

describe('fitInCircle', () => {
  const fits = (lines: string[], size: number, radius: number) => {
    const lineHeight = size * 1.15;
    return lines.every((line, i) => {
      const dy = Math.abs((i - (lines.length - 1) / 2) * lineHeight) + size * 0.5;
      return Math.hypot(textWidth(line, size, true) / 2, dy) < radius;
    });
  };

  it('writes a short name on one line at the largest size', () => {
    expect(fitInCircle('Jozef', 48, 15, 8)).toEqual({ lines: ['Jozef'], size: 15 });
  });

  it('wraps a long name on two or three lines, each inside the circle', () => {
    for (const name of [
      'Amina El Amrani',
      'Marie-Christine Van den Bossche',
      'Jozef Vanderstraeten-De Smedt',
    ]) {
      const fit = fitInCircle(name, 48, 15, 8);
      expect(fit.lines.length).toBeGreaterThan(1);
      expect(fit.lines.join(' ').replace(/- /g, '-')).toBe(name);
      expect(fits(fit.lines, fit.size, 48)).toBe(true);
    }
  });

  it('shortens with an ellipsis only what does not fit at the smallest size', () => {
    const fit = fitInCircle('Wolfeschlegelsteinhausenbergerdorff Von Habsburg-Lotharingen', 30, 15, 8);
    expect(fit.size).toBe(8);
    expect(fit.lines.some((l) => l.endsWith('…'))).toBe(true);
    expect(fits(fit.lines, fit.size, 30)).toBe(true);
  });
});
