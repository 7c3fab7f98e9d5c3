import type { DirectoryHealthView, ReachView, WhatWorksView } from '../../contracts/insights.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { pdfHeading, pdfText, renderPdf } from '../../platform/pdf.ts';
import type { Cell } from './insights.models.ts';

type Doc = PDFKit.PDFDocument;
const INK = '#111111';
const MUTED = '#555555';
const BAR = '#2f6f8f';

function formatter(locale: Locale, hiddenMark: string) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (c: Cell | null) =>
    !c ? '' : c.suppressed ? hiddenMark : c.value === null ? '–' : number.format(c.value);
}

/** A plain table: a bold header line, then rows; numbers right-aligned; new pages as needed. */
function table(doc: Doc, headers: string[], rows: string[][], firstWidth = 170) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rest = (width - firstWidth) / Math.max(1, headers.length - 1);
  const x = (i: number) => (i === 0 ? left : left + firstWidth + (i - 1) * rest);
  const w = (i: number) => (i === 0 ? firstWidth - 6 : rest - 6);
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor(INK);
    let bottom = y;
    cells.forEach((text, i) => {
      doc.text(text, x(i), y, { width: w(i), align: i === 0 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 2;
    doc.x = left;
  };
  line(headers, true);
  for (const r of rows) line(r, false);
  doc.moveDown(0.5);
}

/** Horizontal bars, one per label; a hidden figure gets no bar, only its mark. */
function bars(doc: Doc, items: { label: string; cell: Cell }[], mark: (c: Cell) => string) {
  const left = doc.page.margins.left;
  const labelWidth = 90;
  const maxBar = doc.page.width - left - doc.page.margins.right - labelWidth - 60;
  const max = Math.max(1, ...items.map((i) => (i.cell.suppressed ? 0 : (i.cell.value ?? 0))));
  for (const item of items) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 16) doc.addPage();
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(item.label, left, y, { width: labelWidth - 6 });
    const length = item.cell.suppressed ? 0 : ((item.cell.value ?? 0) / max) * maxBar;
    if (length > 0) doc.rect(left + labelWidth, y + 1, length, 8).fill(BAR);
    doc
      .fillColor(INK)
      .text(mark(item.cell), left + labelWidth + length + 4, y, { width: 56, lineBreak: false });
    doc.y = y + 12;
    doc.x = left;
  }
  doc.fillColor(INK).moveDown(0.5);
}

/** The council report: reach, what works and directory health, with suppression applied as in the API. */
export function renderCouncilReport(
  views: { reach: ReachView; whatWorks: WhatWorksView; directory: DirectoryHealthView },
  locale: Locale,
  opts: { generatedAt: Date; compress?: boolean },
): Promise<Buffer> {
  const t = translator(locale);
  const mark = t('insights.report.hiddenMark');
  const fmt = formatter(locale, mark);
  const type = (k: string) =>
    k === 'other' ? t('insights.report.otherType') : t(`web.directory.vocab.type.${k}`, { defaultValue: k });
  const { scope } = views.reach;
  const places = scope.municipalities.map((m) => m.name).join(', ') || '–';
  const title = t('insights.report.title');
  return renderPdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text(title);
      doc.moveDown(0.3);
      pdfText(doc, t('insights.report.scope', { places, from: scope.from, to: scope.to }));
      doc.moveDown(0.3);
      pdfText(doc, t('insights.report.suppression', { threshold: scope.threshold, mark }), { muted: true });

      pdfHeading(doc, t('insights.report.reach'));
      const r = views.reach;
      table(
        doc,
        [
          t('insights.report.month'),
          t('insights.measures.signals'),
          t('insights.measures.clients'),
          t('insights.measures.participants'),
        ],
        [
          ...scope.months.map((m, i) => [
            m,
            fmt(r.signals.rows[0]?.cells[i] ?? null),
            fmt(r.clients.rows[0]?.cells[i] ?? null),
            fmt(r.participants.columnTotals?.[i] ?? null),
          ]),
          [
            t('insights.report.total'),
            fmt(r.signals.rows[0]?.total ?? null),
            fmt(r.clients.rows[0]?.total ?? null),
            fmt(r.participants.total),
          ],
        ],
        120,
      );
      pdfHeading(doc, t('insights.report.participantsPerMonth'), 2);
      bars(
        doc,
        scope.months.map((m, i) => ({
          label: m,
          cell: r.participants.columnTotals?.[i] ?? { value: 0, suppressed: false },
        })),
        fmt,
      );
      pdfHeading(doc, t('insights.report.participantsPerType'), 2);
      table(
        doc,
        [t('insights.report.type'), t('insights.measures.participants')],
        r.participants.rows.map((row) => [type(row.key), fmt(row.total)]),
      );
      if (r.municipalities) {
        pdfHeading(doc, t('insights.report.perMunicipality'), 2);
        table(
          doc,
          [
            t('insights.report.municipality'),
            ...r.municipalities.columns.map((c) => t(`insights.measures.${c}`)),
          ],
          r.municipalities.rows.map((row) => [row.label ?? row.key, ...row.cells.map(fmt)]),
        );
      }

      pdfHeading(doc, t('insights.report.whatWorks'));
      pdfText(doc, t('insights.report.changeExplained'), { muted: true });
      for (const i of views.whatWorks.instruments) {
        pdfHeading(doc, t(`insights.instruments.${i.instrument}`, { defaultValue: i.instrument }), 2);
        table(
          doc,
          [
            t('insights.report.type'),
            t('insights.report.pairs'),
            t('insights.report.mean'),
            t('insights.report.ci'),
            t('insights.report.effectSize'),
          ],
          [...i.types, i.overall].map((s) => [
            s.key === 'all' ? t('insights.report.allTypes') : type(s.key),
            fmt(s.n),
            fmt(s.mean),
            s.ciLow.suppressed ? mark : `${fmt(s.ciLow)} – ${fmt(s.ciHigh)}`,
            fmt(s.effectSize),
          ]),
        );
      }

      pdfHeading(doc, t('insights.report.directory'));
      table(
        doc,
        [
          t('insights.report.type'),
          t('insights.report.published'),
          t('insights.report.regionWide'),
          t('insights.report.stale'),
          t('insights.report.without'),
        ],
        views.directory.types.map((d) => [
          type(d.type),
          fmt(d.published),
          fmt(d.regionWide),
          fmt(d.stale),
          String(d.municipalitiesWithout.length),
        ]),
      );
    },
    {
      title,
      language: locale,
      subject: t('insights.report.subject'),
      createdAt: opts.generatedAt,
      pageLabel: (page, pages) => t('insights.report.page', { page, pages }),
      compress: opts.compress,
    },
  );
}
