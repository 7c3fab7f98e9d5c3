import type { ERASURE_REASONS } from '../../contracts/clients.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { erasureBlocked } from './clients.errors.ts';
import { type ClientDataProvider, OPEN_REFERRAL_STATUSES } from './clients.models.ts';
import { assertMayManageClients } from './clients.policies.ts';
import {
  presentConsent,
  presentContact,
  presentRecord,
  presentReferral,
  presentTimelineItem,
  presentWorker,
  timelineOrganisationId,
} from './clients.presenters.ts';
import * as repo from './clients.repository.ts';
import {
  auditClient,
  type ClientInput,
  changeClient,
  municipalityNames,
  openClient,
  organisationNames,
  teamNames,
} from './clients.support.ts';

/** Far more than any record holds; the access request must be complete, not paged. */
const ALL = 100_000;

/**
 * Everything the organisation holds about the person (GDPR art. 15): the
 * record, consents, workers, the whole timeline, contacts, referrals, and
 * each other module's part through the providers passed in. For the
 * organisation's coordinators, who checked the person's identity; audited.
 */
export async function buildAccessRequest(
  input: ClientInput & { locale: Locale; providers: readonly ClientDataProvider[]; format: 'json' | 'pdf' },
) {
  const { ctx, principal } = input;
  const { client, workers, key, registered } = await openClient(input);
  assertMayManageClients(principal, client.organisation_id);
  const [consents, contacts, referrals, timeline, names] = await Promise.all([
    repo.listConsents(ctx.db, key),
    repo.listContacts(ctx.db, key),
    repo.listReferrals(ctx.db, key),
    repo.listTimeline(ctx.db, key, { limit: ALL }),
    teamNames(ctx, client.organisation_id),
  ]);
  const organisations = await organisationNames(ctx, [
    client.organisation_id,
    ...consents.flatMap((c) => (c.shared_with_organisation_id ? [c.shared_with_organisation_id] : [])),
    ...timeline.flatMap((r) => timelineOrganisationId(r) ?? []),
  ]);
  const municipality = await municipalityNames(ctx, [client.municipality_nis], input.locale);
  const t = translator(input.locale);
  const other = [];
  for (const provider of input.providers)
    other.push({
      key: provider.key,
      title: t(provider.titleKey),
      data: await provider.exportForClient(ctx.db, key, input.locale),
    });
  await auditClient(ctx.db, input, client, 'clients.access_request', { format: input.format });
  return {
    generatedAt: ctx.clock.now().toISOString(),
    organisation: { id: client.organisation_id, name: organisations.get(client.organisation_id) ?? null },
    record: presentRecord(client, registered, municipality.get(client.municipality_nis) ?? null),
    consents: consents.map((c) => presentConsent(c, names, organisations)),
    workers: workers.map((w) => presentWorker(w, names)),
    timeline: timeline.map((r) => presentTimelineItem(r, names, organisations)),
    contacts: contacts.map((c) => presentContact(c, names)),
    referrals: referrals.map((r) => presentReferral(r, names)),
    other,
  };
}
export type AccessRequest = Awaited<ReturnType<typeof buildAccessRequest>>;

/**
 * Erases the record and everything hanging off it (the foreign keys cascade,
 * also into other modules' tables such as network maps). "Where the law
 * allows" (GDPR art. 17(3)) is kept to one rule: not while a referral is
 * sent or started, because another initiative is then acting on it — stop
 * or complete the referral first. Longer legal retention duties of a
 * particular organisation are its own to apply before erasing. Only the
 * organisation's coordinators. The audit row keeps the reason, never
 * anything about the person.
 */
export async function eraseClient(input: ClientInput & { reason: (typeof ERASURE_REASONS)[number] }) {
  const { client } = await openClient(input);
  assertMayManageClients(input.principal, client.organisation_id);
  await changeClient(input, { whenUnregistered: true, whenClosed: true }, async (trx, locked) => {
    const key = { organisationId: locked.organisation_id, clientId: locked.id };
    const open = await repo.countReferralsIn(trx, key, OPEN_REFERRAL_STATUSES);
    if (open > 0) throw erasureBlocked(open);
    await repo.deleteClient(trx, { organisationId: locked.organisation_id, id: locked.id });
    await auditClient(trx, input, locked, 'clients.erased', { reason: input.reason });
  });
}
