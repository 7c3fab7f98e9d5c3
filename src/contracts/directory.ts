import { z } from 'zod';
import {
  ACCESSIBILITY,
  ACTIVE_ELEMENTS,
  COST_OPTIONS,
  EVIDENCE_LEVELS,
  HOW_TO_JOIN,
  LANGUAGES,
  SERVICE_TYPES,
  TARGET_GROUPS,
  WEEKDAYS,
} from './directory-vocabulary.ts';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();
const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'directory.invalid_time');
const date = z.iso.date();

export const locationInput = z.object({
  name: text(200).min(1),
  description: optionalText(2000),
  transportation: optionalText(1000).describe('How to get there by public transport'),
  latitude: z.number().min(49.4).max(51.6).optional().describe('Left out: the postcode’s centre'),
  longitude: z.number().min(2.4).max(6.5).optional(),
  address1: text(200).min(1),
  address2: optionalText(200),
  postalCode: z.string().regex(/^[1-9][0-9]{3}$/, 'gazetteer.invalid_postcode'),
  city: text(100).min(1),
  stateProvince: text(100).min(1).optional().describe('Province, or Brussel; left out: from the postcode'),
  accessibility: z.array(z.enum(ACCESSIBILITY)).max(ACCESSIBILITY.length).default([]),
  accessibilityDescription: optionalText(1000),
});

export const scheduleInput = z.object({
  freq: z.enum(['WEEKLY', 'MONTHLY']),
  interval: z.number().int().min(1).max(12).default(1),
  byday: z.string().trim().max(40).describe('RFC 5545 BYDAY: "TU", "MO,TH"; monthly also "1TU", "-1FR"'),
  dtstart: date.nullish().describe('The first date; needed when interval > 1'),
  opensAt: time,
  closesAt: time,
  validFrom: date.nullish(),
  validTo: date.nullish(),
  locationIndex: z
    .number()
    .int()
    .min(0)
    .nullish()
    .describe('Which of the entry’s locations; none: every one'),
  description: optionalText(500),
});

export const contactInput = z.object({
  kind: z.enum(['contact', 'phone']),
  name: optionalText(200),
  title: optionalText(200),
  email: z.email().max(200).nullish(),
  phone: optionalText(50),
  description: optionalText(500),
});

/** An entry as the editor writes it: the whole document each time. */
export const entryInput = z.object({
  name: text(200).min(1),
  alternateName: optionalText(200),
  description: text(5000).default(''),
  url: z.url().max(500).nullish(),
  email: z.email().max(200).nullish(),
  type: z.enum(SERVICE_TYPES),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).default([]),
  howToJoin: z.enum(HOW_TO_JOIN),
  applicationProcess: optionalText(2000).describe('How to sign up, in plain words'),
  languages: z.array(z.enum(LANGUAGES)).max(LANGUAGES.length).default(['nl']),
  costOption: z.enum(COST_OPTIONS),
  costAmount: z.number().min(0).max(10_000).nullish(),
  costDescription: optionalText(500),
  minimumAge: z.number().int().min(0).max(120).nullish(),
  maximumAge: z.number().int().min(0).max(120).nullish(),
  goodPractice: z
    .object({
      goal: text(3000).optional(),
      approach: text(5000).optional(),
      reach: text(2000).optional(),
      costs: text(2000).optional(),
      results: text(5000).optional(),
      contactForMunicipalities: text(500).optional(),
    })
    .strict()
    .default({}),
  activeElements: z.array(z.enum(ACTIVE_ELEMENTS)).max(ACTIVE_ELEMENTS.length).default([]),
  evidenceLevel: z.enum(EVIDENCE_LEVELS).default('none'),
  evidenceSource: optionalText(1000),
  locations: z.array(locationInput).max(20).default([]),
  schedules: z.array(scheduleInput).max(20).default([]),
  contacts: z.array(contactInput).max(20).default([]),
});
export type EntryInputContract = z.infer<typeof entryInput>;

const csv = <T extends readonly [string, ...string[]]>(values: T, max: number) =>
  z
    .string()
    .max(max * 30)
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(max))
    .optional();

/** GET /api/directory/search: every parameter is optional; lists are comma-separated. */
export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Free text: Dutch words, accents and small typos forgiven'),
  near: z.string().trim().max(100).optional().describe('A postcode, a municipality name or "lat,lng"'),
  radius_km: z.coerce.number().min(0.1).max(200).default(10),
  type: csv(SERVICE_TYPES, SERVICE_TYPES.length),
  target_group: csv(TARGET_GROUPS, TARGET_GROUPS.length),
  day: csv(WEEKDAYS, 7),
  cost: csv(COST_OPTIONS, COST_OPTIONS.length),
  accessibility: csv(ACCESSIBILITY, ACCESSIBILITY.length),
  language: csv(LANGUAGES, LANGUAGES.length),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** GET /api/directory/practices. */
export const practicesQuery = z.object({
  type: z.enum(SERVICE_TYPES).optional(),
  evidence_level: z.enum(EVIDENCE_LEVELS).optional(),
  active_element: csv(ACTIVE_ELEMENTS, ACTIVE_ELEMENTS.length).describe('All of these, comma-separated'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});
