import PDFDocument from 'pdfkit';

export interface PdfMeta {
  /** Document title: the PDF's metadata and the header line of every page. */
  title: string;
  /** BCP 47 language of the text, e.g. 'nl-BE' (screen readers pick their voice from it). */
  language: string;
  author?: string;
  subject?: string;
  /** The footer's page label; "3 / 7" by default. */
  pageLabel?: (page: number, pages: number) => string;
  /** Stamp for the metadata; the moment of rendering by default. */
  createdAt?: Date;
  /** Compress page streams (default); tests switch it off to read the text back. */
  compress?: boolean;
}

const MARGIN = { top: 72, bottom: 64, left: 56, right: 56 };
const MUTED = '#555555';
const INK = '#111111';

/**
 * Renders an A4 document with pdfkit: the standard Helvetica fonts (which
 * cover €, é, ç and the rest of Western European text without embedding a
 * font), the title and language in its metadata, and on every page a header
 * with the title and a footer with the page number.
 */
export function renderPdf(draw: (doc: PDFKit.PDFDocument) => void, meta: PdfMeta): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    compress: meta.compress ?? true,
    lang: meta.language,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author ?? 'Verbonden',
      Subject: meta.subject ?? meta.title,
      Creator: 'Verbonden',
      CreationDate: meta.createdAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  draw(doc);
  const range = doc.bufferedPageRange();
  const label = meta.pageLabel ?? ((page: number, pages: number) => `${page} / ${pages}`);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Header and footer sit in the margins: without this pdfkit would start a new page there.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(meta.title, MARGIN.left, 36, { width, lineBreak: false, ellipsis: true });
    doc
      .moveTo(MARGIN.left, 50)
      .lineTo(doc.page.width - MARGIN.right, 50)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.text(label(i - range.start + 1, range.count), MARGIN.left, doc.page.height - 40, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** A section heading, kept with at least a few lines of what follows it. */
export function pdfHeading(doc: PDFKit.PDFDocument, text: string, level: 1 | 2 = 1) {
  const size = level === 1 ? 14 : 11;
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(level === 1 ? 1 : 0.6);
  doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, doc.page.margins.left);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10);
}

/** One "label: value" line; long values wrap under themselves. */
export function pdfField(doc: PDFKit.PDFDocument, label: string, value: string) {
  const left = doc.page.margins.left;
  const labelWidth = 150;
  const width = doc.page.width - left - doc.page.margins.right;
  if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
  const y = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor(MUTED)
    .text(label, left, y, { width: labelWidth - 8 });
  const afterLabel = doc.y;
  doc
    .font('Helvetica')
    .fillColor(INK)
    .text(value, left + labelWidth, y, { width: width - labelWidth });
  doc.y = Math.max(doc.y, afterLabel);
  doc.x = left;
}

/** A paragraph of running text. */
export function pdfText(doc: PDFKit.PDFDocument, text: string, opts: { muted?: boolean } = {}) {
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(opts.muted ? MUTED : INK)
    .text(text, doc.page.margins.left, doc.y, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    });
  doc.fillColor(INK);
}
