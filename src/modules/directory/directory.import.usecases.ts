import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
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
import { historyRows, importChanges, importChildRows, locationRowIds } from './directory.import.rows.ts';
import { serviceColumns } from './directory.mapping.ts';
import { entryFromRows } from './directory.presenters.ts';
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

type Target = Awaited<ReturnType<typeof target>>;

/**
 * The services already in the database under the imported ids. An id that another organisation or
 * municipality holds (an HSDS id that is a uuid) refuses the import.
 */
async function existingServices(db: Kysely<DB>, services: ImportedService[], to: Target) {
  const existing = new Map(
    (
      await repo.findServices(
        db,
        services.map((s) => importedId(s.id, to.org.id)),
      )
    ).map((r) => [r.id, r]),
  );
  const elsewhere = services.filter((s) => {
    const row = existing.get(importedId(s.id, to.org.id));
    return row && (row.organisation_id !== to.org.id || row.municipality_id !== to.municipality.id);
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
  return existing;
}

interface ImportTarget {
  ctx: AppContext;
  source: HsdsSource;
  municipalityNisCode: string;
  organisation: string;
}

/**
 * The import's dry run against the database: checks the data and the target as the import does, and counts
 * the services it would add and update. Nothing is written.
 */
export async function checkHsdsImport(input: ImportTarget): Promise<{ created: number; updated: number }> {
  const services = readHsds(input.source);
  const to = await target(input.ctx, input.municipalityNisCode, input.organisation);
  const updated = (await existingServices(input.ctx.db, services, to)).size;
  return { created: services.length - updated, updated };
}

/** Services written per round: their rows go in as multi-row statements, and progress is told after each. */
const SERVICES_PER_ROUND = 1_000;

/**
 * Imports HSDS services into one municipality as entries of one organisation
 * (the HSDS organization is not matched: the person importing names ours).
 * All or nothing, in one transaction. An entry is matched on its HSDS id, so
 * importing the same data again updates the entries instead of adding them
 * twice; an entry's good-practice description, which HSDS does not carry, is kept.
 * Rows are written with multi-row statements; every entry's change history
 * records the import (`actorUserId`: who imported, none from the command line).
 */
export async function importHsds(
  input: ImportTarget & {
    actorUserId?: string | null;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<{ created: number; updated: number }> {
  const { ctx } = input;
  const services = readHsds(input.source);
  const to = await target(ctx, input.municipalityNisCode, input.organisation);
  const { municipality, org, area } = to;
  const key = (s: ImportedService) => ({ organisation_id: org.id, id: importedId(s.id, org.id) });
  const locationIds = locationRowIds(services, org.id);
  const now = ctx.clock.now();
  const actor = input.actorUserId ?? null;
  let created = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await existingServices(trx, services, to);
    const previous = await repo.findChildren(trx, [...existing.values()]);
    // All old children go first: a location id may move to a service written in an earlier round.
    await repo.deleteChildren(trx, org.id, [...existing.keys()]);
    for (let from = 0; from < services.length; from += SERVICES_PER_ROUND) {
      const round = services.slice(from, from + SERVICES_PER_ROUND);
      const rows: repo.NewService[] = [];
      const children: ReturnType<typeof importChildRows>[] = [];
      const history: ReturnType<typeof historyRows> = [];
      for (const [i, s] of round.entries()) {
        const k = key(s);
        const old = existing.get(k.id);
        rows.push({
          ...k,
          ...serviceColumns(s.entry),
          ...area,
          region_id: org.region_id,
          municipality_id: municipality.id,
          status: s.status,
          assured_date: s.assuredDate,
          assurer_email: null,
          created_by: actor,
          created_at: now,
          updated_at: now,
          published_at: old?.published_at ?? (s.status === 'published' ? now : null),
        });
        children.push(importChildRows(k, s, locationIds[from + i] ?? []));
        const changes = old
          ? importChanges(
              {
                entry: entryFromRows(old, previous.get(old.id) ?? EMPTY),
                status: old.status,
                assuredDate: old.assured_date,
              },
              s,
            )
          : // A new entry's content is the entry itself: one line says it came in, and how.
            [{ field: 'status', previous: '', replacement: s.status }];
        if (!old) created++;
        history.push(...historyRows(k, now, actor, changes));
      }
      await repo.upsertServices(trx, rows);
      await repo.insertChildren(trx, {
        locations: children.flatMap((c) => c.locations),
        schedules: children.flatMap((c) => c.schedules),
        contacts: children.flatMap((c) => c.contacts),
      });
      await repo.insertMetadata(trx, history);
      input.onProgress?.(from + round.length, services.length);
    }
  });
  return { created, updated: services.length - created };
}

const EMPTY = { locations: [], schedules: [], contacts: [] };
