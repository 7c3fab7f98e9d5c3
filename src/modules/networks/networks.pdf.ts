import { renderPdf } from '../../platform/pdf.ts';
import { COLOURS, type Fill, type Stroke } from './networks.drawing.shapes.ts';
import type { Drawing, Shape } from './networks.drawing.ts';

/** Texts of the printed map, already translated. */
export interface PrintTexts {
  /** "Ecogram of Jozef Peeters" */
  ecogramTitle: string;
  genogramTitle: string;
  strengthsTitle: string;
  /** "Map of 2 March 2026" or "Snapshot of 1 September 2025: at intake" */
  subtitle: string;
  /** "Printed on … by …": where the sheet comes from. */
  printed: string;
  strengths: { rank: number; label: string; category: string; wish: string | null }[];
  noStrengths: string;
}

/** The standard fonts of the platform's PDFs (Western European text without embedding a font). */
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const TITLE_SIZE = 18;

type Doc = PDFKit.PDFDocument;

function applyStroke(doc: Doc, stroke: Stroke) {
  doc.lineWidth(stroke.width).strokeColor(COLOURS[stroke.tone ?? 'ink']);
  if (stroke.dash && stroke.dash.length > 0) doc.dash(stroke.dash as unknown as number, {});
  else doc.undash();
}

/** Fills and/or strokes the path just built, as the SVG would. */
function paint(doc: Doc, fill: Fill | undefined, stroke: Stroke | undefined) {
  if (stroke) applyStroke(doc, stroke);
  if (fill && stroke) doc.fillAndStroke(COLOURS[fill], COLOURS[stroke.tone ?? 'ink']);
  else if (fill) doc.fill(COLOURS[fill]);
  else if (stroke) doc.stroke();
}

function drawShape(doc: Doc, s: Shape) {
  switch (s.kind) {
    case 'line':
      doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2);
      paint(doc, undefined, s.stroke);
      return;
    case 'polyline': {
      const [first, ...rest] = s.points;
      if (!first) return;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      doc.lineJoin('round');
      paint(doc, undefined, s.stroke);
      return;
    }
    case 'circle':
      doc.circle(s.cx, s.cy, s.r);
      paint(doc, s.fill, s.stroke);
      return;
    case 'rect':
      // The drawings use zero-height rects as paper markers; they paint nothing.
      if (s.width <= 0 || s.height <= 0) return;
      if (s.rx) doc.roundedRect(s.x, s.y, s.width, s.height, s.rx);
      else doc.rect(s.x, s.y, s.width, s.height);
      paint(doc, s.fill, s.stroke);
      return;
    case 'polygon':
      doc.polygon(...s.points);
      paint(doc, s.fill, s.stroke);
      return;
    case 'text': {
      doc
        .font(s.weight === 'bold' ? BOLD : REGULAR)
        .fontSize(s.size)
        .fillColor(COLOURS.ink);
      const width = doc.widthOfString(s.text);
      const x = s.anchor === 'middle' ? s.x - width / 2 : s.anchor === 'end' ? s.x - width : s.x;
      // SVG places text on its baseline; so does this.
      doc.text(s.text, x, s.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
    }
  }
}

/** Paints a drawing scaled to fit the box, centred horizontally. */
function drawInBox(doc: Doc, drawing: Drawing, box: { x: number; y: number; width: number; height: number }) {
  const scale = Math.min(box.width / drawing.width, box.height / drawing.height, 1);
  const left = box.x + (box.width - drawing.width * scale) / 2;
  doc.save();
  doc.translate(left, box.y).scale(scale);
  // Nothing outside the drawing's own canvas (the legend's markers run wide).
  doc.rect(0, 0, drawing.width, drawing.height).clip();
  for (const shape of drawing.shapes) drawShape(doc, shape);
  doc.restore();
  doc.undash();
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const contentBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Title, what the map shows (its date) and where the sheet comes from; answers where the content starts. */
function header(doc: Doc, title: string, texts: PrintTexts): number {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc
    .font(BOLD)
    .fontSize(TITLE_SIZE)
    .fillColor(COLOURS.ink)
    .text(title, left, doc.page.margins.top, { width });
  doc
    .font(REGULAR)
    .fontSize(11)
    .text(texts.subtitle, left, doc.y + 2, { width });
  doc
    .fontSize(8)
    .fillColor(COLOURS.faint)
    .text(texts.printed, left, doc.y + 2, { width });
  doc.fillColor(COLOURS.ink);
  return doc.y + 12;
}

function drawingPage(doc: Doc, title: string, drawing: Drawing, texts: PrintTexts) {
  const top = header(doc, title, texts);
  drawInBox(doc, drawing, {
    x: doc.page.margins.left,
    y: top,
    width: contentWidth(doc),
    height: contentBottom(doc) - top,
  });
}

function strengthsPage(doc: Doc, texts: PrintTexts) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  let y = header(doc, texts.strengthsTitle, texts);
  if (texts.strengths.length === 0)
    doc.font(REGULAR).fontSize(12).fillColor(COLOURS.ink).text(texts.noStrengths, left, y, { width });
  for (const card of texts.strengths) {
    if (y > contentBottom(doc) - 60) {
      doc.addPage();
      y = header(doc, texts.strengthsTitle, texts);
    }
    doc
      .font(BOLD)
      .fontSize(13)
      .fillColor(COLOURS.ink)
      .text(`${card.rank}. ${card.label}`, left, y, { width });
    doc
      .font(REGULAR)
      .fontSize(10)
      .fillColor(COLOURS.faint)
      .text(card.category, left + 16, doc.y + 1, { width: width - 16 });
    if (card.wish)
      doc
        .font(REGULAR)
        .fontSize(11)
        .fillColor(COLOURS.ink)
        .text(`“${card.wish}”`, left + 16, doc.y + 2, { width: width - 16 });
    y = doc.y + 12;
  }
}

/**
 * The map for the kitchen table and the file: the ecogram and the genogram
 * each on an A4 page with title and legend, drawn from the same shapes as the
 * SVG, then the person's strengths in their order.
 */
export function networkPdf(input: {
  ecogram: Drawing;
  genogram: Drawing;
  texts: PrintTexts;
  meta: { title: string; language: string; createdAt: Date; compress?: boolean };
}): Promise<Buffer> {
  return renderPdf((doc) => {
    drawingPage(doc, input.texts.ecogramTitle, input.ecogram, input.texts);
    doc.addPage();
    drawingPage(doc, input.texts.genogramTitle, input.genogram, input.texts);
    doc.addPage();
    strengthsPage(doc, input.texts);
  }, input.meta);
}
