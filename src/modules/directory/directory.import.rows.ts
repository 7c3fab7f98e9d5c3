import { newId } from '../../platform/ids.ts';
import { stableId } from './directory.ids.ts';
import { type ImportedService, importedId } from './directory.import.models.ts';
import { contactFields, locationFields, scheduleFields } from './directory.mapping.ts';
import { changedFields, type EntryInput, type FieldChange } from './directory.models.ts';
import type { ContactRow, NewLocation, ScheduleRow } from './directory.repository.ts';

/**
 * The row ids of each service's locations. A location that several services share in HSDS becomes one row per
 * service (our locations belong to one service), each with a stable id of the location and the service, so
 * importing again finds the same rows.
 */
export function locationRowIds(services: ImportedService[], organisationId: string): string[][] {
  const users = new Map<string, number>();
  for (const s of services)
    for (const id of new Set(s.locations.map((l) => l.id))) users.set(id, (users.get(id) ?? 0) + 1);
  return services.map((s) =>
    s.locations.map((l) =>
      (users.get(l.id) ?? 0) > 1
        ? stableId(`hsds:${organisationId}:${l.id}:service:${s.id}`)
        : importedId(l.id, organisationId),
    ),
  );
}

/** A service's locations, schedules and contacts as rows, their ids from the HSDS ids. */
export function importChildRows(
  key: { organisation_id: string; id: string },
  s: ImportedService,
  locationIds: string[],
) {
  const id = (hsdsId: string) => importedId(hsdsId, key.organisation_id);
  const base = { organisation_id: key.organisation_id, service_id: key.id };
  const locations: NewLocation[] = s.entry.locations.map((l, position) => ({
    ...base,
    id: locationIds[position] ?? id(''),
    service_at_location_id: id(s.locations[position]?.salId ?? ''),
    position,
    ...locationFields(l),
  }));
  const schedules: ScheduleRow[] = s.entry.schedules.map((x, position) => ({
    ...base,
    id: id(s.schedules[position]?.id ?? ''),
    location_id: x.locationIndex == null ? null : (locationIds[x.locationIndex] ?? null),
    position,
    ...scheduleFields(x),
    byday: x.byday,
  }));
  const contacts: ContactRow[] = s.entry.contacts.map((c, position) => ({
    ...base,
    id: id(s.contacts[position]?.id ?? ''),
    position,
    ...contactFields(c),
  }));
  return { locations, schedules, contacts };
}

/**
 * The same value with empty fields left out and keys sorted: the stored entry and the imported one then
 * compare equal when only their shape differs (a phone without a name, keys in another order).
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, canonical(v)]),
  );
}

/** What an import changes in an entry that is already there, field by field, as the editor records it. */
export function importChanges(
  before: { entry: EntryInput; status: string; assuredDate: string | null },
  after: { entry: EntryInput; status: string; assuredDate: string | null },
): FieldChange[] {
  // The good-practice description is not in HSDS and the import keeps it, so it never changes here.
  const changes = changedFields(
    canonical(before.entry) as EntryInput,
    canonical({ ...after.entry, goodPractice: before.entry.goodPractice }) as EntryInput,
  );
  if (before.status !== after.status)
    changes.push({ field: 'status', previous: before.status, replacement: after.status });
  if ((before.assuredDate ?? '') !== (after.assuredDate ?? ''))
    changes.push({
      field: 'assuredDate',
      previous: before.assuredDate ?? '',
      replacement: after.assuredDate ?? '',
    });
  return changes;
}

/** Change-history rows of one entry for one import. */
export const historyRows = (
  key: { organisation_id: string; id: string },
  at: Date,
  actor: string | null,
  changes: FieldChange[],
) =>
  changes.map((c) => ({
    organisation_id: key.organisation_id,
    id: newId(),
    service_id: key.id,
    resource_type: 'service',
    resource_id: key.id,
    last_action_date: at,
    last_action_type: 'import',
    field_name: c.field,
    previous_value: c.previous,
    replacement_value: c.replacement,
    updated_by: actor,
  }));
