import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, forbidden, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { PROVINCES } from '../gazetteer/gazetteer.models.ts';
import { getMunicipality, lookupPostcode } from '../gazetteer/gazetteer.usecases.ts';
import { getOrganisation, listMunicipalities } from '../tenancy/tenancy.usecases.ts';
import {
  entryNotFound,
  invalidByday,
  invalidLocationIndex,
  invalidTransition,
  unknownMunicipality,
} from './directory.errors.ts';
import { childRows, serviceColumns } from './directory.mapping.ts';
import { changedFields, type EntryDraft, type EntryInput, transition } from './directory.models.ts';
import {
  assertEditor,
  assertMayCreate,
  type EditorScope,
  mayEdit,
  mayPublish,
} from './directory.policies.ts';
import { entryFromRows } from './directory.presenters.ts';
import * as repo from './directory.repository.ts';
import { brusselsDate, parseByday } from './directory.schedule.ts';
import type { EntryStatus } from './directory.tables.ts';

function validate(entry: EntryInput) {
  entry.schedules.forEach((s, i) => {
    if (!parseByday(s.byday) || (s.freq === 'WEEKLY' && /\d/.test(s.byday))) throw invalidByday(i);
    if (s.locationIndex != null && !entry.locations[s.locationIndex]) throw invalidLocationIndex(i);
  });
}

async function areaPoint(ctx: AppContext, municipalityId: string | null) {
  if (municipalityId === null) return { area_lat: null, area_lng: null };
  const m = (await listMunicipalities({ ctx })).find((x) => x.id === municipalityId);
  if (!m) throw unknownMunicipality();
  const g = await getMunicipality({ ctx, nisCode: m.nis_code });
  return { area_lat: g.lat, area_lng: g.lng };
}

async function history(
  db: Kysely<DB>,
  key: { organisation_id: string; id: string },
  at: Date,
  actor: string,
  action: string,
  changes: { field: string; previous: string; replacement: string }[],
) {
  await repo.insertMetadata(
    db,
    changes.map((c) => ({
      organisation_id: key.organisation_id,
      id: newId(),
      service_id: key.id,
      resource_type: 'service',
      resource_id: key.id,
      last_action_date: at,
      last_action_type: action,
      field_name: c.field,
      previous_value: c.previous,
      replacement_value: c.replacement,
      updated_by: actor,
    })),
  );
}

/** Fills in missing coordinates and province from the gazetteer (the location's postcode). */
async function placed(ctx: AppContext, draft: EntryDraft): Promise<EntryInput> {
  const locations = await Promise.all(
    draft.locations.map(async (l, i) => {
      if (l.latitude !== undefined && l.longitude !== undefined && l.stateProvince)
        return { ...l, latitude: l.latitude, longitude: l.longitude, stateProvince: l.stateProvince };
      const found = await lookupPostcode({ ctx, postcode: l.postalCode }).catch((error: unknown) => {
        if (error instanceof AppError && error.code.startsWith('gazetteer.'))
          throw invalidField(`locations.${i}.postalCode`, 'directory.unknown_postcode', {
            postcode: l.postalCode,
          });
        throw error;
      });
      const province = found.municipalities[0]?.province;
      return {
        ...l,
        latitude: l.latitude ?? found.point.lat,
        longitude: l.longitude ?? found.point.lng,
        stateProvince: l.stateProvince || (province ? PROVINCES[province].nl : 'Brussel'),
      };
    }),
  );
  return { ...draft, locations };
}

interface Actor {
  ctx: AppContext;
  principal: Principal;
  scope: EditorScope;
  ip: string;
}

/** Creates a draft entry for an organisation, in one of its municipalities (or region-wide). */
export async function createEntry(
  input: Actor & { organisationId: string; municipalityId: string | null; entry: EntryDraft },
) {
  const { ctx } = input;
  assertMayCreate(input.scope, input.organisationId, input.municipalityId);
  const entry = await placed(ctx, input.entry);
  validate(entry);
  const org = await getOrganisation({ ctx, id: input.organisationId });
  const area = await areaPoint(ctx, input.municipalityId);
  const key = { organisation_id: org.id, id: newId() };
  const now = ctx.clock.now();
  const derived = serviceColumns(entry);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertService(trx, {
      ...key,
      region_id: org.region_id,
      municipality_id: input.municipalityId,
      ...derived,
      ...area,
      assured_date: null,
      assurer_email: null,
      created_by: input.principal.user.id,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceChildren(trx, key, childRows(key, entry, null));
    await history(trx, key, now, input.principal.user.id, 'create', changedFields(null, entry));
    await recordAudit(trx, now, {
      actorUserId: input.principal.user.id,
      organisationId: key.organisation_id,
      action: 'directory.entry_created',
      subjectType: 'directory_service',
      subjectId: key.id,
      ip: input.ip,
    });
  });
  return { id: key.id, status: 'draft' as EntryStatus };
}

async function loadEditable(ctx: AppContext, scope: EditorScope, id: string) {
  const row = await repo.findService(ctx.db, id);
  if (!row || !mayEdit(scope, row)) throw entryNotFound();
  const children = (await repo.findChildren(ctx.db, [row])).get(row.id) ?? {
    locations: [],
    schedules: [],
    contacts: [],
  };
  return { row, children };
}

/** One entry as its editors see it, whatever its status. */
export async function getEntryForEditor(input: { ctx: AppContext; scope: EditorScope; id: string }) {
  const { row, children } = await loadEditable(input.ctx, input.scope, input.id);
  return { row, children, mayPublish: mayPublish(input.scope, row) };
}

/** The entries a principal may edit, optionally of one status. */
export async function listEntriesForEditor(input: {
  ctx: AppContext;
  scope: EditorScope;
  status?: EntryStatus;
}) {
  assertEditor(input.scope);
  const { scope } = input;
  return repo.listEditable(
    input.ctx.db,
    scope.all
      ? 'all'
      : { organisationIds: scope.memberOrganisations, municipalityIds: scope.coordinatorMunicipalities },
    input.status,
  );
}

/** Replaces an entry's content; a published entry stays published and shows the change at once. */
export async function updateEntry(input: Actor & { id: string; entry: EntryDraft }) {
  const { ctx } = input;
  const { row, children } = await loadEditable(ctx, input.scope, input.id);
  const entry = await placed(ctx, input.entry);
  validate(entry);
  const now = ctx.clock.now();
  const derived = serviceColumns(entry);
  const changes = changedFields(entryFromRows(row, children), entry);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateService(trx, row, { ...derived, updated_at: now });
    await repo.replaceChildren(trx, row, childRows(row, entry, children));
    await history(trx, row, now, input.principal.user.id, 'update', changes);
    await recordAudit(trx, now, {
      actorUserId: input.principal.user.id,
      organisationId: row.organisation_id,
      action: 'directory.entry_updated',
      subjectType: 'directory_service',
      subjectId: row.id,
      ip: input.ip,
      details: { fields: changes.map((c) => c.field) },
    });
  });
  return { id: row.id, changed: changes.map((c) => c.field) };
}

const STATUS_AUDIT = {
  publish: 'directory.entry_published',
  archive: 'directory.entry_archived',
  reopen: 'directory.entry_reopened',
} as const;

/** Publishes, archives or reopens an entry (coordinators of its organisation or municipality). */
export async function changeStatus(input: Actor & { id: string; action: 'publish' | 'archive' | 'reopen' }) {
  const { ctx } = input;
  const { row } = await loadEditable(ctx, input.scope, input.id);
  if (!mayPublish(input.scope, row)) throw forbidden();
  const next = transition(row.status, input.action);
  if (!next) throw invalidTransition(row.status);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateService(trx, row, {
      status: next,
      updated_at: now,
      ...(next === 'published' ? { published_at: now } : {}),
    });
    await history(trx, row, now, input.principal.user.id, input.action, [
      { field: 'status', previous: row.status, replacement: next },
    ]);
    await recordAudit(trx, now, {
      actorUserId: input.principal.user.id,
      organisationId: row.organisation_id,
      action: STATUS_AUDIT[input.action],
      subjectType: 'directory_service',
      subjectId: row.id,
      ip: input.ip,
    });
  });
  return { id: row.id, status: next };
}

/** Records that a person checked the entry today ("last checked" in the finder). */
export async function assureEntry(input: Actor & { id: string }) {
  const { ctx } = input;
  const { row } = await loadEditable(ctx, input.scope, input.id);
  const now = ctx.clock.now();
  const today = brusselsDate(now);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateService(trx, row, {
      assured_date: today,
      assurer_email: input.principal.user.email,
      updated_at: now,
    });
    await history(trx, row, now, input.principal.user.id, 'assure', [
      { field: 'assuredDate', previous: row.assured_date ?? '', replacement: today },
    ]);
  });
  return { id: row.id, assuredDate: today };
}

/** The change history of an entry, newest first. */
export async function getEntryHistory(input: { ctx: AppContext; scope: EditorScope; id: string }) {
  const { row } = await loadEditable(input.ctx, input.scope, input.id);
  return repo.listMetadata(input.ctx.db, row);
}

/** A published entry for the public finder; directory.not_found for drafts and archived entries. */
export async function getPublishedEntry(input: { ctx: AppContext; id: string }) {
  const row = await repo.findService(input.ctx.db, input.id, 'published');
  if (!row) throw entryNotFound();
  const children = (await repo.findChildren(input.ctx.db, [row])).get(row.id);
  return { row, children: children ?? { locations: [], schedules: [], contacts: [] } };
}
