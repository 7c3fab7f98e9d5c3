import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type { MapSource } from '../../contracts/networks-api.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { strengthCardById } from './networks.cards.ts';
import {
  drawingLabels,
  ecogramDrawing,
  ecogramSvg,
  genogramDrawing,
  genogramSvg,
  type Labels,
} from './networks.drawing.ts';
import { layoutEcogram, layoutGenogram } from './networks.layout.ts';
import { networkPdf, type PrintTexts } from './networks.pdf.ts';
import type { LoadedMap } from './networks.presenters.ts';
import { type Translate, translate } from './networks.usecases.reading.ts';
import { brusselsToday, clientForNetwork, loadMap, type NetworkRequest } from './networks.usecases.ts';

export const EXPORT_FORMATS = ['ecogram.svg', 'genogram.svg', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  body: string | Buffer;
  contentType: string;
  /** ASCII only, no quotes or slashes: safe in a Content-Disposition header as it is. */
  fileName: string;
}

const TIME_ZONE = 'Europe/Brussels';

function longDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The date the map describes: the snapshot's date, or the day of the last save (today before any). */
function mapDate(map: LoadedMap, now: Date): string {
  if (map.kind === 'snapshot') return map.row.taken_on;
  return brusselsToday(map.updatedAt ? new Date(map.updatedAt) : now);
}

function subtitle(map: LoadedMap, t: Translate, locale: Locale, now: Date): string {
  const date = longDate(mapDate(map, now), locale);
  if (map.kind === 'current') return t('networksServer.print.currentMap', { date });
  return map.row.label
    ? t('networksServer.print.snapshotWithLabel', { date, label: map.row.label })
    : t('networksServer.print.snapshot', { date });
}

function labelsFor(t: Translate, name: string): Labels {
  const labels = drawingLabels((key) => t(key));
  return {
    ...labels,
    client: name,
    ecogramTitle: t('networksServer.print.ecogramTitle', { name }),
    genogramTitle: t('networksServer.print.genogramTitle', { name }),
  };
}

/** The person's cards in their order, in words. */
function strengthLines(doc: NetworkMapDocument, t: Translate): PrintTexts['strengths'] {
  return [...doc.strengths.cards]
    .sort((a, b) => a.rank - b.rank)
    .map((card) => {
      const category =
        card.custom?.category ?? (card.cardId ? strengthCardById(card.cardId)?.category : undefined);
      return {
        rank: card.rank,
        label: card.custom?.label ?? t(`networks.cards.${card.cardId}`),
        category: category ? t(`networks.cardCategories.${category}`) : '',
        wish: card.wish ?? null,
      };
    });
}

/**
 * The ecogram or genogram as SVG, or both with the strengths as a PDF, of
 * the current map or a snapshot, in the reader's language. Audited with the
 * format, since a printed map leaves the system.
 */
export async function exportNetwork(
  input: NetworkRequest & { source: MapSource; format: ExportFormat; locale: Locale },
): Promise<ExportedFile> {
  const { ctx } = input;
  const client = await clientForNetwork(input, 'read');
  const map = await loadMap(ctx, client, input.source);
  const now = ctx.clock.now();
  await recordAudit(ctx.db, now, {
    actorUserId: input.principal.user.id,
    organisationId: client.organisationId,
    action: 'networks.map_exported',
    subjectType: 'client',
    subjectId: client.clientId,
    ip: input.ip,
    details: { format: input.format, snapshotId: map.kind === 'snapshot' ? map.row.id : null },
  });
  const t = translate(input.locale);
  const labels = labelsFor(t, client.displayName);
  const doc = map.document;
  const date = mapDate(map, now);
  if (input.format === 'ecogram.svg')
    return {
      body: ecogramSvg(doc, layoutEcogram(doc.ecogram, { captions: labels.sectors }), labels),
      contentType: 'image/svg+xml; charset=utf-8',
      fileName: `ecogram-${date}.svg`,
    };
  if (input.format === 'genogram.svg')
    return {
      body: genogramSvg(doc, layoutGenogram(doc.genogram), labels),
      contentType: 'image/svg+xml; charset=utf-8',
      fileName: `genogram-${date}.svg`,
    };
  const printedOn = new Intl.DateTimeFormat(input.locale, {
    timeZone: TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(now);
  const texts: PrintTexts = {
    ecogramTitle: labels.ecogramTitle,
    genogramTitle: labels.genogramTitle,
    strengthsTitle: t('networksServer.print.strengthsTitle', { name: client.displayName }),
    subtitle: subtitle(map, t, input.locale, now),
    printed: t('networksServer.print.footer', { date: printedOn, name: input.principal.user.name }),
    strengths: strengthLines(doc, t),
    noStrengths: t('networksServer.print.noStrengths'),
  };
  const body = await networkPdf({
    ecogram: ecogramDrawing(doc, layoutEcogram(doc.ecogram, { captions: labels.sectors }), labels),
    genogram: genogramDrawing(doc, layoutGenogram(doc.genogram), labels),
    texts,
    meta: {
      title: t('networksServer.print.documentTitle', { name: client.displayName }),
      language: input.locale,
      createdAt: now,
    },
  });
  return { body, contentType: 'application/pdf', fileName: `network-map-${date}.pdf` };
}
