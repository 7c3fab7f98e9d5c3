import { SERVICE_TYPES, type ServiceType, type TARGET_GROUPS } from '../../contracts/directory-vocabulary.ts';
import type { EntryInput } from './directory.models.ts';

/** Invented names: every one is made up, none refers to a real group. */
const NAMES = [
  'De Zonnebloem',
  '’t Klaverblad',
  'De Linde',
  'Het Anker',
  'De Brug',
  'Het Lichtpunt',
  'De Pluim',
  '’t Hofje',
  'De Regenboog',
  'De Kastanje',
  'Het Nest',
  'De Vlinder',
  'Den Appelaar',
  'De Zeemeeuw',
  'Het Warme Hart',
];
const STREETS = ['Kerkstraat', 'Marktplein', 'Stationsstraat', 'Schoolstraat', 'Molenstraat', 'Dorpsplein'];

interface TypeTemplate {
  name: string;
  description: string;
  groups: (typeof TARGET_GROUPS)[number][];
  join: 'walk_in' | 'register' | 'referral';
  /** No place of its own: it comes to people, or happens by phone. */
  placeless?: boolean;
  monthly?: boolean;
  hours: [string, string];
}

const TEMPLATES: Record<ServiceType, TypeTemplate> = {
  buddy: {
    name: 'Buddywerking',
    description: 'Een vrijwilliger wordt je maatje: samen wandelen, een koffie drinken, eens bellen.',
    groups: ['adults', 'older_people'],
    join: 'register',
    placeless: true,
    hours: ['10:00', '12:00'],
  },
  telephone_circle: {
    name: 'Telefooncirkel',
    description: 'Elke ochtend belt iemand uit de kring even op: een vast moment van contact.',
    groups: ['older_people'],
    join: 'register',
    placeless: true,
    hours: ['09:00', '10:00'],
  },
  meeting_place: {
    name: 'Koffiebabbel',
    description: 'Koffie, een babbel en gezelschap. Wie zich alleen voelt, is welkom.',
    groups: ['everyone'],
    join: 'walk_in',
    hours: ['14:00', '16:00'],
  },
  neighbourhood_salon: {
    name: 'Buurtsalon',
    description: 'Een gezellige namiddag met de buren, met soms een spreker of een spel.',
    groups: ['everyone', 'older_people'],
    join: 'walk_in',
    monthly: true,
    hours: ['14:00', '17:00'],
  },
  soup_cafe: {
    name: 'Soepcafé',
    description: 'Een kom warme soep en een praatje, aan een lange tafel.',
    groups: ['everyone'],
    join: 'walk_in',
    hours: ['11:30', '13:30'],
  },
  neighbourhood_restaurant: {
    name: 'Buurtrestaurant',
    description: 'Samen eten aan een democratische prijs. Een maaltijd met soep, hoofdgerecht en dessert.',
    groups: ['everyone', 'older_people'],
    join: 'register',
    hours: ['12:00', '13:30'],
  },
  community_garden: {
    name: 'Samentuin',
    description: 'Samen groenten kweken en onderhouden. Geen ervaring nodig.',
    groups: ['everyone', 'newcomers'],
    join: 'walk_in',
    hours: ['09:30', '12:00'],
  },
  study_spot: {
    name: 'Blokpunt',
    description: 'Rustig studeren tijdens de examens, met koffie en medestudenten.',
    groups: ['youth', 'young_adults'],
    join: 'walk_in',
    hours: ['09:00', '17:00'],
  },
  drop_in_youth: {
    name: 'Overkophuis',
    description: 'Een plek waar jongeren vrij binnen kunnen, met een luisterend oor.',
    groups: ['youth'],
    join: 'walk_in',
    hours: ['15:00', '19:00'],
  },
  bridge_figure: {
    name: 'Brugfiguur',
    description: 'Een vaste persoon in de wijk die je wegwijs maakt en mee op pad gaat.',
    groups: ['adults', 'newcomers'],
    join: 'walk_in',
    hours: ['09:00', '12:00'],
  },
  community_centre: {
    name: 'Dienstencentrum',
    description: 'Activiteiten, cursussen en een cafetaria voor iedereen uit de buurt.',
    groups: ['older_people', 'everyone'],
    join: 'walk_in',
    hours: ['09:00', '17:00'],
  },
  home_visits: {
    name: 'Huisbezoekers',
    description: 'Vrijwilligers komen op bezoek bij wie alleen woont en moeilijk buiten komt.',
    groups: ['older_people', 'disability'],
    join: 'referral',
    placeless: true,
    hours: ['14:00', '16:00'],
  },
  digital_inclusion: {
    name: 'Digicafé',
    description: 'Hulp bij je smartphone, tablet of computer, in je eigen tempo.',
    groups: ['older_people', 'adults'],
    join: 'walk_in',
    hours: ['13:30', '15:30'],
  },
  helpline: {
    name: 'Luisterlijn',
    description: 'Een luisterend oor aan de telefoon, anoniem en gratis.',
    groups: ['everyone'],
    join: 'walk_in',
    placeless: true,
    hours: ['18:00', '22:00'],
  },
  support_group: {
    name: 'Praatgroep',
    description: 'Samen praten over eenzaamheid, verlies of mantelzorg, onder begeleiding.',
    groups: ['adults', 'informal_carers'],
    join: 'register',
    hours: ['19:00', '21:00'],
  },
  volunteering: {
    name: 'Vrijwilligerspunt',
    description: 'Iets betekenen voor een ander: vind vrijwilligerswerk dat bij je past.',
    groups: ['adults', 'young_adults'],
    join: 'walk_in',
    hours: ['10:00', '12:00'],
  },
  sport: {
    name: 'Wandelclub',
    description: 'Samen wandelen, in een rustig tempo, met een koffie achteraf.',
    groups: ['everyone', 'older_people'],
    join: 'walk_in',
    hours: ['09:30', '11:30'],
  },
  culture: {
    name: 'Zangkoor',
    description: 'Zingen met anderen: noten lezen hoeft niet.',
    groups: ['everyone'],
    join: 'walk_in',
    hours: ['19:30', '21:30'],
  },
  awareness: {
    name: 'Filmavond',
    description: 'Een film over eenzaamheid, met een gesprek achteraf.',
    groups: ['everyone'],
    join: 'register',
    monthly: true,
    hours: ['19:30', '22:00'],
  },
};

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const COSTS = ['free', 'free', 'contribution', 'free', 'paid'] as const;

export interface DemoPlace {
  postcode: string;
  city: string;
  lat: number;
  lng: number;
  province: string;
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The i-th demo initiative in a place: deterministic, so every demo database is the same. */
export function demoEntry(i: number, place: DemoPlace): EntryInput {
  const type = SERVICE_TYPES[i % SERVICE_TYPES.length] as ServiceType;
  const tpl = TEMPLATES[type];
  const label = NAMES[(i * 7) % NAMES.length] ?? 'De Linde';
  const name = `${tpl.name} ${label}`;
  const day = DAYS[i % DAYS.length] ?? 'TU';
  // A deterministic offset of up to about 2 km, so pins do not stack.
  const dLat = (((i * 37) % 41) - 20) / 1000;
  const dLng = (((i * 53) % 61) - 30) / 1000;
  const cost = COSTS[i % COSTS.length] ?? 'free';
  return {
    name,
    alternateName: null,
    description: `${tpl.description} (Demo-gegevens, verzonnen.)`,
    url: null,
    email: `info@${slug(name)}.demo.verbonden.invalid`,
    type,
    targetGroups: tpl.groups,
    howToJoin: tpl.join,
    applicationProcess:
      tpl.join === 'register' ? 'Stuur een mailtje of loop eens binnen bij het sociaal huis.' : null,
    languages: i % 4 === 0 ? ['nl', 'fr'] : i % 9 === 0 ? ['nl', 'en', 'ar'] : ['nl'],
    costOption: cost,
    costAmount: cost === 'free' ? null : cost === 'contribution' ? 2 : 8,
    costDescription: cost === 'contribution' ? 'Een vrije bijdrage voor koffie en taart.' : null,
    minimumAge: null,
    maximumAge: null,
    goodPractice:
      i % 3 === 0
        ? {
            goal: 'Mensen die alleen zijn, een vast moment van contact geven.',
            approach: 'Vrijwilligers en een beroepskracht organiseren het samen, op een vaste plek en tijd.',
            reach: `Ongeveer ${10 + (i % 30)} deelnemers per keer.`,
            results: 'Deelnemers zeggen dat ze meer mensen kennen in de buurt.',
          }
        : {},
    activeElements: i % 3 === 0 ? ['meeting', 'meaningful_contact'] : ['meeting'],
    evidenceLevel: i % 3 === 0 ? 'well_described' : 'none',
    evidenceSource: null,
    locations: tpl.placeless
      ? []
      : [
          {
            name: `Zaal ${label}`,
            description: null,
            transportation: i % 2 === 0 ? 'Bushalte op een paar minuten wandelen.' : null,
            latitude: Math.round((place.lat + dLat) * 1e5) / 1e5,
            longitude: Math.round((place.lng + dLng) * 1e5) / 1e5,
            address1: `${STREETS[i % STREETS.length]} ${1 + ((i * 13) % 120)}`,
            address2: null,
            postalCode: place.postcode,
            city: place.city,
            stateProvince: place.province,
            accessibility: i % 2 === 0 ? ['wheelchair'] : i % 5 === 0 ? ['wheelchair', 'hearing_loop'] : [],
            accessibilityDescription: null,
          },
        ],
    schedules: [
      {
        freq: tpl.monthly ? 'MONTHLY' : 'WEEKLY',
        interval: 1,
        byday: tpl.monthly
          ? `1${day}`
          : type === 'helpline' || type === 'telephone_circle'
            ? 'MO,TU,WE,TH,FR'
            : day,
        dtstart: null,
        opensAt: tpl.hours[0],
        closesAt: tpl.hours[1],
        validFrom: null,
        validTo: null,
        locationIndex: null,
        description: null,
      },
    ],
    contacts: [],
  };
}
