import type { ApiFormState } from '../../components/forms.tsx';
import type { ContactBase, LocationBase, Row, ScheduleBase } from './EntryFormLists.tsx';
import type { ManagedEntry } from './types.ts';

export const PRACTICE = [
  'goal',
  'approach',
  'reach',
  'costs',
  'results',
  'contactForMunicipalities',
] as const;
const BYDAY = /^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

export interface Choices {
  type: string;
  targetGroups: string[];
  howToJoin: string;
  costOption: string;
  languages: string[];
  activeElements: string[];
  evidenceLevel: string;
}

export interface Lists {
  locations: Row<LocationBase>[];
  schedules: Row<ScheduleBase>[];
  phones: Row<ContactBase>[];
}

export const blank = { accessibility: [], rhythm: 'weekly', day: 'TU' };

function scheduleRow(key: number, base: ScheduleBase): Row<ScheduleBase> {
  const parsed = BYDAY.exec(base.byday?.split(',')[0] ?? '');
  return { key, base, accessibility: [], rhythm: parsed?.[1] ?? 'weekly', day: parsed?.[2] ?? 'TU' };
}

/** The lists as the entry holds them; a new entry starts with one empty place, time and phone. */
export function initialLists(initial: ManagedEntry | undefined): Lists {
  let key = 0;
  const locations = (initial?.locations ?? [{}]).map((base: LocationBase) => ({
    ...blank,
    key: key++,
    base,
    accessibility: base.accessibility ?? [],
  }));
  const schedules = (initial?.schedules ?? [{}]).map((base: ScheduleBase) => scheduleRow(key++, base));
  const phones = initial ? initial.contacts.filter((c) => c.kind === 'phone') : [{}];
  return { locations, schedules, phones: phones.map((base) => ({ ...blank, key: key++, base })) };
}

const filled = (v: Record<string, string>, prefix: string, fields: string[]) =>
  fields.some((f) => (v[`${prefix}.${f}`] ?? '').trim() !== '');
const orNull = (value: string | undefined) => (value?.trim() ? value : null);

/** The entry document to send: the form's fields over everything else the entry already holds. */
export function toPayload(
  v: Record<string, string>,
  s: Choices,
  l: Lists,
  initial: ManagedEntry | undefined,
) {
  const locations = l.locations.map((row, i) => {
    const address1 = v[`locations.${i}.address1`] ?? '';
    const postalCode = v[`locations.${i}.postalCode`] ?? '';
    // A moved place gets its coordinates and province from the new postcode.
    const { latitude, longitude, stateProvince, ...base } = row.base;
    const moved = row.base.address1 !== address1 || row.base.postalCode !== postalCode;
    return {
      ...base,
      ...(moved ? {} : { latitude, longitude, stateProvince }),
      name: v[`locations.${i}.name`] || v.name,
      address1,
      postalCode,
      city: v[`locations.${i}.city`] ?? '',
      accessibility: row.accessibility,
      accessibilityDescription: orNull(v[`locations.${i}.accessibilityDescription`]),
    };
  });
  const schedules = l.schedules.map((row, i) => {
    const index = row.base.locationIndex ?? (locations.length > 0 ? 0 : null);
    return {
      ...row.base,
      freq: row.rhythm === 'weekly' ? 'WEEKLY' : 'MONTHLY',
      interval: row.base.interval ?? 1,
      byday: row.rhythm === 'weekly' ? row.day : `${row.rhythm}${row.day}`,
      opensAt: v[`schedules.${i}.opensAt`] ?? '',
      closesAt: v[`schedules.${i}.closesAt`] ?? '',
      locationIndex: index !== null && index < locations.length ? index : null,
    };
  });
  const phones = l.phones.map((row, i) => ({ ...row.base, kind: 'phone', phone: v[`contacts.${i}.phone`] }));
  const goodPractice = Object.fromEntries(
    PRACTICE.flatMap((k) => (v[`goodPractice.${k}`]?.trim() ? [[k, v[`goodPractice.${k}`]]] : [])),
  );
  return {
    ...initial,
    name: v.name,
    description: v.description ?? '',
    email: v.email || null,
    type: s.type,
    targetGroups: s.targetGroups,
    howToJoin: s.howToJoin,
    costOption: s.costOption,
    costDescription: v.costDescription || null,
    languages: s.languages,
    goodPractice,
    activeElements: s.activeElements,
    evidenceLevel: s.evidenceLevel,
    evidenceSource: orNull(v.evidenceSource),
    locations,
    schedules,
    contacts: [...phones, ...(initial?.contacts ?? []).filter((c) => c.kind !== 'phone')],
  };
}

export type Shown = Record<string, string>;

/**
 * Rows left wholly empty are not sent. The API numbers the rows it got, so `shown` maps its
 * "locations.0" back to the row on screen ("locations.2") for the error messages.
 */
export function withoutEmptyRows(v: Record<string, string>, l: Lists) {
  const values: Record<string, string> = { ...v };
  const shown: Shown = {};
  const keep = <B>(rows: Row<B>[], prefix: string, fields: string[]) => {
    const kept = rows.flatMap((row, i) => (filled(v, `${prefix}.${i}`, fields) ? [{ row, i }] : []));
    for (const [j, { i }] of kept.entries()) {
      shown[`${prefix}.${j}`] = `${prefix}.${i}`;
      for (const f of fields) values[`${prefix}.${j}.${f}`] = v[`${prefix}.${i}.${f}`] ?? '';
    }
    return kept.map((k) => k.row);
  };
  const lists: Lists = {
    locations: keep(l.locations, 'locations', [
      'name',
      'address1',
      'postalCode',
      'city',
      'accessibilityDescription',
    ]),
    schedules: keep(l.schedules, 'schedules', ['opensAt', 'closesAt']),
    phones: keep(l.phones, 'contacts', ['phone']),
  };
  return { values, lists, shown };
}

const renumber = (name: string, map: Shown) =>
  name.replace(/^(locations|schedules|contacts)\.\d+/, (row) => map[row] ?? row);

/** The form state with the API's row numbers turned into the rows on screen, and back when a field is edited. */
export function onScreen(form: ApiFormState, shown: Shown): ApiFormState {
  const back = Object.fromEntries(Object.entries(shown).map(([sent, row]) => [row, sent]));
  const error = form.error && {
    ...form.error,
    fields: Object.fromEntries(Object.entries(form.error.fields).map(([k, m]) => [renumber(k, shown), m])),
  };
  return { ...form, error, clearField: (name: string) => form.clearField(renumber(name, back)) };
}
