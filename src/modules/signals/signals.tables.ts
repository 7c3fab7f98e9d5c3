import type { ColumnType } from 'kysely';
import type { Locale } from '../../platform/db/schema.ts';
import type {
  ContactMethod,
  ContactResult,
  EscalationStep,
  InformationException,
  InformationMethod,
  SignalOutcome,
  SignalSource,
  SignalStatus,
  SignalUrgency,
} from './signals.models.ts';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface SignalMeldpuntsTable {
  municipality_id: string;
  organisation_id: string;
  updated_at: Date;
}

export interface SignalsTable {
  municipality_id: string;
  id: string;
  organisation_id: string;
  reference: string;
  status: Defaulted<SignalStatus>;
  outcome: SignalOutcome | null;
  urgency: SignalUrgency;
  source: SignalSource;
  reporter_organisation_id: string | null;
  reporter_user_id: string | null;
  person_name: string | null;
  person_street: string | null;
  person_postcode: string | null;
  signs: Defaulted<string[]>;
  description: string;
  reporter_anonymous: boolean;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  reporter_locale: Defaulted<Locale>;
  privacy_notice_accepted_at: Date;
  assigned_organisation_id: string | null;
  assigned_user_id: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  merged_into_id: Defaulted<string | null>;
  triage_due_at: Date;
  contact_due_at: Date;
  anonymised_at: Defaulted<Date | null>;
}

export interface SignalTransitionsTable {
  municipality_id: string;
  signal_id: string;
  seq: number;
  from_status: SignalStatus | null;
  to_status: SignalStatus;
  outcome: SignalOutcome | null;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  at: Date;
}

export interface SignalNotesTable {
  municipality_id: string;
  signal_id: string;
  id: string;
  author_user_id: string;
  author_organisation_id: string;
  body: string;
  created_at: Date;
}

export interface SignalContactAttemptsTable {
  municipality_id: string;
  signal_id: string;
  id: string;
  method: ContactMethod;
  result: ContactResult;
  note: string | null;
  attempted_at: Date;
  actor_user_id: string;
  actor_organisation_id: string;
  created_at: Date;
}

export interface SignalServiceLevelsTable {
  municipality_id: string;
  triage_working_days: number;
  contact_working_days: number;
  retention_months: number;
  updated_at: Date;
}

export interface SignalEscalationsTable {
  municipality_id: string;
  signal_id: string;
  step: EscalationStep;
  escalated_at: Date;
  recipients: number;
}

export interface SignalInformationRecordsTable {
  municipality_id: string;
  signal_id: string;
  kind: 'informed' | 'exception';
  method: InformationMethod | null;
  exception: InformationException | null;
  reason: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** The meldpunt's tables. */
export interface SignalsTables {
  signal_meldpunts: SignalMeldpuntsTable;
  signals: SignalsTable;
  signal_transitions: SignalTransitionsTable;
  signal_notes: SignalNotesTable;
  signal_contact_attempts: SignalContactAttemptsTable;
  signal_service_levels: SignalServiceLevelsTable;
  signal_escalations: SignalEscalationsTable;
  signal_information_records: SignalInformationRecordsTable;
}
