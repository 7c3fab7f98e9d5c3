import type { z } from 'zod';
import type { signalDetailView, signalSummaryView } from '../../contracts/signals.ts';
import {
  type ContactMethod,
  type ContactResult,
  type InformationException,
  type InformationMethod,
  isOverdue,
  type SignalOutcome,
  type SignalStatus,
} from './signals.models.ts';
import type { SignalAccess } from './signals.policies.ts';
import type { SignalRow } from './signals.repository.ts';

type SummaryRow = Pick<
  SignalRow,
  | 'id'
  | 'municipality_id'
  | 'reference'
  | 'status'
  | 'urgency'
  | 'source'
  | 'person_name'
  | 'created_at'
  | 'assigned_organisation_id'
  | 'assigned_user_id'
  | 'triage_due_at'
  | 'contact_due_at'
> & { municipality_name: string };

export const presentSignalSummary = (r: SummaryRow, now: Date): z.infer<typeof signalSummaryView> => ({
  id: r.id,
  municipalityId: r.municipality_id,
  municipalityName: r.municipality_name,
  reference: r.reference,
  status: r.status,
  urgency: r.urgency,
  source: r.source,
  personName: r.person_name,
  createdAt: r.created_at.toISOString(),
  assignedOrganisationId: r.assigned_organisation_id,
  assignedUserId: r.assigned_user_id,
  triageDueAt: r.triage_due_at.toISOString(),
  contactDueAt: r.contact_due_at.toISOString(),
  overdue: isOverdue(r, now),
});

export function presentSignalDetail(input: {
  signal: SignalRow;
  municipalityName: string;
  reporterOrganisationName: string | null;
  transitions: {
    from_status: SignalStatus | null;
    to_status: SignalStatus;
    outcome: SignalOutcome | null;
    at: Date;
    actor_name: string | null;
  }[];
  notes: { id: string; body: string; created_at: Date; author_name: string }[];
  contactAttempts: {
    id: string;
    method: ContactMethod;
    result: ContactResult;
    note: string | null;
    attempted_at: Date;
    actor_name: string;
  }[];
  merged: {
    id: string;
    reference: string;
    created_at: Date;
    signs: string[];
    description: string;
    reporter_anonymous: boolean;
    reporter_name: string | null;
    reporter_phone: string | null;
    reporter_email: string | null;
  }[];
  information: {
    kind: 'informed' | 'exception';
    method: InformationMethod | null;
    exception: InformationException | null;
    reason: string | null;
    recorded_at: Date;
    recorded_by_name: string | null;
  } | null;
  access: SignalAccess;
  now: Date;
}): z.infer<typeof signalDetailView> {
  const s = input.signal;
  return {
    ...presentSignalSummary({ ...s, municipality_name: input.municipalityName }, input.now),
    outcome: s.outcome,
    personStreet: s.person_street,
    personPostcode: s.person_postcode,
    signs: s.signs,
    description: s.description,
    reporter: {
      anonymous: s.reporter_anonymous,
      name: s.reporter_name,
      phone: s.reporter_phone,
      email: s.reporter_email,
      organisationName: input.reporterOrganisationName,
    },
    closedAt: s.closed_at?.toISOString() ?? null,
    transitions: input.transitions.map((t) => ({
      fromStatus: t.from_status,
      toStatus: t.to_status,
      outcome: t.outcome,
      actorName: t.actor_name,
      at: t.at.toISOString(),
    })),
    notes: input.notes.map((n) => ({
      id: n.id,
      body: n.body,
      authorName: n.author_name,
      createdAt: n.created_at.toISOString(),
    })),
    contactAttempts: input.contactAttempts.map((a) => ({
      id: a.id,
      method: a.method,
      result: a.result,
      note: a.note,
      attemptedAt: a.attempted_at.toISOString(),
      actorName: a.actor_name,
    })),
    information: input.information
      ? {
          kind: input.information.kind,
          method: input.information.method,
          exception: input.information.exception,
          reason: input.information.reason,
          recordedAt: input.information.recorded_at.toISOString(),
          recordedBy: input.information.recorded_by_name,
        }
      : null,
    mergedIntoId: s.merged_into_id,
    merged: input.merged.map((m) => ({
      id: m.id,
      reference: m.reference,
      createdAt: m.created_at.toISOString(),
      signs: m.signs,
      description: m.description,
      reporter: {
        anonymous: m.reporter_anonymous,
        name: m.reporter_name,
        phone: m.reporter_phone,
        email: m.reporter_email,
      },
    })),
    may: input.access,
  };
}
