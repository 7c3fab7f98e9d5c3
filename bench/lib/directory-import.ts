import { performance } from 'node:perf_hooks';
import { exportHsds } from '../../src/modules/directory/directory.export.usecases.ts';
import { importHsds, readHsds } from '../../src/modules/directory/directory.import.usecases.ts';
import type { Backend } from './backends.ts';
import { insertInitiatives, openBenchContext, seedTenancy } from './directory-data.ts';

export interface ImportRun {
  services: number;
  /** Services plus their locations, schedules and contacts. */
  rows: number;
  packageBytes: number;
  /** The same rows with bare multi-row INSERTs of 1,000 services each, into the source database. */
  bulkInsertMs: number;
  exportMs: number;
  /** Reading and checking the package alone (no database): the import's dry run. */
  readMs: number;
  importMs: number;
  /** Inside importHsds: time in statements as Kysely measured them, and how many. */
  importStatementsMs: number;
  importStatements: number;
  /** The same package imported again into the same database: every service is updated, none added. */
  reimportMs: number;
  reimportStatements: number;
}

/**
 * Generates `count` initiatives into a fresh database (timed: the bare
 * multi-row INSERT baseline), exports them as an HSDS CSV package with the
 * export use case, and times importHsds of that package into another fresh
 * database, as one organisation of one municipality, then once more into the
 * same database (every entry updated).
 */
export async function measureImport(backend: Backend, count: number): Promise<ImportRun> {
  const source = await openBenchContext(await backend.fresh());
  let files: Map<string, Uint8Array>;
  let rows: number;
  let bulkInsertMs: number;
  let exportMs: number;
  try {
    const municipalities = await seedTenancy(source.ctx);
    let started = performance.now();
    rows = await insertInitiatives(source.ctx, municipalities, count, { drafts: false });
    bulkInsertMs = performance.now() - started;
    started = performance.now();
    const exported = await exportHsds({ ctx: source.ctx, format: 'csv' });
    exportMs = performance.now() - started;
    const encoder = new TextEncoder();
    files = new Map([...exported.files].map(([name, text]) => [name, encoder.encode(text)]));
  } finally {
    await source.close();
  }
  const packageBytes = [...files.values()].reduce((sum, f) => sum + f.byteLength, 0);
  let started = performance.now();
  const services = readHsds({ kind: 'package', files }).length;
  const readMs = performance.now() - started;

  const target = await openBenchContext(await backend.fresh());
  try {
    const [municipality] = await seedTenancy(target.ctx, 1);
    if (!municipality) throw new Error('the gazetteer has no Flemish municipality');
    target.trace.splice(0);
    started = performance.now();
    await importHsds({
      ctx: target.ctx,
      source: { kind: 'package', files },
      municipalityNisCode: municipality.nisCode,
      organisation: municipality.organisationId,
    });
    const importMs = performance.now() - started;
    const traced = target.trace.splice(0);
    started = performance.now();
    const again = await importHsds({
      ctx: target.ctx,
      source: { kind: 'package', files },
      municipalityNisCode: municipality.nisCode,
      organisation: municipality.organisationId,
    });
    const reimportMs = performance.now() - started;
    if (again.created !== 0 || again.updated !== services)
      throw new Error(`importing again added ${again.created} and updated ${again.updated} of ${services}`);
    const reimportStatements = target.trace.splice(0).length;
    return {
      services,
      rows,
      packageBytes,
      bulkInsertMs,
      exportMs,
      readMs,
      importMs,
      importStatementsMs: traced.reduce((sum, t) => sum + t.ms, 0),
      importStatements: traced.length,
      reimportMs,
      reimportStatements,
    };
  } finally {
    await target.close();
  }
}
