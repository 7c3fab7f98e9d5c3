import type { Insertable } from 'kysely';
import { type Random, seededRandom } from '../../platform/random.ts';
import {
  type DemoPerson,
  type DemoReferral,
  type DemoTimelineEvent,
  demoPerson,
  pick,
} from '../clients/clients.demo-people.ts';
import type { ReferralStatus } from '../clients/clients.tables.ts';
import { demoOrganisations } from '../demo/demo.models.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import type { InstrumentId } from './instruments/instrument.ts';
import { addMonths, scoreColumns } from './measurements.models.ts';
import type { ClientMeasurementsTable, MeasurementTracksTable } from './measurements.tables.ts';
import { scoreInstrument } from './measurements.usecases.ts';

// Generated, obviously fictional participants with follow-up measurements, so
// that a coordinator's insights show figures instead of "hidden" (ADR 0011).
// Everything comes from one seeded generator and the clock: the same day gives
// the same demo. Answers are generated; scores come from the real scoring.

const SEED = 0x5eed_2026;
/** Baselines spread evenly over the last ~18 months, so every quarter of a year's view has its share. */
const SPAN_DAYS = 540;
const FOLLOW_UPS = [3, 6, 12] as const;
/** Chance that a follow-up was not taken (the person stopped, or could not be reached). */
const MISSED: Record<number, number> = { 3: 0.12, 6: 0.2, 12: 0.3 };
const DAY = 86_400_000;

/** A service centre of its own in Brugge holds the Brugge participants, so the other demo lists stay short. */
export const DEMO_PARTICIPANTS_ORGANISATION = 'Dienstencentrum De Reiger Brugge (demo)';

interface TypePlan {
  type: string;
  /** Relative share of the participants of the municipality. */
  share: number;
  instrument: InstrumentId;
  /** Mean move of the latent loneliness (0–1) by the follow-ups: negative is less lonely. */
  effect: number;
}

interface PlacePlan {
  nis: string;
  people: number;
  organisations: string[];
  types: TypePlan[];
}

const org = (key: string) => demoOrganisations.find((o) => o.key === key)?.name ?? key;

/**
 * Brugge gets most people (its coordinator is the demo account); the interview
 * forms (De Jong Gierveld) for the groups, UCLA-3 by phone. A small effect for
 * some types, none for others.
 */
export const PLAN: PlacePlan[] = [
  {
    nis: '31005',
    people: 420,
    organisations: [DEMO_PARTICIPANTS_ORGANISATION],
    types: [
      { type: 'meeting_place', share: 38, instrument: 'djg-11', effect: -0.09 },
      { type: 'buddy', share: 34, instrument: 'djg-11', effect: -0.12 },
      { type: 'neighbourhood_restaurant', share: 9, instrument: 'djg-11', effect: 0 },
      { type: 'community_garden', share: 5, instrument: 'djg-11', effect: -0.04 },
      { type: 'telephone_circle', share: 8, instrument: 'ucla-3', effect: -0.08 },
      { type: 'digital_inclusion', share: 6, instrument: 'ucla-3', effect: 0 },
    ],
  },
  {
    nis: '35013',
    people: 50,
    organisations: [org('ocmw-oostende')],
    types: [
      { type: 'soup_cafe', share: 3, instrument: 'djg-6', effect: -0.05 },
      { type: 'buddy', share: 3, instrument: 'djg-6', effect: -0.1 },
      { type: 'neighbourhood_salon', share: 2, instrument: 'djg-6', effect: 0 },
      { type: 'home_visits', share: 2, instrument: 'djg-6', effect: -0.06 },
    ],
  },
  {
    nis: '33021',
    people: 25,
    organisations: [org('ocmw-poperinge')],
    types: [
      { type: 'home_visits', share: 1, instrument: 'djg-6', effect: -0.06 },
      { type: 'telephone_circle', share: 1, instrument: 'djg-6', effect: -0.04 },
    ],
  },
  {
    nis: '34022',
    people: 30,
    organisations: [org('thuiszorg'), org('vrijwilligerspunt')],
    types: [
      { type: 'volunteering', share: 2, instrument: 'ucla-3', effect: -0.06 },
      { type: 'home_visits', share: 1, instrument: 'ucla-3', effect: -0.03 },
      { type: 'buddy', share: 1, instrument: 'ucla-3', effect: -0.08 },
    ],
  },
  {
    nis: '36015',
    people: 30,
    organisations: [org('thuiszorg'), org('lindeboom')],
    types: [
      { type: 'neighbourhood_salon', share: 2, instrument: 'djg-11', effect: 0 },
      { type: 'community_centre', share: 1, instrument: 'djg-11', effect: -0.04 },
      { type: 'meeting_place', share: 1, instrument: 'djg-11', effect: -0.07 },
    ],
  },
];

const REASONS = [
  'Zoekt gezelschap in de buurt. (demo)',
  'Wil graag een vast moment in de week. (demo)',
  'Voelt zich alleen sinds de verhuis. (demo)',
  'Heeft weinig contact met familie. (demo)',
];

export interface Service {
  organisationId: string;
  id: string;
  name: string;
  type: string;
}

const clamp = (v: number) => Math.min(0.97, Math.max(0.03, v));
const dayOf = (today: string, daysBack: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - daysBack * DAY).toISOString().slice(0, 10);
const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** A moment on that day during office hours (UTC, close enough to Brussels for a demo). */
const during = (random: Random, day: string) =>
  new Date(Date.parse(`${day}T08:00:00Z`) + Math.floor(random() * 8 * 3_600_000));

function gaussian(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function weighted<T extends { share: number }>(random: Random, list: readonly T[]): T {
  let r = random() * list.reduce((s, x) => s + x.share, 0);
  for (const x of list) {
    r -= x.share;
    if (r < 0) return x;
  }
  return list[list.length - 1] as T;
}

/**
 * Answers as a person at loneliness `level` (0–1) would give them: each
 * De Jong Gierveld item is answered the lonely way with that chance (sometimes
 * "more or less", sometimes on the 5-point form); each UCLA item counts two
 * such chances. Now and then one item is left open, as on real forms.
 */
export function demoAnswers(random: Random, instrument: InstrumentId, level: number) {
  const definition = INSTRUMENTS[instrument];
  const fivePoint = random() < 0.2;
  const strong = (code: 'yes' | 'no') => (fivePoint && random() < 0.4 ? (`${code}!` as const) : code);
  const answers: Record<string, string> = {};
  for (const item of definition.items) {
    const key = String(item.number);
    if (instrument === 'ucla-3') {
      const v = Number(random() < level) + Number(random() < level);
      answers[key] = (['hardly_ever', 'some_of_the_time', 'often'] as const)[v] as string;
      continue;
    }
    const lonely = random() < level;
    const halfway = random() < 0.35;
    const agrees = item.polarity === 'negative' ? lonely : !lonely;
    answers[key] = lonely && halfway ? 'more_or_less' : strong(agrees ? 'yes' : 'no');
  }
  if (random() < 0.03) delete answers[pick(random, Object.keys(answers))];
  return answers;
}

/** A row with every column given; answers as the object the jsonb column holds. */
type Row<T> = { [K in keyof Insertable<T>]-?: Exclude<Insertable<T>[K], undefined> };
type MeasurementRow = Omit<Row<ClientMeasurementsTable>, 'answers'> & { answers: Record<string, string> };

interface Generated {
  people: DemoPerson[];
  referrals: DemoReferral[];
  tracks: Row<MeasurementTracksTable>[];
  measurements: MeasurementRow[];
  timeline: DemoTimelineEvent[];
}

/**
 * The whole demo from the seed: people per municipality and organisation,
 * most with a follow-up track at a published initiative of a planned type
 * (baseline, then 3, 6 and 12 months while those dates have passed), some
 * with a referral only. Pure apart from the ids it is given.
 */
export function generateDemo(input: {
  today: string;
  actorId: string;
  organisationIds: ReadonlyMap<string, string>;
  postcodes: ReadonlyMap<string, string[]>;
  services: ReadonlyMap<string, Service[]>;
  newId: () => string;
}): Generated {
  const { today, actorId } = input;
  const random = seededRandom(SEED);
  const out: Generated = { people: [], referrals: [], tracks: [], measurements: [], timeline: [] };
  let number = 0;
  for (const place of PLAN) {
    const services = input.services.get(place.nis) ?? [];
    const byType = (type: string) => services.filter((s) => s.type === type);
    // A type without a published initiative here still works for a buddy or a circle (no directory entry).
    const types = place.types.filter(
      (t) => byType(t.type).length > 0 || t.type === 'buddy' || t.type === 'telephone_circle',
    );
    const organisations = place.organisations.flatMap((name) => input.organisationIds.get(name) ?? []);
    const postcodes = input.postcodes.get(place.nis) ?? [];
    if (types.length === 0 || organisations.length === 0 || postcodes.length === 0) continue;
    for (let k = 0; k < place.people; k++) {
      number += 1;
      const plan = weighted(random, types);
      const service = byType(plan.type).length > 0 ? pick(random, byType(plan.type)) : undefined;
      const baseline = dayOf(today, 2 + Math.round(random() * SPAN_DAYS));
      const person = demoPerson(random, {
        organisationId: pick(random, organisations),
        id: input.newId(),
        number,
        municipalityNis: place.nis,
        postcode: pick(random, postcodes),
        // Registered a week to a month before the start; referred in the days between.
        createdAt: during(random, plusDays(baseline, -8 - Math.floor(random() * 21))),
      });
      out.people.push(person);
      const key = { organisationId: person.organisationId, clientId: person.id };
      const measured = random() < 0.92;
      if (service && (random() < 0.5 || !measured)) {
        const createdAt = during(random, plusDays(baseline, -1 - Math.floor(random() * 7)));
        const r = random();
        let status: ReferralStatus =
          !measured && r < 0.25 ? 'declined' : r < 0.55 ? 'started' : r < 0.8 ? 'completed' : 'stopped';
        let settled =
          status === 'declined'
            ? baseline
            : status === 'started'
              ? baseline
              : addMonths(baseline, status === 'completed' ? 6 : 2);
        // Too recent to have ended: still going.
        if (settled > today) [status, settled] = ['started', baseline];
        out.referrals.push({
          ...key,
          id: input.newId(),
          service,
          status,
          reason: pick(random, REASONS),
          createdAt,
          updatedAt: during(random, settled),
        });
      }
      if (!measured) continue;
      addTrack(out, random, { today, actorId, person, plan, service, baseline, newId: input.newId });
    }
  }
  return out;
}

function addTrack(
  out: Generated,
  random: Random,
  input: {
    today: string;
    actorId: string;
    person: DemoPerson;
    plan: TypePlan;
    service: Service | undefined;
    baseline: string;
    newId: () => string;
  },
) {
  const { person, plan, service, baseline, actorId } = input;
  const key = { organisationId: person.organisationId, clientId: person.id };
  const trackId = input.newId();
  const context = service ? 'initiative' : plan.type === 'buddy' ? 'buddy' : 'circle';
  const start = 0.3 + 0.45 * random();
  const occasions: { months: number; day: string; level: number }[] = [
    { months: 0, day: baseline, level: start },
  ];
  let missed = 0;
  for (const months of FOLLOW_UPS) {
    const day = plusDays(addMonths(baseline, months), -5 + Math.floor(random() * 20));
    if (day > input.today) break;
    if (random() < (MISSED[months] ?? 0)) {
      missed += 1;
      continue;
    }
    const effect = plan.effect * (months >= 6 ? 1 : 0.7);
    occasions.push({ months, day, level: clamp(start + effect + 0.1 * gaussian(random)) });
  }
  const startedAt = during(random, baseline);
  out.tracks.push({
    organisation_id: key.organisationId,
    client_id: key.clientId,
    id: trackId,
    instrument_id: plan.instrument,
    context,
    service_type: service?.type ?? null,
    service_organisation_id: service?.organisationId ?? null,
    service_id: service?.id ?? null,
    service_name: service?.name ?? null,
    started_on: baseline,
    follow_up_months: [...FOLLOW_UPS],
    self_fill: false,
    status: missed >= 2 ? 'stopped' : 'active',
    created_by: actorId,
    created_at: startedAt,
  });
  out.timeline.push({
    ...key,
    id: input.newId(),
    at: startedAt,
    kind: 'measurement_track_started',
    refType: 'measurement_track',
    refId: trackId,
    details: { instrument: plan.instrument, context, followUpMonths: [...FOLLOW_UPS] },
  });
  for (const o of occasions) {
    const answers = demoAnswers(random, plan.instrument, o.level);
    const result = scoreInstrument({ instrumentId: plan.instrument, answers });
    const id = input.newId();
    const mode = random() < 0.75 ? 'interviewer' : 'paper';
    const at = o.months === 0 ? startedAt : during(random, o.day);
    out.measurements.push({
      organisation_id: key.organisationId,
      client_id: key.clientId,
      id,
      ...scoreColumns(result),
      mode,
      taken_on: o.day,
      answers,
      track_id: trackId,
      occasion_months: o.months,
      municipality_nis: person.municipalityNis,
      service_type: service?.type ?? null,
      recorded_by: actorId,
      created_at: at,
    });
    out.timeline.push({
      ...key,
      id: input.newId(),
      at,
      kind: 'measurement_recorded',
      refType: 'measurement',
      refId: id,
      details: { instrument: result.instrument, mode, status: result.status },
    });
  }
}
