import type { ColumnType } from 'kysely';
import type { Locale } from '../../platform/db/schema.ts';
import type { Category, InstrumentId, SubscaleCategory } from './instruments/instrument.ts';
import type { ScoreStatus } from './measurements.models.ts';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json = ColumnType<Record<string, unknown>, string, string>;
/** 'YYYY-MM-DD': select it with to_char(…, 'YYYY-MM-DD') (pg parses a bare date into a local-time Date). */
type DateText = ColumnType<string, string, string>;

export type MeasurementMode = 'interviewer' | 'self_fill' | 'paper';
export type TrackContext = 'initiative' | 'buddy' | 'circle' | 'other';

export interface MeasurementTracksTable {
  organisation_id: string;
  client_id: string;
  id: string;
  instrument_id: InstrumentId;
  context: TrackContext;
  service_type: string | null;
  service_organisation_id: string | null;
  service_id: string | null;
  service_name: string | null;
  started_on: DateText;
  follow_up_months: Defaulted<number[]>;
  self_fill: Defaulted<boolean>;
  status: Defaulted<'active' | 'stopped'>;
  created_by: string;
  created_at: Date;
}

export interface ClientMeasurementsTable {
  organisation_id: string;
  client_id: string;
  id: string;
  instrument_id: InstrumentId;
  instrument_version: string;
  mode: MeasurementMode;
  taken_on: DateText;
  answers: Json;
  threshold: number | null;
  status: ScoreStatus;
  total: number | null;
  emotional: number | null;
  social: number | null;
  category: Category | null;
  emotional_category: SubscaleCategory | null;
  social_category: SubscaleCategory | null;
  track_id: string | null;
  occasion_months: number | null;
  municipality_nis: string;
  service_type: string | null;
  recorded_by: string | null;
  created_at: Date;
}

export interface SelfFillLinksTable {
  token_hash: string;
  organisation_id: string;
  client_id: string;
  id: string;
  instrument_id: InstrumentId;
  track_id: string | null;
  occasion_months: number | null;
  locale: Defaulted<Locale>;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  measurement_id: string | null;
}

export interface MeasurementRemindersTable {
  organisation_id: string;
  client_id: string;
  track_id: string;
  occasion_months: number;
  sent_at: Date;
}

export interface MeasurementsTables {
  measurement_tracks: MeasurementTracksTable;
  measurement_reminders: MeasurementRemindersTable;
  client_measurements: ClientMeasurementsTable;
  self_fill_links: SelfFillLinksTable;
}
