import { z } from 'zod';

/*
 * The network map of a client: ecogram, genogram and strengths, as one
 * document. Server, web editors, analysis, layout and print all read this
 * shape; structural rules that zod cannot express (ties to members that exist,
 * no cycles in the parent relation, one index person, birth before death) are
 * checked by `validateNetworkMap` in src/modules/networks/networks.validate.ts.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
/** One line of text: trimmed, no control characters. Script is stored as text and always escaped on output. */
const line = (max: number) => z.string().trim().max(max).regex(NO_CONTROL, 'validation.control_characters');

/** Ids inside a map are short client-made strings (the editors make them), unique within their list. */
export const mapItemId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'networks.item_id_format')
  .describe('Id of an item within this map');

/** The person the map is about; a tie's end that is not a member. */
export const CLIENT_NODE = 'client' as const;

export const SECTORS = [
  'family',
  'friends',
  'neighbours',
  'school_work_associations',
  'professionals',
] as const;
/** Closeness rings around the person: 1 is closest. */
export const RINGS = [1, 2, 3] as const;
export const CONTACT_FREQUENCIES = ['daily', 'weekly', 'monthly', 'few_times_a_year', 'rarely'] as const;
export const CONTACT_MODES = ['visit', 'phone', 'video', 'messages'] as const;
export const SUPPORT_KINDS = ['emotional', 'practical', 'information', 'company'] as const;
export const TIE_QUALITIES = ['positive', 'mixed', 'strained'] as const;
export const HELPER_LOADS = ['ok', 'heavy', 'overloaded'] as const;
export const CONTACT_WISHES = ['more', 'less', 'keep'] as const;

export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export const PARTNERSHIP_STATUSES = ['married', 'living_together', 'separated', 'divorced'] as const;
export const PARENTAGE_KINDS = ['birth', 'adopted', 'foster'] as const;
export const EMOTIONAL_BONDS = ['close', 'distant', 'conflict', 'cut_off'] as const;

export const STRENGTH_CATEGORIES = ['interest', 'talent', 'for_others', 'energy'] as const;

/** Limits: a real network is far smaller; the editors and the print stay usable up to these. */
export const MAX_MEMBERS = 300;
export const MAX_TIES = 1_000;
export const MAX_GENOGRAM_PEOPLE = 300;
export const MAX_STRENGTH_CARDS = 60;

export type Sector = (typeof SECTORS)[number];
export type Ring = (typeof RINGS)[number];
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type StrengthCategory = (typeof STRENGTH_CATEGORIES)[number];

const year = z.number().int().min(1850).max(2100);

export const ecogramMember = z
  .object({
    id: mapItemId,
    label: line(100).min(1).describe('Name or role ("daughter Els", "home nurse")'),
    relation: line(100).optional().describe('Relation to the person, in words'),
    sector: z.enum(SECTORS),
    ring: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('Closeness: 1 closest, 3 farthest'),
    formal: z.boolean().describe('Formal (paid or professional) rather than informal'),
    angle: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Position within its sector, 0 to 1; the layout spreads members without one'),
  })
  .strict();

export const ecogramTie = z
  .object({
    id: mapItemId,
    from: mapItemId.describe(`"${CLIENT_NODE}" or a member id`),
    to: mapItemId.describe('A member id'),
    frequency: z.enum(CONTACT_FREQUENCIES),
    modes: z.array(z.enum(CONTACT_MODES)).max(CONTACT_MODES.length),
    supportGiven: z
      .array(z.enum(SUPPORT_KINDS))
      .max(SUPPORT_KINDS.length)
      .describe('Support that "from" gives to "to"'),
    supportReceived: z
      .array(z.enum(SUPPORT_KINDS))
      .max(SUPPORT_KINDS.length)
      .describe('Support that "from" receives from "to"'),
    quality: z.enum(TIE_QUALITIES),
    load: z.enum(HELPER_LOADS).describe('How heavy the help is for the helper ("to")'),
    wish: z.enum(CONTACT_WISHES).describe('What the person wishes for this contact'),
    note: line(300).optional(),
  })
  .strict();

export const genogramPerson = z
  .object({
    id: mapItemId,
    label: line(100).min(1),
    sex: z.enum(SEXES),
    birthYear: year.optional(),
    deathYear: year.optional(),
    deceased: z.boolean(),
    index: z.boolean().describe('The person the map is about (exactly one)'),
    inHousehold: z.boolean().describe('Lives in the same household as the index person'),
    birthOrder: z
      .number()
      .int()
      .min(1)
      .max(30)
      .optional()
      .describe('Among siblings, when birth years are unknown'),
    memberId: mapItemId.optional().describe('The same person in the ecogram'),
  })
  .strict();

export const genogramPartnership = z
  .object({
    id: mapItemId,
    a: mapItemId,
    b: mapItemId,
    status: z.enum(PARTNERSHIP_STATUSES),
    since: year.optional(),
  })
  .strict();

export const genogramParentage = z
  .object({
    id: mapItemId,
    child: mapItemId,
    parents: z.array(mapItemId).min(1).max(2),
    kind: z.enum(PARENTAGE_KINDS),
  })
  .strict();

export const genogramBond = z
  .object({ id: mapItemId, a: mapItemId, b: mapItemId, kind: z.enum(EMOTIONAL_BONDS) })
  .strict();

export const strengthCard = z
  .object({
    cardId: z
      .string()
      .regex(/^[a-z_]{1,40}$/, 'networks.card_id_format')
      .optional()
      .describe('A card of the set'),
    custom: z
      .object({ category: z.enum(STRENGTH_CATEGORIES), label: line(80).min(1) })
      .strict()
      .optional()
      .describe("A card of the person's own, when none of the set fits"),
    rank: z.number().int().min(1).max(MAX_STRENGTH_CARDS).describe('1 matters most'),
    wish: line(300).optional().describe('"Would like to teach others to knit"'),
  })
  .strict();

export const networkMapDocument = z
  .object({
    ecogram: z
      .object({
        members: z.array(ecogramMember).max(MAX_MEMBERS, 'networks.too_many_members'),
        ties: z.array(ecogramTie).max(MAX_TIES, 'networks.too_many_ties'),
      })
      .strict(),
    genogram: z
      .object({
        people: z.array(genogramPerson).max(MAX_GENOGRAM_PEOPLE, 'networks.too_many_people'),
        partnerships: z.array(genogramPartnership).max(MAX_GENOGRAM_PEOPLE),
        parentage: z.array(genogramParentage).max(MAX_GENOGRAM_PEOPLE),
        bonds: z.array(genogramBond).max(MAX_GENOGRAM_PEOPLE * 2),
      })
      .strict(),
    strengths: z
      .object({ cards: z.array(strengthCard).max(MAX_STRENGTH_CARDS, 'networks.too_many_cards') })
      .strict(),
  })
  .strict();

export type EcogramMember = z.infer<typeof ecogramMember>;
export type EcogramTie = z.infer<typeof ecogramTie>;
export type GenogramPerson = z.infer<typeof genogramPerson>;
export type GenogramPartnership = z.infer<typeof genogramPartnership>;
export type GenogramParentage = z.infer<typeof genogramParentage>;
export type GenogramBond = z.infer<typeof genogramBond>;
export type StrengthCard = z.infer<typeof strengthCard>;
export type NetworkMapDocument = z.infer<typeof networkMapDocument>;

export const EMPTY_NETWORK_MAP: NetworkMapDocument = {
  ecogram: { members: [], ties: [] },
  genogram: { people: [], partnerships: [], parentage: [], bonds: [] },
  strengths: { cards: [] },
};
