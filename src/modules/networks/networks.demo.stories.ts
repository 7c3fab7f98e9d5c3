import type {
  EcogramMember,
  EcogramTie,
  GenogramPerson,
  NetworkMapDocument,
  StrengthCard,
} from '../../contracts/networks.ts';

/**
 * Invented network maps for the demo, each at two moments: "before" (the
 * snapshot, half a year ago) and "now" (the current map). Every name is
 * made up; any likeness is chance.
 */
export interface DemoStory {
  /** The index person's name in the genogram when the demo client's own is not given. */
  name: string;
  before: NetworkMapDocument;
  now: NetworkMapDocument;
  beforeLabel: string;
}

const member = (
  id: string,
  label: string,
  sector: EcogramMember['sector'],
  ring: EcogramMember['ring'],
  formal = false,
): EcogramMember => ({ id, label, sector, ring, formal });

const tie = (id: string, to: string, t: Partial<EcogramTie> = {}): EcogramTie => ({
  id,
  from: 'client',
  to,
  frequency: 'monthly',
  modes: ['visit'],
  supportGiven: [],
  supportReceived: [],
  quality: 'positive',
  load: 'ok',
  wish: 'keep',
  ...t,
});

const person = (
  id: string,
  label: string,
  sex: GenogramPerson['sex'],
  birthYear: number,
  more: Partial<GenogramPerson> = {},
): GenogramPerson => ({
  id,
  label,
  sex,
  birthYear,
  deceased: false,
  index: false,
  inHousehold: false,
  ...more,
});

const cards = (...list: [string, string?][]): StrengthCard[] =>
  list.map(([cardId, wish], i) => ({ cardId, rank: i + 1, ...(wish ? { wish } : {}) }));

/**
 * A widow or widower living alone whose daughter carried everything; half a year later, two friends from
 * a coffee morning. The late partner is a man for a widow and a woman for a widower.
 */
function widowed(name: string, sex: 'male' | 'female'): DemoStory {
  const late =
    sex === 'male'
      ? person('maria', 'Maria', 'female', 1943, { deceased: true, deathYear: 2024 })
      : person('maria', 'Jan', 'male', 1939, { deceased: true, deathYear: 2024 });
  const genogram = (bond: 'conflict' | 'distant'): NetworkMapDocument['genogram'] => ({
    people: [
      person('jozef', name, sex, 1941, { index: true, inHousehold: true }),
      late,
      person('els', 'Els', 'female', 1967, { memberId: 'els' }),
      person('tom', 'Tom', 'male', 1965),
      person('marc', 'Marc', 'male', 1970, { memberId: 'marc' }),
      person('lotte', 'Lotte', 'female', 1995, { memberId: 'lotte' }),
      person('wout', 'Wout', 'male', 1998),
    ],
    partnerships: [
      { id: 'pm1', a: 'jozef', b: 'maria', status: 'married', since: 1965 },
      { id: 'pm2', a: 'els', b: 'tom', status: 'married', since: 1992 },
    ],
    parentage: [
      { id: 'pc1', child: 'els', parents: ['jozef', 'maria'], kind: 'birth' },
      { id: 'pc2', child: 'marc', parents: ['jozef', 'maria'], kind: 'birth' },
      { id: 'pc3', child: 'lotte', parents: ['els', 'tom'], kind: 'birth' },
      { id: 'pc4', child: 'wout', parents: ['els', 'tom'], kind: 'birth' },
    ],
    bonds: [
      { id: 'b1', a: 'jozef', b: 'els', kind: 'close' },
      { id: 'b2', a: 'jozef', b: 'marc', kind: bond },
    ],
  });
  const common = [
    member('rita', 'Rita (buurvrouw)', 'neighbours', 2),
    member('nurse', 'Thuisverpleging', 'professionals', 2, true),
    member('gp', 'Huisarts', 'professionals', 3, true),
    member('lotte', 'Lotte (kleindochter)', 'family', 2),
  ];
  const commonTies = [
    tie('t-rita', 'rita', { supportGiven: ['company'], supportReceived: ['company'], wish: 'more' }),
    tie('t-nurse', 'nurse', { frequency: 'weekly', supportReceived: ['practical'] }),
    tie('t-gp', 'gp', { supportReceived: ['information'] }),
    tie('t-lotte', 'lotte', { modes: ['phone', 'messages'], supportReceived: ['company'] }),
  ];
  return {
    name,
    beforeLabel: 'Bij de start',
    before: {
      ecogram: {
        members: [
          member('els', 'Els (dochter)', 'family', 1),
          member('marc', 'Marc (zoon)', 'family', 3),
          ...common,
        ],
        ties: [
          tie('t-els', 'els', {
            frequency: 'daily',
            modes: ['visit', 'phone'],
            supportGiven: ['company'],
            supportReceived: ['emotional', 'practical', 'information', 'company'],
            quality: 'mixed',
            load: 'overloaded',
          }),
          tie('t-marc', 'marc', {
            frequency: 'few_times_a_year',
            modes: ['phone'],
            quality: 'strained',
            wish: 'more',
          }),
          ...commonTies,
          { ...tie('t-els-marc', 'marc', { frequency: 'rarely', quality: 'strained' }), from: 'els' },
        ],
      },
      genogram: genogram('conflict'),
      strengths: {
        cards: cards(
          ['gardening', 'Zou graag opnieuw een moestuintje hebben, zoals vroeger.'],
          ['repairing'],
          ['telling_stories'],
          ['good_conversation'],
        ),
      },
    },
    now: {
      ecogram: {
        members: [
          member('els', 'Els (dochter)', 'family', 1),
          member('marc', 'Marc (zoon)', 'family', 2),
          ...common,
          member('frans', 'Frans (koffiebabbel)', 'friends', 2),
          member('agnes', 'Agnes (koffiebabbel)', 'friends', 2),
        ],
        ties: [
          tie('t-els', 'els', {
            frequency: 'weekly',
            modes: ['visit', 'phone'],
            supportGiven: ['company'],
            supportReceived: ['emotional', 'practical'],
          }),
          tie('t-marc', 'marc', {
            modes: ['phone'],
            supportReceived: ['emotional'],
            quality: 'mixed',
            wish: 'more',
          }),
          ...commonTies,
          tie('t-frans', 'frans', {
            frequency: 'weekly',
            supportGiven: ['company', 'emotional'],
            supportReceived: ['company', 'emotional'],
          }),
          tie('t-agnes', 'agnes', {
            frequency: 'weekly',
            supportGiven: ['practical'],
            supportReceived: ['company'],
          }),
        ],
      },
      genogram: genogram('distant'),
      strengths: {
        cards: cards(
          ['gardening', 'Zou graag opnieuw een moestuintje hebben, zoals vroeger.'],
          ['repairing', 'Herstelt graag de fiets van Agnes en van anderen.'],
          ['helping_neighbours'],
          ['telling_stories'],
          ['good_conversation'],
        ),
      },
    },
  };
}

/** A young mother new in town, leaning on her own mother far away; later a neighbour and the community garden. */
function youngMother(name: string): DemoStory {
  const genogram: NetworkMapDocument['genogram'] = {
    people: [
      person('ahmed', 'Ahmed', 'male', 1958, { deceased: true, deathYear: 2019 }),
      person('fatma', 'Fatma', 'female', 1962, { memberId: 'mother' }),
      person('amina', name, 'female', 1990, { index: true, inHousehold: true }),
      person('yasmina', 'Yasmina', 'female', 1993, { memberId: 'sister' }),
      person('karim', 'Karim', 'male', 1988, { memberId: 'ex' }),
      person('nour', 'Nour', 'female', 2015, { inHousehold: true }),
      person('adam', 'Adam', 'male', 2018, { inHousehold: true }),
    ],
    partnerships: [
      { id: 'pm1', a: 'ahmed', b: 'fatma', status: 'married', since: 1986 },
      { id: 'pm2', a: 'amina', b: 'karim', status: 'divorced', since: 2013 },
    ],
    parentage: [
      { id: 'pc1', child: 'amina', parents: ['ahmed', 'fatma'], kind: 'birth' },
      { id: 'pc2', child: 'yasmina', parents: ['ahmed', 'fatma'], kind: 'birth' },
      { id: 'pc3', child: 'nour', parents: ['amina', 'karim'], kind: 'birth' },
      { id: 'pc4', child: 'adam', parents: ['amina', 'karim'], kind: 'birth' },
    ],
    bonds: [
      { id: 'b1', a: 'amina', b: 'fatma', kind: 'close' },
      { id: 'b2', a: 'amina', b: 'karim', kind: 'conflict' },
    ],
  };
  const family = [
    member('mother', 'Mama Fatma', 'family', 2),
    member('sister', 'Zus Yasmina', 'family', 2),
    member('ex', 'Karim (ex-partner)', 'family', 3),
    member('social', 'Maatschappelijk werker', 'professionals', 2, true),
    member('daycare', 'Kinderopvang', 'school_work_associations', 3, true),
  ];
  const fixedTies = [
    tie('t-sister', 'sister', { modes: ['messages'], supportReceived: ['emotional'], wish: 'more' }),
    tie('t-ex', 'ex', { modes: ['messages'], quality: 'strained', wish: 'less' }),
    tie('t-social', 'social', { supportReceived: ['information', 'practical'] }),
    tie('t-daycare', 'daycare', { frequency: 'daily', supportReceived: ['practical'] }),
  ];
  const strengths = cards(
    ['cooking', 'Zou graag eens koken voor een buurtrestaurant.'],
    ['speaking_languages'],
    ['caring_for_children'],
    ['meeting_new_people'],
  );
  return {
    name,
    beforeLabel: 'Eerste gesprek',
    before: {
      ecogram: {
        members: family,
        ties: [
          tie('t-mother', 'mother', {
            frequency: 'daily',
            modes: ['phone', 'video'],
            supportReceived: ['emotional', 'practical', 'company'],
            load: 'heavy',
          }),
          ...fixedTies,
        ],
      },
      genogram,
      strengths: { cards: strengths },
    },
    now: {
      ecogram: {
        members: [
          ...family,
          member('sofie', 'Sofie (buurvrouw)', 'neighbours', 1),
          member('jan', 'Jan (moestuin)', 'school_work_associations', 2),
        ],
        ties: [
          tie('t-mother', 'mother', {
            frequency: 'weekly',
            modes: ['phone', 'video'],
            supportReceived: ['emotional'],
          }),
          ...fixedTies,
          tie('t-sofie', 'sofie', {
            frequency: 'weekly',
            supportGiven: ['practical', 'company'],
            supportReceived: ['company', 'practical'],
          }),
          tie('t-jan', 'jan', { frequency: 'weekly', supportReceived: ['information', 'company'] }),
        ],
      },
      genogram,
      strengths: {
        cards: [
          ...strengths,
          { cardId: 'gardening', rank: 5, wish: 'Kweekt nu kruiden in de buurtmoestuin.' },
        ],
      },
    },
  };
}

/** The stories in the order demo clients get them, when their name has no story of its own. */
export const DEMO_STORIES: readonly ((name?: string) => DemoStory)[] = [
  (name) => widowed(name ?? 'Jozef', 'male'),
  (name) => youngMother(name ?? 'Amina'),
];

/**
 * The story that fits a demo client of src/modules/clients/clients.demo.ts (a widow, a young mother, a
 * widower); null for Jozef, who still lives with his wife and has no map yet; other names take turns.
 */
export function demoStoryFor(givenName: string | undefined, turn: number): DemoStory | null {
  if (givenName === 'Maria') return widowed('Maria', 'female');
  if (givenName === 'Roger') return widowed('Roger', 'male');
  if (givenName === 'Amina') return youngMother('Amina');
  if (givenName === 'Jozef') return null;
  return (DEMO_STORIES[turn % DEMO_STORIES.length] as (typeof DEMO_STORIES)[number])(givenName);
}
