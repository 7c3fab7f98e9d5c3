import type { EntryInput } from './directory.models.ts';

/** A complete, valid entry for tests: a weekly meeting place in Brugge. */
export function sampleEntry(overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    name: 'Koffiebabbel De Zonnebloem',
    alternateName: null,
    description: 'Elke dinsdag koffie en een babbel voor wie zich alleen voelt.',
    url: null,
    email: null,
    type: 'meeting_place',
    targetGroups: ['older_people'],
    howToJoin: 'walk_in',
    applicationProcess: null,
    languages: ['nl'],
    costOption: 'free',
    costAmount: null,
    costDescription: null,
    minimumAge: null,
    maximumAge: null,
    goodPractice: {},
    activeElements: ['meeting'],
    evidenceLevel: 'none',
    evidenceSource: null,
    locations: [
      {
        name: 'Buurthuis Sint-Pieters',
        description: null,
        transportation: null,
        latitude: 51.2194,
        longitude: 3.2138,
        address1: 'Voorbeeldstraat 1',
        address2: null,
        postalCode: '8000',
        city: 'Brugge',
        stateProvince: 'West-Vlaanderen',
        accessibility: ['wheelchair'],
        accessibilityDescription: null,
      },
    ],
    schedules: [
      {
        freq: 'WEEKLY',
        interval: 1,
        byday: 'TU',
        dtstart: null,
        opensAt: '14:00',
        closesAt: '16:00',
        validFrom: null,
        validTo: null,
        locationIndex: 0,
        description: null,
      },
    ],
    contacts: [
      { kind: 'phone', name: null, title: null, email: null, phone: '050 00 00 00', description: null },
    ],
    ...overrides,
  };
}
