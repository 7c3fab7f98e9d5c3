import type { z } from 'zod';
import type {
  MEASUREMENT_MODES as CONTRACT_MEASUREMENT_MODES,
  TRACK_CONTEXTS as CONTRACT_TRACK_CONTEXTS,
  instrumentDefinitionSchema,
  instrumentListSchema,
  measurementListView,
  measurementView,
  selfFillLinkView,
  selfFillOpenView,
  trackListView,
} from '../../../contracts/measurements.ts';

// Types only: a value import from the contract would pull zod into the bundle.
export type InstrumentList = z.infer<typeof instrumentListSchema>;
export type InstrumentSummary = InstrumentList['instruments'][number];
export type Instrument = z.infer<typeof instrumentDefinitionSchema>;
export type InstrumentItem = Instrument['items'][number];
export type AnswerForm = Instrument['answerForms'][number];
// Dates travel as ISO strings in JSON, whatever the server holds.
export type Measurement = Omit<z.infer<typeof measurementView>, 'createdAt'> & { createdAt: string };
export type MeasurementList = { items: Measurement[] } & Omit<z.infer<typeof measurementListView>, 'items'>;
export type TrackList = z.infer<typeof trackListView>;
export type Track = TrackList['items'][number];
export type SelfFillOpen = Omit<z.infer<typeof selfFillOpenView>, 'expiresAt'> & { expiresAt: string };
export type SelfFillLink = Omit<z.infer<typeof selfFillLinkView>, 'expiresAt'> & { expiresAt: string };
export type InstrumentId = InstrumentSummary['id'];
export type MeasurementMode = (typeof CONTRACT_MEASUREMENT_MODES)[number];
export type TrackContext = (typeof CONTRACT_TRACK_CONTEXTS)[number];

/** Answer codes by item number as the API takes them; null: the question was skipped. */
export type Answers = Record<string, string | null>;

// The contracts' lists, in order; `satisfies Record<…, true>` fails the type check when they change.
const instrumentSet = { 'djg-11': true, 'djg-6': true, 'ucla-3': true, direct: true } satisfies Record<
  InstrumentId,
  true
>;
export const INSTRUMENT_IDS = Object.keys(instrumentSet) as InstrumentId[];
const contextSet = { initiative: true, buddy: true, circle: true, other: true } satisfies Record<
  TrackContext,
  true
>;
export const TRACK_CONTEXTS = Object.keys(contextSet) as TrackContext[];

export function isInstrumentId(value: string | null | undefined): value is InstrumentId {
  return typeof value === 'string' && (INSTRUMENT_IDS as string[]).includes(value);
}
