import { newId } from '../../platform/ids.ts';
import { presentTimelineItem, timelineOrganisationId } from './clients.presenters.ts';
import * as repo from './clients.repository.ts';
import {
  auditClient,
  type ClientInput,
  changeClient,
  noteOnTimeline,
  openClient,
  organisationNames,
  teamNames,
} from './clients.support.ts';
import type { ContactMode } from './clients.tables.ts';

/**
 * What happened with the person, newest first: contacts, consents, referrals,
 * maps and measurements of other modules. A read of personal data: audited.
 */
export async function getTimeline(input: ClientInput & { page: number; perPage: number }) {
  const { ctx } = input;
  const { client, key } = await openClient(input);
  const [rows, total, names] = await Promise.all([
    repo.listTimeline(ctx.db, key, { limit: input.perPage, offset: (input.page - 1) * input.perPage }),
    repo.countRows(ctx.db, 'client_timeline', key),
    teamNames(ctx, client.organisation_id),
  ]);
  // Organisation names are no personal data: the timeline names who was shared with or answered.
  const organisations = await organisationNames(
    ctx,
    rows.flatMap((r) => timelineOrganisationId(r) ?? []),
  );
  await auditClient(ctx.db, input, client, 'clients.timeline_read');
  return {
    items: rows.map((r) => presentTimelineItem(r, names, organisations)),
    total,
    page: input.page,
    per_page: input.perPage,
  };
}

/**
 * Writes down a contact with the person (a visit, a call, ...); assigned
 * volunteers may too. It appears on the timeline.
 */
export async function addContact(
  input: ClientInput & { mode: ContactMode; summary: string; at?: Date },
): Promise<{ id: string }> {
  const { principal } = input;
  const id = newId();
  await changeClient(input, { volunteers: true }, async (trx, client, now) => {
    const at = input.at ?? now;
    await repo.insertContact(trx, {
      organisation_id: client.organisation_id,
      client_id: client.id,
      id,
      at,
      mode: input.mode,
      summary: input.summary,
      author_user_id: principal.user.id,
      created_at: now,
    });
    await noteOnTimeline(trx, client, {
      at,
      kind: 'contact',
      actorUserId: principal.user.id,
      refType: 'client_contact',
      refId: id,
      details: { mode: input.mode },
    });
    await auditClient(trx, input, client, 'clients.contact_added', { mode: input.mode });
  });
  return { id };
}
