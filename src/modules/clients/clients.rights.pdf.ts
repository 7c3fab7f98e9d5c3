import type { Locale } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { pdfField, pdfHeading, pdfText, renderPdf } from '../../platform/pdf.ts';
import type { AccessRequest } from './clients.rights.usecases.ts';

type Doc = PDFKit.PDFDocument;

function formats(locale: Locale) {
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  });
  // A calendar date (date of birth) has no time zone: read and write it as UTC.
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    at: (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : '–'),
    day: (ymd: string | null) => (ymd ? date.format(new Date(`${ymd}T00:00:00Z`)) : '–'),
  };
}

/** Another module's data as readable lines: nested keys joined with dots, one value per line. */
function flatten(value: unknown, path: string, out: [string, string][], depth = 0) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      flatten(v, `${path}[${i + 1}]`, out, depth + 1);
    });
    return;
  }
  if (typeof value === 'object' && depth < 8) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out, depth + 1);
    return;
  }
  out.push([path || '–', typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}

/** The access request as a plain, readable A4 document in the requester's language. */
export function renderAccessRequestPdf(
  data: AccessRequest,
  locale: Locale,
  opts: { compress?: boolean } = {},
): Promise<Buffer> {
  const t = translator(locale);
  const f = formats(locale);
  const k = (key: string) => t(`clients.accessRequest.fields.${key}`);
  const r = data.record;
  const name = [r.givenName, r.familyName].filter(Boolean).join(' ');
  const none = (doc: Doc, list: unknown[]) => {
    if (list.length === 0) pdfText(doc, t('clients.accessRequest.none'), { muted: true });
  };
  const title = t('clients.accessRequest.title', { name });
  return renderPdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text(title);
      doc.moveDown(0.5);
      pdfText(doc, t('clients.accessRequest.intro'));
      doc.moveDown(0.5);
      pdfField(doc, k('organisation'), data.organisation.name ?? data.organisation.id);
      pdfField(doc, k('generatedAt'), f.at(data.generatedAt));

      pdfHeading(doc, t('clients.accessRequest.sections.record'));
      pdfField(doc, k('givenName'), r.givenName);
      pdfField(doc, k('familyName'), r.familyName ?? '–');
      pdfField(doc, k('phone'), r.phone ?? '–');
      pdfField(doc, k('email'), r.email ?? '–');
      pdfField(doc, k('street'), r.street ?? '–');
      pdfField(
        doc,
        k('municipality'),
        [r.postcode, r.municipalityName ?? r.municipalityNis].filter(Boolean).join(' '),
      );
      if (r.birthDate) pdfField(doc, k('birthDate'), f.day(r.birthDate));
      if (r.ageBand) pdfField(doc, k('ageBand'), r.ageBand);
      pdfField(doc, k('household'), t(`clients.household.${r.household}`));
      pdfField(doc, k('languages'), r.languages.join(', ') || '–');
      pdfField(doc, k('status'), t(`clients.status.${r.status}`));
      pdfField(doc, k('createdAt'), f.at(r.createdAt));
      if (r.closedAt) pdfField(doc, k('closedAt'), f.at(r.closedAt));

      pdfHeading(doc, t('clients.accessRequest.sections.consents'));
      none(doc, data.consents);
      for (const c of data.consents) {
        pdfHeading(doc, t(`clients.consentKind.${c.kind}`), 2);
        if (c.sharedWithOrganisation)
          pdfField(doc, k('sharedWith'), c.sharedWithOrganisation.name ?? c.sharedWithOrganisation.id);
        pdfField(doc, k('givenAt'), f.at(c.givenAt));
        pdfField(doc, k('method'), t(`clients.consentMethod.${c.method}`));
        pdfField(doc, k('recordedBy'), c.recordedBy ?? '–');
        if (c.note) pdfField(doc, k('note'), c.note);
        if (c.withdrawnAt) {
          pdfField(doc, k('withdrawnAt'), f.at(c.withdrawnAt));
          if (c.withdrawalMethod)
            pdfField(doc, k('withdrawalMethod'), t(`clients.consentMethod.${c.withdrawalMethod}`));
          pdfField(doc, k('withdrawnBy'), c.withdrawnBy ?? '–');
        }
      }

      pdfHeading(doc, t('clients.accessRequest.sections.workers'));
      none(doc, data.workers);
      for (const w of data.workers)
        pdfField(doc, w.name ?? '–', `${t(`clients.workerRole.${w.role}`)} · ${f.at(w.assignedAt)}`);

      pdfHeading(doc, t('clients.accessRequest.sections.contacts'));
      none(doc, data.contacts);
      for (const c of data.contacts) {
        pdfHeading(doc, `${f.at(c.at)} · ${t(`clients.contactMode.${c.mode}`)}`, 2);
        pdfField(doc, k('author'), c.authorName ?? '–');
        pdfText(doc, c.summary);
      }

      pdfHeading(doc, t('clients.accessRequest.sections.referrals'));
      none(doc, data.referrals);
      for (const ref of data.referrals) {
        pdfHeading(doc, ref.serviceName, 2);
        pdfField(doc, k('status'), t(`clients.referralStatus.${ref.status}`));
        pdfField(doc, k('createdAt'), f.at(ref.createdAt));
        pdfField(doc, k('createdBy'), ref.createdBy ?? '–');
        if (ref.reason) pdfField(doc, k('reason'), ref.reason);
        if (ref.outcomeNote) pdfField(doc, k('outcome'), ref.outcomeNote);
        if (ref.answerNote) pdfField(doc, k('answer'), ref.answerNote);
      }

      pdfHeading(doc, t('clients.accessRequest.sections.timeline'));
      none(doc, data.timeline);
      for (const e of data.timeline)
        pdfField(
          doc,
          f.at(e.at),
          [t(`clients.timelineKind.${e.kind}`, { defaultValue: e.kind }), e.organisation?.name, e.actorName]
            .filter(Boolean)
            .join(' · '),
        );

      for (const section of data.other) {
        pdfHeading(doc, section.title);
        const lines: [string, string][] = [];
        flatten(section.data, '', lines);
        if (lines.length === 0) pdfText(doc, t('clients.accessRequest.none'), { muted: true });
        for (const [label, value] of lines) pdfField(doc, label, value);
      }
    },
    {
      title,
      language: locale,
      subject: t('clients.accessRequest.subject'),
      createdAt: new Date(data.generatedAt),
      pageLabel: (page, pages) => t('clients.accessRequest.page', { page, pages }),
      compress: opts.compress,
    },
  );
}
