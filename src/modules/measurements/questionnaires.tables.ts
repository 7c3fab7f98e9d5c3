import type { ColumnType } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
/** 'YYYY-MM-DD': select it with to_char(…, 'YYYY-MM-DD') (pg parses a bare date into a local-time Date). */
type DateText = ColumnType<string, string, string>;

export type QuestionnaireStatus = 'active' | 'retired';

export interface QuestionnairesTable {
  organisation_id: string;
  id: string;
  current_version: Defaulted<number>;
  status: Defaulted<QuestionnaireStatus>;
  created_by: string;
  created_at: Date;
  retired_by: string | null;
  retired_at: Date | null;
}

export interface QuestionnaireVersionsTable {
  organisation_id: string;
  questionnaire_id: string;
  version: number;
  title: Json<unknown>;
  intro: ColumnType<unknown, string | null, string | null>;
  items: Json<unknown>;
  created_by: string;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date | null;
}

export interface QuestionnaireResponsesTable {
  organisation_id: string;
  client_id: string;
  id: string;
  questionnaire_id: string;
  questionnaire_version: number;
  answered_on: DateText;
  answers: Json<unknown>;
  recorded_by: string;
  created_at: Date;
}

export interface QuestionnairesTables {
  questionnaires: QuestionnairesTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  questionnaire_responses: QuestionnaireResponsesTable;
}
