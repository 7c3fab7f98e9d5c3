import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getMunicipality } from '../gazetteer/gazetteer.usecases.ts';
import { findOrganisation, listMunicipalities, listOrganisations } from '../tenancy/tenancy.usecases.ts';
import { readHsdsPackage } from './directory.import.csv.ts';
import {
  type HsdsInput,
  type ImportedService,
  type ImportProblem,
  importedId,
  mapServices,
  readHsdsJson,
} from './directory.import.models.ts';
import { serviceColumns } from './directory.mapping.ts';
import * as repo from './directory.repository.ts';

/** The data is refused as a whole; `problems` says where and why. */
export class HsdsImportError extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    super('directory_import.invalid_data', 400, { count: problems.length });
  }
}

/** What to import: a CSV data package (its files by name) or one HSDS JSON file. */
export type HsdsSource =
  | { kind: 'package'; files: Map<string, Uint8Array> }
  | { kind: 'json'; file: string; bytes: Uint8Array };

const fail = (code: string, params: Record<string, string | number> = {}): never => {
  throw new HsdsImportError([{ file: '', row: null, field: null, code, params }]);
};

/** Reads and checks the data without touching the database: the import's dry run. */
export function readHsds(source: HsdsSource): ImportedService[] {
  let input: HsdsInput;
  if (source.kind === 'package') input = readHsdsPackage(source.files);
  else {
    const text = new TextDecoder('utf-8', { fatal: true });
    let decoded: string | null = null;
    try {
      decoded = text.decode(source.bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new HsdsImportError([
        { file: source.file, row: null, field: null, code: 'directory_import.not_utf8' },
      ]);
    }
    input = readHsdsJson(source.file, decoded);
  }
  const { services, problems } = mapServices(input);
  if (problems.length > 0) throw new HsdsImportError(problems);
  return services;
}

async function target(ctx: AppContext, nisCode: string, organisation: string) {
  const municipality = (await listMunicipalities({ ctx })).find((m) => m.nis_code === nisCode);
  if (!municipality) return fail('directory_import.unknown_municipality', { nisCode });
  const found = await findOrganisation({ ctx, idOrName: organisation });
  if (!found) return fail('directory_import.unknown_organisation', { organisation });
  const [org] = await listOrganisations({ ctx, ids: [found.id] });
  if (!org?.municipality_ids.includes(municipality.id))
    return fail('directory_import.organisation_elsewhere', { organisation: found.name, nisCode });
  // The municipality's centre places region-wide searches; a municipality outside the gazetteer has none.
  const centre = await getMunicipality({ ctx, nisCode }).catch(() => null);
  return { municipality, org, area: { area_lat: centre?.lat ?? null, area_lng: centre?.lng ?? null } };
}

/**
 * Imports HSDS services into one municipality as entries of one organisation
 * (the HSDS organization is not matched: the person importing names ours).
 * All or nothing, in one transaction. An entry is matched on its HSDS id, so
 * importing the same data again updates the entries instead of adding them
 * twice; an entry's good-practice description, which HSDS does not carry, is kept.
 */
export async function importHsds(input: {
  ctx: AppContext;
  source: HsdsSource;
  municipalityNisCode: string;
  organisation: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ created: number; updated: number }> {
  const { ctx } = input;
  const services = readHsds(input.source);
  const { municipality, org, area } = await target(ctx, input.municipalityNisCode, input.organisation);
  const id = (hsdsId: string) => importedId(hsdsId, org.id);
  const now = ctx.clock.now();
  let created = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const existing = new Map(
      (
        await repo.findServices(
          trx,
          services.map((s) => id(s.id)),
        )
      ).map((r) => [r.id, r]),
    );
    const elsewhere = services.filter((s) => {
      const row = existing.get(id(s.id));
      return row && (row.organisation_id !== org.id || row.municipality_id !== municipality.id);
    });
    if (elsewhere.length > 0)
      throw new HsdsImportError(
        elsewhere.map((s) => ({
          file: '',
          row: null,
          field: 'id',
          code: 'directory_import.id_taken',
          params: { id: s.id },
        })),
      );
    for (const [i, s] of services.entries()) {
      const key = { organisation_id: org.id, id: id(s.id) };
      const { good_practice, ...columns } = serviceColumns(s.entry);
      const old = existing.get(key.id);
      const published = s.status === 'published' ? (old?.published_at ?? now) : (old?.published_at ?? null);
      const common = { ...columns, ...area, status: s.status, assured_date: s.assuredDate, updated_at: now };
      if (old) await repo.updateService(trx, key, { ...common, published_at: published });
      else {
        created++;
        await repo.insertService(trx, {
          ...key,
          ...common,
          region_id: org.region_id,
          municipality_id: municipality.id,
          good_practice,
          assurer_email: null,
          created_by: null,
          created_at: now,
          published_at: published,
        });
      }
      await repo.replaceChildren(trx, key, childRows(key, s, id));
      input.onProgress?.(i + 1, services.length);
    }
  });
  return { created, updated: services.length - created };
}

function childRows(
  key: { organisation_id: string; id: string },
  s: ImportedService,
  id: (hsdsId: string) => string,
) {
  const base = { organisation_id: key.organisation_id, service_id: key.id };
  return {
    locations: s.entry.locations.map((l, position) => ({
      ...base,
      id: id(s.locations[position]?.id ?? ''),
      service_at_location_id: id(s.locations[position]?.salId ?? ''),
      position,
      name: l.name,
      description: l.description ?? null,
      transportation: l.transportation ?? null,
      latitude: l.latitude,
      longitude: l.longitude,
      address_1: l.address1,
      address_2: l.address2 ?? null,
      postal_code: l.postalCode,
      city: l.city,
      state_province: l.stateProvince,
      accessibility: l.accessibility,
      accessibility_description: l.accessibilityDescription ?? null,
    })),
    schedules: s.entry.schedules.map((x, position) => ({
      ...base,
      id: id(s.schedules[position]?.id ?? ''),
      location_id: locationId(s.schedules[position]?.locationId ?? null, id),
      position,
      freq: x.freq,
      interval: x.interval,
      byday: x.byday,
      dtstart: x.dtstart ?? null,
      opens_at: x.opensAt,
      closes_at: x.closesAt,
      valid_from: x.validFrom ?? null,
      valid_to: x.validTo ?? null,
      description: x.description ?? null,
    })),
    contacts: s.entry.contacts.map((c, position) => ({
      ...base,
      id: id(s.contacts[position]?.id ?? ''),
      position,
      kind: c.kind,
      name: c.name ?? null,
      title: c.title ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      description: c.description ?? null,
    })),
  };
}

const locationId = (hsdsId: string | null, id: (hsdsId: string) => string) =>
  hsdsId === null ? null : id(hsdsId);
