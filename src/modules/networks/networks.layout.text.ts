/**
 * How wide a text is, without a browser or a PDF at hand: the drawings must
 * know where names go before anything is painted. Widths are Helvetica's own
 * (from its AFM, the font of the PDFs; Arial on screen has the same metrics),
 * in thousandths of the font size, for the printable ASCII characters.
 */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
  556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
  556, 278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const ELLIPSIS = '…';

function charWidth(char: string, table: number[]): number {
  if (char === ELLIPSIS) return 1000;
  let code = char.charCodeAt(0);
  // é, ç, ü…: the width of the letter without its accent.
  if (code > 126) code = char.normalize('NFD').charCodeAt(0);
  return code >= 32 && code <= 126 ? (table[code - 32] as number) : 600;
}

/** Width of `text` at font `size`, in the same units as the size. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let sum = 0;
  for (const char of text) sum += charWidth(char, table);
  return (sum * size) / 1000;
}

/** The text itself when it fits `max`, else as much as fits followed by an ellipsis. */
export function ellipsize(text: string, size: number, max: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = `${chars.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`;
    if (textWidth(candidate, size, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, Math.max(1, lo)).join('').trimEnd()}${ELLIPSIS}`;
}

/** Splits on spaces (and after hyphens) into lines no wider than `max`; a longer word keeps its own line. */
export function wrapToWidth(text: string, size: number, max: number, bold = false): string[] {
  const lines: string[] = [];
  for (const [, space = '', word = ''] of text.trim().matchAll(/(\s*)([^\s-]*-+|[^\s-]+)/g)) {
    const last = lines.at(-1);
    const joined = `${last}${space ? ' ' : ''}${word}`;
    if (last !== undefined && textWidth(joined, size, bold) <= max) lines[lines.length - 1] = joined;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

/**
 * The client's name inside the circle in the middle, as large as fits between
 * `maxSize` and `minSize`: on one line, else wrapped on two or three (at
 * spaces and hyphens); at the smallest size, lines that still do not fit are
 * shortened with an ellipsis.
 */
export function fitInCircle(
  text: string,
  radius: number,
  maxSize: number,
  minSize: number,
): { lines: string[]; size: number } {
  const inner = radius * 0.9;
  // The chord at the outer edge of a block of n lines is the narrowest room.
  const room = (n: number, size: number) => {
    const dy = (n * size * 1.15) / 2;
    return dy >= inner ? 0 : 2 * Math.sqrt(inner * inner - dy * dy);
  };
  const steps = 24;
  let best: { lines: string[]; size: number; score: number } | null = null;
  for (let n = 1; n <= 3; n++) {
    const lines = balanced(text, n);
    if (!lines) continue;
    for (let k = 0; k <= steps; k++) {
      const size = maxSize - ((maxSize - minSize) * k) / steps;
      if (!lines.every((l) => textWidth(l, size, true) <= room(n, size))) continue;
      // Each extra line must buy a clearly larger size.
      const score = size * (1 - 0.1 * (n - 1));
      if (!best || score > best.score) best = { lines, size, score };
      break;
    }
  }
  if (best) return { lines: best.lines, size: best.size };
  const width = room(3, minSize);
  const lines = wrapToWidth(text, minSize, width, true);
  const kept = lines.slice(0, 3);
  if (lines.length > 3) kept[2] = `${kept[2]} ${lines.slice(3).join(' ')}`;
  return { lines: kept.map((l) => ellipsize(l, minSize, width, true)), size: minSize };
}

/** Pieces of a name that a line may end after: words, and the parts of hyphenated words. */
function pieces(text: string): { word: string; space: boolean }[] {
  return [...text.trim().matchAll(/(\s*)([^\s-]*-+|[^\s-]+)/g)].map(([, space = '', word = '']) => ({
    word,
    space: space.length > 0,
  }));
}

/** The name on exactly `n` lines with the widest as narrow as can be; null when it has fewer pieces. */
function balanced(text: string, n: number): string[] | null {
  const parts = pieces(text);
  if (parts.length < n) return null;
  const join = (from: number, to: number) =>
    parts
      .slice(from, to)
      .map((p, i) => (i > 0 && p.space ? ` ${p.word}` : p.word))
      .join('');
  let best: string[] | null = null;
  let bestWidth = Number.POSITIVE_INFINITY;
  const tryCuts = (cuts: number[]) => {
    const bounds = [0, ...cuts, parts.length];
    const lines = bounds.slice(1).map((end, i) => join(bounds[i] as number, end));
    const width = Math.max(...lines.map((l) => textWidth(l, 1, true)));
    if (width < bestWidth) {
      bestWidth = width;
      best = lines;
    }
  };
  if (n === 1) tryCuts([]);
  else if (n === 2) for (let a = 1; a < parts.length; a++) tryCuts([a]);
  else for (let a = 1; a < parts.length; a++) for (let b = a + 1; b < parts.length; b++) tryCuts([a, b]);
  return best;
}
