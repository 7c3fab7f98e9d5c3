import type {
  ClientRow,
  ConsentRow,
  ContactRow,
  ReferralRow,
  TimelineRow,
  WorkerRow,
} from './clients.repository.ts';

/** User id → name, for the people of the organisation (former members have no name). */
export type Names = ReadonlyMap<string, string>;
const nameOf = (names: Names, id: string | null) => (id ? (names.get(id) ?? null) : null);

export function presentClientSummary(
  row: Pick<
    ClientRow,
    'id' | 'organisation_id' | 'given_name' | 'family_name' | 'municipality_nis' | 'postcode' | 'status'
  > & { updated_at: Date; registered: boolean },
  municipalityName: string | null,
) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    givenName: row.given_name,
    familyName: row.family_name,
    municipalityNis: row.municipality_nis,
    municipalityName,
    postcode: row.postcode,
    status: row.status,
    registered: row.registered,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The record's own fields, without what hangs off it. */
export function presentRecord(row: ClientRow, registered: boolean, municipalityName: string | null) {
  return {
    ...presentClientSummary({ ...row, registered }, municipalityName),
    phone: row.phone,
    email: row.email,
    street: row.street,
    birthDate: row.birth_date,
    ageBand: row.age_band,
    household: row.household,
    languages: row.languages,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

export function presentConsent(row: ConsentRow, names: Names, organisationNames: Names) {
  return {
    id: row.id,
    kind: row.kind,
    sharedWithOrganisation: row.shared_with_organisation_id
      ? {
          id: row.shared_with_organisation_id,
          name: organisationNames.get(row.shared_with_organisation_id) ?? null,
        }
      : null,
    method: row.method,
    givenAt: row.given_at.toISOString(),
    recordedBy: nameOf(names, row.recorded_by),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawnBy: nameOf(names, row.withdrawn_by),
    withdrawalMethod: row.withdrawal_method,
    note: row.note,
    active: row.withdrawn_at === null,
  };
}

export function presentWorker(row: WorkerRow, names: Names) {
  return {
    userId: row.user_id,
    name: nameOf(names, row.user_id),
    role: row.role,
    assignedAt: row.assigned_at.toISOString(),
  };
}

export function presentContact(row: ContactRow, names: Names) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    mode: row.mode,
    summary: row.summary,
    authorName: nameOf(names, row.author_user_id),
  };
}

export function presentReferral(row: ReferralRow, names: Names) {
  return {
    id: row.id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    serviceOrganisationId: row.service_organisation_id,
    sharedWithOtherOrganisation: row.service_organisation_id !== row.organisation_id,
    status: row.status,
    reason: row.reason,
    outcomeNote: row.outcome_note,
    answerNote: row.answer_note,
    createdAt: row.created_at.toISOString(),
    createdBy: nameOf(names, row.created_by),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The other organisation a timeline event names in its details, if any. */
export function timelineOrganisationId(row: Pick<TimelineRow, 'details'>): string | null {
  const id = row.details.organisationId;
  return typeof id === 'string' ? id : null;
}

export function presentTimelineItem(row: TimelineRow, names: Names, organisationNames: Names) {
  const organisationId = timelineOrganisationId(row);
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    actorName: nameOf(names, row.actor_user_id),
    refType: row.ref_type,
    refId: row.ref_id,
    details: row.details,
    organisation: organisationId
      ? { id: organisationId, name: organisationNames.get(organisationId) ?? null }
      : null,
    contact:
      row.contact_mode && row.contact_summary !== null
        ? { mode: row.contact_mode, summary: row.contact_summary }
        : null,
    referral:
      row.referral_service_name && row.referral_status
        ? { serviceName: row.referral_service_name, status: row.referral_status }
        : null,
  };
}
