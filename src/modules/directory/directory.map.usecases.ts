import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { listMunicipalities } from '../tenancy/tenancy.usecases.ts';
import { countPublishedByMunicipality, listPublishedIn } from './directory.lists.repository.ts';
import { presentEntry } from './directory.presenters.ts';
import { findChildren } from './directory.repository.ts';

/** The municipalities in Verbonden that have published entries, with their count, by name. */
export async function listMapMunicipalities(input: { ctx: AppContext }) {
  const counts = new Map(
    (await countPublishedByMunicipality(input.ctx.db)).map((c) => [c.municipality_id, Number(c.n)]),
  );
  return (await listMunicipalities(input))
    .filter((m) => counts.has(m.id))
    .map((m) => ({
      nisCode: m.nis_code,
      nameNl: m.name_nl,
      nameFr: m.name_fr,
      entries: counts.get(m.id) ?? 0,
    }));
}

/**
 * The "sociale kaart" of a municipality: every published initiative there (and
 * the region-wide ones), in full, grouped by type, for printing.
 */
export async function getSocialMap(input: { ctx: AppContext; nisCode: string }) {
  const { ctx } = input;
  const municipality = (await listMunicipalities({ ctx })).find((m) => m.nis_code === input.nisCode);
  if (!municipality) throw notFound('directory.unknown_map');
  const rows = await listPublishedIn(ctx.db, municipality.id, municipality.region_id);
  const children = await findChildren(ctx.db, rows);
  const now = ctx.clock.now();
  const groups = new Map<string, ReturnType<typeof presentEntry>[]>();
  for (const row of rows) {
    const kids = children.get(row.id) ?? { locations: [], schedules: [], contacts: [] };
    groups.set(row.type, [...(groups.get(row.type) ?? []), presentEntry(row, kids, now)]);
  }
  return {
    municipality: {
      nisCode: municipality.nis_code,
      nameNl: municipality.name_nl,
      nameFr: municipality.name_fr,
    },
    printedAt: now.toISOString(),
    groups: [...groups].map(([type, entries]) => ({ type, entries })),
  };
}
