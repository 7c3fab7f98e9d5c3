import { searchQuery } from '../../contracts/directory.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { findUserByEmail, listMembers } from '../accounts/accounts.admin.usecases.ts';
import { demoOrganisations } from '../demo/demo.models.ts';
import { searchDirectory } from '../directory/directory.search.usecases.ts';
import { getPublishedEntry } from '../directory/directory.usecases.ts';
import { findOrganisation } from '../tenancy/tenancy.usecases.ts';
import { createReferral } from './clients.referrals.usecases.ts';
import * as repo from './clients.repository.ts';
import { assignWorker, recordConsent } from './clients.team.usecases.ts';
import { createClient } from './clients.usecases.ts';
import { addContact } from './clients.work.usecases.ts';

const WORKER_EMAIL = 'hulpverlener@demo.verbonden.invalid';
const VOLUNTEER_EMAIL = 'vrijwilliger@demo.verbonden.invalid';
const DAY = 86_400_000;
const IP = '127.0.0.1';

/** Obviously invented people in the demo municipalities, each marked "(demo)". */
const DEMO_CLIENTS = [
  {
    givenName: 'Maria',
    familyName: 'Peeters (demo)',
    postcode: '8000',
    street: 'Voorbeeldstraat 12',
    birthDate: '1941-04-09',
    household: 'alone',
    languages: ['nl'],
    contacts: [
      {
        daysAgo: 21,
        mode: 'visit',
        summary: 'Eerste bezoek. Voelt zich alleen sinds haar man overleed. (demo)',
      },
      { daysAgo: 7, mode: 'phone', summary: 'Wil graag eens mee naar een koffiebabbel. (demo)' },
    ],
  },
  {
    givenName: 'Jozef',
    familyName: 'Verzonnen (demo)',
    postcode: '8400',
    ageBand: '75-84',
    household: 'with_partner',
    languages: ['nl', 'fr'],
    contacts: [
      { daysAgo: 10, mode: 'visit', summary: 'Zorgt voor zijn vrouw; heeft zelf weinig contact. (demo)' },
    ],
  },
  {
    givenName: 'Amina',
    familyName: 'Proef (demo)',
    postcode: '8000',
    ageBand: '35-49',
    household: 'with_family',
    languages: ['ar', 'fr', 'nl'],
    contacts: [{ daysAgo: 3, mode: 'message', summary: 'Nieuw in de stad, zoekt een taalcafé. (demo)' }],
  },
  {
    givenName: 'Roger',
    familyName: 'Testmans (demo)',
    postcode: '8970',
    birthDate: '1950-12-24',
    household: 'alone',
    languages: ['nl'],
    contacts: [],
  },
] as const;

function actingAs(user: { id: string; email: string; name: string }, organisationId: string): Principal {
  return {
    user: { ...user, locale: 'nl-BE', largeText: false, isPlatformAdmin: false, totpEnabled: false },
    memberships: [{ organisationId, organisationName: '', role: 'worker', effective: true }],
    via: 'token',
    pendingSecondFactor: false,
  };
}

/** A published initiative in Brugge of the given organisation, through the directory's search. */
async function brugesInitiative(ctx: AppContext, organisationId: string) {
  const { results } = await searchDirectory({
    ctx,
    query: searchQuery.parse({ near: '8000', per_page: 100 }),
  });
  for (const r of results) {
    const entry = await getPublishedEntry({ ctx, id: r.id });
    if (entry.row.organisation_id === organisationId) return entry.row;
  }
  return undefined;
}

/**
 * A few fictional clients of the demo CAW, worked with by the demo social
 * worker: consents, contacts over the past weeks, a referral to one of the
 * CAW's own initiatives and one, with consent to share, to an initiative of
 * Sociaal Huis Brugge (whose coordinator then sees it coming in). The demo
 * volunteer is assigned where they are a member of the CAW. Run after the
 * directory demo; does nothing when the CAW already has clients.
 */
export async function loadClientsDemo(input: {
  ctx: AppContext;
}): Promise<{ clients: { id: string; organisationId: string; givenName: string }[] }> {
  const { ctx } = input;
  const cawName = demoOrganisations.find((o) => o.key === 'caw')?.name ?? '';
  const bruggeName = demoOrganisations.find((o) => o.key === 'brugge')?.name ?? '';
  const [caw, brugge, worker, volunteer] = await Promise.all([
    findOrganisation({ ctx, idOrName: cawName }),
    findOrganisation({ ctx, idOrName: bruggeName }),
    findUserByEmail({ ctx, email: WORKER_EMAIL }),
    findUserByEmail({ ctx, email: VOLUNTEER_EMAIL }),
  ]);
  if (!caw || !worker) return { clients: [] };
  const existing = await repo.listClients(ctx.db, { organisationId: caw.id, limit: 100, offset: 0 });
  if (existing.total > 0)
    return {
      clients: existing.rows.map((r) => ({ id: r.id, organisationId: caw.id, givenName: r.given_name })),
    };

  const principal = actingAs(worker, caw.id);
  const volunteerIsMember =
    volunteer !== undefined &&
    (await listMembers({ ctx, organisationId: caw.id })).some(
      (m) => m.id === volunteer.id && m.role === 'volunteer',
    );
  const own = await brugesInitiative(ctx, caw.id);
  const other = brugge ? await brugesInitiative(ctx, brugge.id) : undefined;
  const now = ctx.clock.now();
  const clients: { id: string; organisationId: string; givenName: string }[] = [];

  for (const [i, c] of DEMO_CLIENTS.entries()) {
    const { contacts, ...record } = c;
    const { id } = await createClient({
      ctx,
      principal,
      ip: IP,
      body: {
        ...record,
        organisationId: caw.id,
        languages: [...record.languages],
        consent: { method: 'in_person', note: 'Uitgelegd wat we bijhouden en waarom. (demo)' },
      },
    });
    clients.push({ id, organisationId: caw.id, givenName: record.givenName });
    const work = { ctx, principal, clientId: id, ip: IP };
    await recordConsent({ ...work, kind: 'contact', method: 'in_person' });
    for (const contact of contacts)
      await addContact({
        ...work,
        mode: contact.mode,
        summary: contact.summary,
        at: new Date(now.getTime() - contact.daysAgo * DAY),
      });
    if (i === 0 && volunteerIsMember && volunteer)
      await assignWorker({ ...work, userId: volunteer.id, role: 'volunteer' });
    if (i === 0 && other && brugge) {
      await recordConsent({
        ...work,
        kind: 'sharing',
        method: 'written',
        sharedWithOrganisationId: brugge.id,
      });
      await createReferral({
        ...work,
        serviceId: other.id,
        reason: 'Wil graag wekelijks onder de mensen komen. (demo)',
        status: 'sent',
      });
    }
    if (i === 2 && own)
      await createReferral({
        ...work,
        serviceId: own.id,
        reason: 'Zoekt contact in de buurt. (demo)',
        status: 'proposed',
      });
  }
  return { clients };
}
