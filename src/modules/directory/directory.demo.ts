import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { PROVINCES } from '../gazetteer/gazetteer.models.ts';
import { getMunicipality } from '../gazetteer/gazetteer.usecases.ts';
import { listMunicipalities, listOrganisations } from '../tenancy/tenancy.usecases.ts';
import { type DemoPlace, demoEntry } from './directory.demo.models.ts';
import { editorScope } from './directory.policies.ts';
import * as repo from './directory.repository.ts';
import { brusselsDate } from './directory.schedule.ts';
import { changeStatus, createEntry } from './directory.usecases.ts';

/** About 150 initiatives over the demo municipalities. */
export const DEMO_ENTRIES_PER_MUNICIPALITY = 30;

/**
 * Loads the demo directory for the municipalities of one region: every kind of
 * initiative, in places of each municipality, owned by the organisations that
 * work there. Mostly published; a few drafts and archived entries, and some
 * not checked for over a year. Does nothing when those organisations already
 * have entries.
 */
export async function loadDirectoryDemo(input: {
  ctx: AppContext;
  actor: Principal;
  regionId: string;
}): Promise<{ loaded: number }> {
  const { ctx, actor } = input;
  const municipalities = (await listMunicipalities({ ctx })).filter((m) => m.region_id === input.regionId);
  const organisations = (await listOrganisations({ ctx, ids: 'all' })).filter(
    (o) => o.region_id === input.regionId,
  );
  if (
    (
      await repo.listEditable(ctx.db, {
        organisationIds: organisations.map((o) => o.id),
        municipalityIds: [],
      })
    ).length > 0
  )
    return { loaded: 0 };
  const scope = editorScope(actor, new Map());
  const common = { ctx, principal: actor, scope, ip: '127.0.0.1' };
  const now = ctx.clock.now();
  let n = 0;
  for (const m of municipalities) {
    const detail = await getMunicipality({ ctx, nisCode: m.nis_code });
    const places: DemoPlace[] = detail.postcodes.flatMap((p) =>
      p.places.map((pl) => ({
        postcode: p.postcode,
        city: pl.name,
        lat: pl.point.lat,
        lng: pl.point.lng,
        province: detail.province ? PROVINCES[detail.province].nl : 'Brussel',
      })),
    );
    const owners = organisations.filter((o) => o.municipality_ids.includes(m.id));
    for (let k = 0; k < DEMO_ENTRIES_PER_MUNICIPALITY; k++) {
      const i = n;
      n += 1;
      const place = places[(i * 3) % places.length];
      const owner = owners[i % owners.length];
      if (!place || !owner) continue;
      const { id } = await createEntry({
        ...common,
        organisationId: owner.id,
        municipalityId: m.id,
        entry: demoEntry(i, place),
      });
      if (i % 20 === 7) continue;
      await changeStatus({ ...common, id, action: 'publish' });
      if (i % 50 === 13) await changeStatus({ ...common, id, action: 'archive' });
      // Most were checked in the last months; every eleventh one over a year ago (stale).
      const checked = new Date(now.getTime() - (i % 11 === 0 ? 400 : 10 + ((i * 17) % 200)) * 86_400_000);
      await repo.updateService(
        ctx.db,
        { organisation_id: owner.id, id },
        {
          assured_date: brusselsDate(checked),
          assurer_email: actor.user.email,
        },
      );
    }
  }
  return { loaded: n };
}
