import { type Box, distanceToBox } from './networks.layout.ecolabels.ts';
import { textWidth, wrapToWidth } from './networks.layout.text.ts';

type Point = { x: number; y: number };

/** A sector's name outside ring 3, in its own band: never over the rings or a member's name. */
export type SectorCaption = {
  lines: string[];
  /** Centre of the text block horizontally; baseline of the first line. */
  x: number;
  y: number;
  size: number;
  lineHeight: number;
  box: Box;
};

const CAPTION_WRAP = 0.2;
const CAPTION_MARGIN = 0.008;

/** A caption's lines and the block they make, in bold at a size proportional to the canvas. */
function captionBlock(text: string, size: number) {
  const font = size * 0.019;
  const lineHeight = font * 1.2;
  const lines = wrapToWidth(text, font, size * CAPTION_WRAP, true);
  const width = Math.max(...lines.map((l) => textWidth(l, font, true))) + font * 0.4;
  return { lines, font, lineHeight, width, height: lines.length * lineHeight };
}

/**
 * Each sector's caption as close to the middle of the sector as the corners
 * of the square canvas allow, entirely outside the circle of radius `clear`
 * and inside the canvas; null when one of them does not fit (the rings must
 * shrink). The search looks along rays ever further from the sector's middle,
 * at most `reach` tenths of the sector away.
 */
export function placeCaptions(
  texts: string[],
  sectors: { start: number; span: number }[],
  center: Point,
  clear: number,
  size: number,
  reach = 3,
): SectorCaption[] | null {
  const margin = size * CAPTION_MARGIN;
  const out: SectorCaption[] = [];
  for (const [i, text] of texts.entries()) {
    const sector = sectors[i] as { start: number; span: number };
    const { lines, font, lineHeight, width, height } = captionBlock(text, size);
    const mid = sector.start + sector.span / 2;
    let placed: SectorCaption | null = null;
    for (const k of [0, 1, -1, 2, -2, 3, -3].filter((k) => Math.abs(k) <= reach)) {
      const a = mid + (k * sector.span) / 10;
      const u = { x: Math.cos(a), y: Math.sin(a) };
      const boxAt = (d: number): Box => ({
        x: center.x + d * u.x - width / 2,
        y: center.y + d * u.y - height / 2,
        width,
        height,
      });
      // The nearest distance of the box to the centre grows with d: bisect for the first that clears.
      let lo = clear;
      let hi = clear + width + height;
      for (let step = 0; step < 24; step++) {
        const d = (lo + hi) / 2;
        if (distanceToBox(center, boxAt(d)) >= clear) hi = d;
        else lo = d;
      }
      const box = boxAt(hi);
      if (box.x < margin || box.y < margin || box.x + width > size - margin || box.y + height > size - margin)
        continue;
      placed = {
        lines,
        x: box.x + width / 2,
        y: box.y + font * 0.95,
        size: font,
        lineHeight,
        box,
      };
      break;
    }
    if (!placed) return null;
    out.push(placed);
  }
  return out;
}

/**
 * Captions that do not fit anywhere at the smallest rings: on the sector's
 * middle ray, pushed inside the canvas.
 */
export function clampedCaptions(
  texts: string[],
  sectors: { start: number; span: number }[],
  center: Point,
  clear: number,
  size: number,
): SectorCaption[] {
  const margin = size * CAPTION_MARGIN;
  return texts.map((text, i) => {
    const sector = sectors[i] as { start: number; span: number };
    const { lines, font, lineHeight, width, height } = captionBlock(text, size);
    const mid = sector.start + sector.span / 2;
    const x = Math.min(size - margin - width, Math.max(margin, center.x + clear * Math.cos(mid) - width / 2));
    const y = Math.min(
      size - margin - height,
      Math.max(margin, center.y + clear * Math.sin(mid) - height / 2),
    );
    const box = { x, y, width, height };
    return { lines, x: x + width / 2, y: y + font * 0.95, size: font, lineHeight, box };
  });
}
