import { SERVICE_TYPES } from '../../contracts/directory-vocabulary.ts';
import type { AppContext } from '../../platform/context.ts';
import { listMunicipalities, listRegions } from '../tenancy/tenancy.usecases.ts';
import { countByMunicipalityAndType, listPractices } from './directory.lists.repository.ts';

/**
 * Good practices for professionals: published entries that describe their
 * approach or have evidence, filtered by type, evidence level and active elements.
 */
export async function searchPractices(input: {
  ctx: AppContext;
  type?: string;
  evidenceLevel?: string;
  activeElements?: string[];
  page: number;
  perPage: number;
}) {
  const codes = [
    ...(input.type ? [`type:${input.type}`] : []),
    ...(input.evidenceLevel ? [`evidence_level:${input.evidenceLevel}`] : []),
    ...(input.activeElements ?? []).map((a) => `active_element:${a}`),
  ];
  const { rows, total } = await listPractices(
    input.ctx.db,
    codes,
    input.perPage,
    (input.page - 1) * input.perPage,
  );
  const names = new Map(
    (await listMunicipalities(input)).map((m) => [m.id, { nl: m.name_nl, fr: m.name_fr }]),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      evidenceLevel: r.evidence_level,
      activeElements: r.active_elements,
      goal: typeof r.good_practice.goal === 'string' ? r.good_practice.goal : null,
      municipality: r.municipality_id ? (names.get(r.municipality_id) ?? null) : null,
    })),
    total,
    page: input.page,
    per_page: input.perPage,
  };
}

/**
 * The region matrix: for every municipality in Verbonden, how many published
 * initiatives of each type it has (zero where none exists), plus the region-wide ones.
 */
export async function regionMatrix(input: { ctx: AppContext }) {
  const [counts, municipalities, regions] = await Promise.all([
    countByMunicipalityAndType(input.ctx.db),
    listMunicipalities(input),
    listRegions(input),
  ]);
  const empty = () => Object.fromEntries(SERVICE_TYPES.map((t) => [t, 0])) as Record<string, number>;
  const rows = municipalities.map((m) => ({
    nisCode: m.nis_code,
    nameNl: m.name_nl,
    nameFr: m.name_fr,
    regionId: m.region_id,
    counts: empty(),
  }));
  const byId = new Map(municipalities.map((m, i) => [m.id, rows[i]]));
  const regionWide = new Map(regions.map((r) => [r.id, { regionId: r.id, name: r.name, counts: empty() }]));
  for (const c of counts) {
    const target = c.municipality_id ? byId.get(c.municipality_id) : regionWide.get(c.region_id);
    if (target) target.counts[c.type] = Number(c.n);
  }
  return {
    types: [...SERVICE_TYPES],
    municipalities: rows,
    regionWide: [...regionWide.values()].filter((r) => Object.values(r.counts).some((n) => n > 0)),
  };
}
