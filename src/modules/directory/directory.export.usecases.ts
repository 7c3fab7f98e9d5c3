import type { AppContext } from '../../platform/context.ts';
import { invalidField } from '../../platform/errors.ts';
import { listMunicipalities, listOrganisations, listRegions } from '../tenancy/tenancy.usecases.ts';
import { CSV_COLUMNS, type CsvTable, dataPackage, flatten, toCsv } from './directory.export.models.ts';
import { presentService, presentTaxonomy } from './directory.hsds.presenters.ts';
import { findChildren, listEditable } from './directory.repository.ts';
import { taxonomies, terms } from './directory.terms.ts';

export type HsdsFormat = 'csv' | 'json';

/** The published services, fully nested as the HSDS API shows them, without their change history. */
export async function exportedServices(input: { ctx: AppContext; municipalityNisCode?: string }) {
  const { ctx } = input;
  const [municipalities, regions] = await Promise.all([listMunicipalities({ ctx }), listRegions({ ctx })]);
  let rows = await listEditable(ctx.db, 'all', 'published');
  if (input.municipalityNisCode !== undefined) {
    const nisCode = input.municipalityNisCode;
    const municipality = municipalities.find((m) => m.nis_code === nisCode);
    if (!municipality)
      throw invalidField('municipality', 'directory_import.unknown_municipality', { nisCode });
    rows = rows.filter((r) => r.municipality_id === municipality.id);
  }
  const organisations = await listOrganisations({
    ctx,
    ids: [...new Set(rows.map((r) => r.organisation_id))],
  });
  const lookups = {
    terms,
    organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
    areaNames: new Map([
      ...municipalities.map((m) => [m.id, m.name_nl] as const),
      ...regions.map((r) => [r.id, r.name] as const),
    ]),
    metadata: new Map(),
  };
  const children = await findChildren(ctx.db, rows);
  return rows.map((r) => {
    const { metadata: _history, ...service } = presentService(
      r,
      children.get(r.id) ?? { locations: [], schedules: [], contacts: [] },
      lookups,
    );
    return service;
  });
}

/**
 * The published entries (of one municipality, or all) as files to write: an
 * HSDS 3.0 CSV data package (datapackage.json and one CSV per table that has
 * rows) or one JSON file with the list of fully nested services.
 */
export async function exportHsds(input: {
  ctx: AppContext;
  municipalityNisCode?: string;
  format: HsdsFormat;
}): Promise<{ services: number; files: Map<string, string> }> {
  const services = await exportedServices(input);
  if (input.format === 'json')
    return {
      services: services.length,
      files: new Map([['services.json', `${JSON.stringify(services, null, 2)}\n`]]),
    };
  const tables = flatten(services, taxonomies.map(presentTaxonomy));
  const written = (Object.keys(tables) as CsvTable[]).filter(
    (name) => name === 'service' || tables[name].length > 0,
  );
  const files = new Map([['datapackage.json', `${JSON.stringify(dataPackage(written), null, 2)}\n`]]);
  for (const name of written) files.set(CSV_COLUMNS[name][0], toCsv(name, tables[name]));
  return { services: services.length, files };
}
