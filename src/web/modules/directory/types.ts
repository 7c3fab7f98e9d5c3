/** What the finder gets from GET /api/directory/search. */
export interface SearchResult {
  id: string;
  name: string;
  description: string;
  type: string;
  targetGroups: string[];
  howToJoin: string;
  costOption: string;
  distance_km: number | null;
  next_occurrence: { startsAt: string; endsAt: string } | null;
  location: { name: string; address: string; latitude: number; longitude: number } | null;
}

export interface SearchAnswer {
  results: SearchResult[];
  facets: Record<string, Record<string, number>>;
  total: number;
  page: number;
  per_page: number;
  /** The place searched near, when `near` was given. */
  near: { lat: number; lng: number } | null;
}

export interface Schedule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byday: string;
  opensAt: string;
  closesAt: string;
  description: string | null;
}

/** GET /api/directory/entries/:id. */
export interface Entry {
  id: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  type: string;
  targetGroups: string[];
  howToJoin: string;
  applicationProcess: string | null;
  languages: string[];
  costOption: string;
  costAmount: number | null;
  costDescription: string | null;
  locations: {
    id: string;
    name: string;
    address1: string;
    postalCode: string;
    city: string;
    transportation: string | null;
    accessibility: string[];
    accessibilityDescription: string | null;
  }[];
  schedules: Schedule[];
  contacts: { kind: 'contact' | 'phone'; name: string | null; email: string | null; phone: string | null }[];
  goodPractice: Partial<
    Record<'goal' | 'approach' | 'reach' | 'costs' | 'results' | 'contactForMunicipalities', string>
  >;
  activeElements: string[];
  evidenceLevel: string;
  evidenceSource: string | null;
  assuredDate: string | null;
  nextOccurrence: { startsAt: string; endsAt: string } | null;
}

/** GET /api/directory/manage/entries/:id: the entry as its editors see it. */
export interface ManagedEntry extends Entry {
  organisationId: string;
  municipalityId: string | null;
  status: 'draft' | 'published' | 'archived';
  mayPublish: boolean;
  stale: boolean;
  version: number;
  locations: (Entry['locations'][number] & { latitude: number; longitude: number; stateProvince: string })[];
}

/** GET /api/directory/manage/scope. */
export interface EditorOptions {
  organisations: {
    id: string;
    name: string;
    municipalities: { id: string; nameNl: string; nameFr: string }[];
    mayCreateRegionWide: boolean;
  }[];
}
