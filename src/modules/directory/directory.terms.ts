import { TAXONOMIES, type TaxonomyCode } from '../../contracts/directory-vocabulary.ts';
import { stableId } from './directory.ids.ts';

/** The taxonomies' Dutch names and descriptions (Dutch is the directory's reference language). */
const TAXONOMY_TEXT: Record<TaxonomyCode, { name: string; description: string }> = {
  type: { name: 'Soort initiatief', description: 'Welk soort initiatief tegen eenzaamheid dit is.' },
  target_group: { name: 'Doelgroep', description: 'Voor wie het initiatief bedoeld is.' },
  how_to_join: { name: 'Hoe deelnemen', description: 'Hoe iemand kan aansluiten.' },
  accessibility: {
    name: 'Toegankelijkheid',
    description: 'Voorzieningen voor wie minder mobiel is of slecht hoort.',
  },
  cost: { name: 'Kostprijs', description: 'Of deelnemen iets kost.' },
  active_element: {
    name: 'Werkzaam element',
    description: 'Wat aantoonbaar helpt tegen eenzaamheid (goede praktijk).',
  },
  evidence_level: {
    name: 'Bewijskracht',
    description: 'Hoe sterk de aanwijzingen voor effect zijn (goede praktijk).',
  },
};

const TERM_NAMES: Record<TaxonomyCode, Record<string, string>> = {
  type: {
    buddy: 'Buddyproject',
    telephone_circle: 'Telefooncirkel',
    meeting_place: 'Ontmoetingsplek',
    neighbourhood_salon: 'Buurtsalon',
    soup_cafe: 'Soepbar',
    neighbourhood_restaurant: 'Buurtrestaurant',
    community_garden: 'Samentuin',
    study_spot: 'Blokpunt',
    drop_in_youth: 'Overkophuis',
    bridge_figure: 'Brugfiguur',
    community_centre: 'Buurt- of dienstencentrum',
    home_visits: 'Huisbezoeken',
    digital_inclusion: 'Digitale inclusie',
    helpline: 'Hulplijn',
    support_group: 'Praatgroep',
    volunteering: 'Vrijwilligerswerk',
    sport: 'Sport en beweging',
    culture: 'Cultuur',
    awareness: 'Sensibiliseringsmateriaal',
  },
  target_group: {
    everyone: 'Iedereen',
    children: 'Kinderen',
    youth: 'Jongeren',
    young_adults: 'Jongvolwassenen (20-34)',
    adults: 'Volwassenen',
    older_people: 'Ouderen',
    informal_carers: 'Mantelzorgers',
    newcomers: 'Nieuwkomers',
    disability: 'Mensen met een beperking',
  },
  how_to_join: {
    walk_in: 'Gewoon binnenlopen',
    register: 'Vooraf inschrijven',
    referral: 'Via doorverwijzing',
  },
  accessibility: {
    wheelchair: 'Rolstoeltoegankelijk',
    hearing_loop: 'Ringleiding',
    transport: 'Vervoer mogelijk',
  },
  cost: { free: 'Gratis', contribution: 'Kleine bijdrage', paid: 'Betalend' },
  active_element: {
    activities: 'Activiteiten',
    meeting: 'Ontmoeting',
    practical_support: 'Praktische steun',
    meaningful_contact: 'Betekenisvol contact',
    social_skills: 'Sociale vaardigheden',
    realistic_expectations: 'Realistische verwachtingen',
    meaningful_role: 'Een zinvolle rol',
  },
  evidence_level: {
    none: 'Geen onderbouwing',
    well_described: 'Goed beschreven',
    theory_based: 'Theoretisch onderbouwd',
    first_indications: 'Eerste aanwijzingen voor effect',
    good_indications: 'Goede aanwijzingen voor effect',
    strong_indications: 'Sterke aanwijzingen voor effect',
  },
};

export interface Taxonomy {
  id: string;
  code: TaxonomyCode;
  name: string;
  description: string;
  version: string;
}

export interface Term {
  id: string;
  taxonomy_id: string;
  taxonomy: TaxonomyCode;
  code: string;
  name: string;
  description: string;
}

export const taxonomyId = (taxonomy: TaxonomyCode) => stableId(`verbonden:taxonomy:${taxonomy}`);
export const termId = (taxonomy: TaxonomyCode, code: string) => stableId(`verbonden:${taxonomy}:${code}`);

export const taxonomies: Taxonomy[] = (Object.keys(TAXONOMIES) as TaxonomyCode[]).map((code) => ({
  id: taxonomyId(code),
  code,
  ...TAXONOMY_TEXT[code],
  version: '1',
}));

/** Every term, by "taxonomy:code". */
export const terms: Map<string, Term> = new Map(
  (Object.keys(TAXONOMIES) as TaxonomyCode[]).flatMap((taxonomy) =>
    TAXONOMIES[taxonomy].map((code) => {
      const name = TERM_NAMES[taxonomy][code] ?? code;
      const term: Term = {
        id: termId(taxonomy, code),
        taxonomy_id: taxonomyId(taxonomy),
        taxonomy,
        code,
        name,
        description: `${TAXONOMY_TEXT[taxonomy].name}: ${name}`,
      };
      return [`${taxonomy}:${code}`, term] as const;
    }),
  ),
);
