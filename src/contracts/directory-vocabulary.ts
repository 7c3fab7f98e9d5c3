/** Kinds of initiative against loneliness (taxonomy "type"). */
export const SERVICE_TYPES = [
  'buddy',
  'telephone_circle',
  'meeting_place',
  'neighbourhood_salon',
  'soup_cafe',
  'neighbourhood_restaurant',
  'community_garden',
  'study_spot',
  'drop_in_youth',
  'bridge_figure',
  'community_centre',
  'home_visits',
  'digital_inclusion',
  'helpline',
  'support_group',
  'volunteering',
  'sport',
  'culture',
  'awareness',
] as const;
export const TARGET_GROUPS = [
  'everyone',
  'children',
  'youth',
  'young_adults',
  'adults',
  'older_people',
  'informal_carers',
  'newcomers',
  'disability',
] as const;
export const HOW_TO_JOIN = ['walk_in', 'register', 'referral'] as const;
export const ACCESSIBILITY = ['wheelchair', 'hearing_loop', 'transport'] as const;
export const COST_OPTIONS = ['free', 'contribution', 'paid'] as const;
export const ACTIVE_ELEMENTS = [
  'activities',
  'meeting',
  'practical_support',
  'meaningful_contact',
  'social_skills',
  'realistic_expectations',
  'meaningful_role',
] as const;
export const EVIDENCE_LEVELS = [
  'none',
  'well_described',
  'theory_based',
  'first_indications',
  'good_indications',
  'strong_indications',
] as const;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** Languages an initiative can be offered in (ISO 639-1). */
export const LANGUAGES = ['nl', 'fr', 'en', 'de', 'ar', 'tr', 'uk', 'pl', 'ro', 'es', 'vgt'] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];
export type Weekday = (typeof WEEKDAYS)[number];

/** Every taxonomy with its codes, as seeded by migration 0002. */
export const TAXONOMIES = {
  type: SERVICE_TYPES,
  target_group: TARGET_GROUPS,
  how_to_join: HOW_TO_JOIN,
  accessibility: ACCESSIBILITY,
  cost: COST_OPTIONS,
  active_element: ACTIVE_ELEMENTS,
  evidence_level: EVIDENCE_LEVELS,
} as const;
export type TaxonomyCode = keyof typeof TAXONOMIES;

/** The search filters that have facet counts, and their codes' prefix in facet_codes. */
export const FACETS = ['type', 'target_group', 'day', 'cost', 'accessibility', 'language'] as const;
export type Facet = (typeof FACETS)[number];
