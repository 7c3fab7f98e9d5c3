import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { enqueue } from '../../platform/jobs/jobs.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { insertDemoPeople, insertRows } from '../clients/clients.demo-people.ts';
import { DEMO_REGION } from '../demo/demo.models.ts';
import { getSocialMap } from '../directory/directory.map.usecases.ts';
import { brusselsDate } from '../directory/directory.schedule.ts';
import { getMunicipality } from '../gazetteer/gazetteer.usecases.ts';
import {
  createOrganisation,
  findOrganisation,
  listMunicipalities,
  listRegions,
} from '../tenancy/tenancy.usecases.ts';
import {
  DEMO_PARTICIPANTS_ORGANISATION,
  generateDemo,
  PLAN,
  type Service,
} from './measurements.demo-plan.ts';
import { followUpDue } from './measurements.models.ts';
import { FOLLOW_UP_QUEUE } from './measurements.tracks.usecases.ts';

export { DEMO_PARTICIPANTS_ORGANISATION };

// Writes the generated demo participants (measurements.demo-plan.ts) to the
// database in one transaction.
const IP = '127.0.0.1';

/**
 * Loads the generated demo participants: a Brugge service centre of its own,
 * about 460 invented people over the demo municipalities, their follow-up
 * tracks and measurements at published demo initiatives, and referrals — in
 * one transaction of a few multi-row inserts, through the same tables (so the
 * insights' triggers keep their pairs and starts). Run after the directory
 * demo; does nothing when the service centre is already there.
 */
export async function loadMeasurementsDemo(input: {
  ctx: AppContext;
  actor: Principal;
}): Promise<{ people: number; tracks: number; measurements: number; referrals: number }> {
  const { ctx, actor } = input;
  const none = { people: 0, tracks: 0, measurements: 0, referrals: 0 };
  const region = (await listRegions({ ctx })).find((r) => r.name === DEMO_REGION);
  if (!region || (await findOrganisation({ ctx, idOrName: DEMO_PARTICIPANTS_ORGANISATION }))) return none;
  const municipalities = (await listMunicipalities({ ctx })).filter((m) => m.region_id === region.id);
  const brugge = municipalities.find((m) => m.nis_code === PLAN[0]?.nis);
  if (!brugge) return none;
  await createOrganisation({
    ctx,
    actor,
    regionId: region.id,
    name: DEMO_PARTICIPANTS_ORGANISATION,
    kind: 'association',
    municipalityIds: [brugge.id],
    requireSecondFactor: false,
    ip: IP,
  });

  const organisationIds = new Map<string, string>();
  for (const name of new Set(PLAN.flatMap((p) => p.organisations))) {
    const found = await findOrganisation({ ctx, idOrName: name });
    if (found) organisationIds.set(name, found.id);
  }
  const postcodes = new Map<string, string[]>();
  const services = new Map<string, Service[]>();
  for (const place of PLAN) {
    if (!municipalities.some((m) => m.nis_code === place.nis)) continue;
    const [detail, map] = await Promise.all([
      getMunicipality({ ctx, nisCode: place.nis }),
      getSocialMap({ ctx, nisCode: place.nis }),
    ]);
    postcodes.set(
      place.nis,
      detail.postcodes.map((p) => p.postcode),
    );
    // By name, so the choice does not depend on the order the database returns them in.
    const entries = map.groups.flatMap((g) =>
      g.entries.map((e) => ({ organisationId: e.organisationId, id: e.id, name: e.name, type: g.type })),
    );
    services.set(
      place.nis,
      entries.sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type)),
    );
  }

  const demo = generateDemo({
    today: brusselsDate(ctx.clock.now()),
    actorId: actor.user.id,
    organisationIds,
    postcodes,
    services,
    newId,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await insertDemoPeople(trx, {
      people: demo.people,
      referrals: demo.referrals,
      timeline: demo.timeline,
      createdBy: actor.user.id,
      newId,
    });
    await insertRows(trx, 'measurement_tracks', demo.tracks);
    await insertRows(trx, 'client_measurements', demo.measurements);
    // As startTrack does: a durable reminder for every follow-up still to come of an active track.
    const now = ctx.clock.now();
    for (const track of demo.tracks) {
      if (track.status !== 'active') continue;
      for (const months of track.follow_up_months) {
        const runAt = followUpDue(track.started_on, months);
        if (runAt <= now) continue;
        await enqueue(trx, {
          queue: FOLLOW_UP_QUEUE,
          key: `${track.id}:${months}`,
          now,
          runAt,
          payload: {
            organisationId: track.organisation_id,
            clientId: track.client_id,
            trackId: track.id,
            months,
          },
        });
      }
    }
    await recordAudit(trx, ctx.clock.now(), {
      actorUserId: actor.user.id,
      organisationId: null,
      action: 'demo.participants_loaded',
      subjectType: 'region',
      subjectId: region.id,
      ip: IP,
      details: {
        people: demo.people.length,
        tracks: demo.tracks.length,
        measurements: demo.measurements.length,
        referrals: demo.referrals.length,
      },
    });
  });
  return {
    people: demo.people.length,
    tracks: demo.tracks.length,
    measurements: demo.measurements.length,
    referrals: demo.referrals.length,
  };
}
