import type { ServiceType } from '../../contracts/directory-vocabulary.ts';
import type { StrengthCategory } from '../../contracts/networks.ts';

/**
 * The strength and talent cards: the digital form of the conversation cards a
 * social worker lays on the table. Each card points at the kinds of initiative
 * where that strength can be lived out, so a person's own cards can lead to
 * suggestions. Labels live in src/locales/<locale>/networks.json
 * (`networks.cards.<id>`) and web-networks-cards.json (`web.networks.cards.<id>`).
 * Keywords are lower-case stems in Dutch, French and English, for searching the
 * set and the directory.
 */
export type StrengthCardDefinition = {
  readonly id: string;
  readonly category: StrengthCategory;
  readonly serviceTypes: readonly ServiceType[];
  readonly keywords: readonly string[];
};

const card = (
  id: string,
  category: StrengthCategory,
  serviceTypes: readonly ServiceType[],
  keywords: readonly string[],
): StrengthCardDefinition => ({ id, category, serviceTypes, keywords });

export const STRENGTH_CARDS: readonly StrengthCardDefinition[] = [
  // What the person likes doing or knowing about.
  card('gardening', 'interest', ['community_garden'], ['tuin', 'moestuin', 'jardin', 'garden', 'planten']),
  card(
    'cooking',
    'interest',
    ['soup_cafe', 'neighbourhood_restaurant'],
    ['koken', 'cuisine', 'cook', 'eten'],
  ),
  card('walking', 'interest', ['sport'], ['wandel', 'marche', 'promenade', 'walk']),
  card('cycling', 'interest', ['sport'], ['fiets', 'vélo', 'velo', 'cycl', 'bike']),
  card(
    'computers',
    'interest',
    ['digital_inclusion'],
    ['computer', 'ordinateur', 'internet', 'smartphone', 'digita'],
  ),
  card('knitting', 'interest', ['meeting_place', 'culture'], ['breien', 'haken', 'tricot', 'knit']),
  card(
    'crafts',
    'interest',
    ['meeting_place', 'culture'],
    ['knutsel', 'handwerk', 'bricolage', 'craft', 'creatie'],
  ),
  card('music', 'interest', ['culture'], ['muziek', 'musique', 'music', 'concert']),
  card('singing', 'interest', ['culture'], ['zing', 'koor', 'chant', 'chorale', 'sing', 'choir']),
  card(
    'reading',
    'interest',
    ['culture', 'meeting_place'],
    ['lezen', 'boek', 'lecture', 'livre', 'read', 'book'],
  ),
  card(
    'games',
    'interest',
    ['meeting_place', 'neighbourhood_salon'],
    ['spel', 'kaart', 'jeu', 'cartes', 'game'],
  ),
  card('animals', 'interest', ['volunteering'], ['dier', 'hond', 'animal', 'chien', 'dog']),
  card('nature', 'interest', ['community_garden', 'sport'], ['natuur', 'nature', 'bos', 'forêt']),
  card('history', 'interest', ['culture'], ['geschiedenis', 'erfgoed', 'histoire', 'patrimoine', 'history']),
  card('photography', 'interest', ['culture', 'digital_inclusion'], ['foto', 'photo']),
  card('painting', 'interest', ['culture'], ['schilder', 'teken', 'peinture', 'dessin', 'paint', 'draw']),
  card('dancing', 'interest', ['culture', 'sport'], ['dans', 'danse', 'dance']),
  card('swimming', 'interest', ['sport'], ['zwem', 'natation', 'swim']),
  card(
    'sports_clubs',
    'interest',
    ['sport', 'meeting_place'],
    ['voetbal', 'supporter', 'club', 'football', 'sport'],
  ),
  card(
    'languages',
    'interest',
    ['meeting_place', 'study_spot'],
    ['taal', 'langue', 'language', 'conversatie'],
  ),
  // What the person is good at.
  card('repairing', 'talent', ['volunteering', 'meeting_place'], ['herstel', 'repair', 'réparer', 'klussen']),
  card(
    'baking',
    'talent',
    ['soup_cafe', 'meeting_place'],
    ['bak', 'taart', 'pâtisserie', 'gâteau', 'bake', 'cake'],
  ),
  card('sewing', 'talent', ['meeting_place', 'volunteering'], ['naai', 'couture', 'sew']),
  card(
    'telling_stories',
    'talent',
    ['culture', 'meeting_place'],
    ['verhal', 'vertel', 'histoires', 'conte', 'stories'],
  ),
  card('listening', 'talent', ['buddy', 'telephone_circle', 'volunteering'], ['luister', 'écoute', 'listen']),
  card('organising', 'talent', ['volunteering', 'community_centre'], ['organis', 'plannen', 'organiser']),
  card(
    'speaking_languages',
    'talent',
    ['volunteering', 'buddy'],
    ['tolk', 'vertaal', 'traduire', 'interprète', 'translate'],
  ),
  card(
    'numbers',
    'talent',
    ['volunteering', 'digital_inclusion'],
    ['cijfer', 'rekenen', 'administratie', 'chiffres', 'paperwork'],
  ),
  // What the person does, or would like to do, for others.
  card(
    'teaching_a_skill',
    'for_others',
    ['volunteering'],
    ['leren', 'uitleggen', 'apprendre', 'enseigner', 'teach'],
  ),
  card('doing_errands', 'for_others', ['volunteering'], ['boodschap', 'courses', 'errand', 'winkel']),
  card(
    'visiting_people',
    'for_others',
    ['home_visits', 'buddy', 'volunteering'],
    ['bezoek', 'visite', 'visit'],
  ),
  card(
    'helping_neighbours',
    'for_others',
    ['volunteering', 'neighbourhood_salon'],
    ['buren', 'voisin', 'neighbour', 'burenhulp'],
  ),
  card(
    'caring_for_children',
    'for_others',
    ['volunteering'],
    ['kinder', 'oppas', 'enfant', 'garde', 'children'],
  ),
  card(
    'phoning_people',
    'for_others',
    ['telephone_circle'],
    ['bellen', 'telefoon', 'téléphone', 'phone', 'appel'],
  ),
  card(
    'hosting',
    'for_others',
    ['neighbourhood_salon', 'meeting_place'],
    ['ontvang', 'gastvrij', 'accueil', 'host', 'koffie'],
  ),
  card('driving', 'for_others', ['volunteering'], ['rijden', 'vervoer', 'chauffeur', 'transport', 'drive']),
  // What gives the person energy.
  card(
    'meeting_new_people',
    'energy',
    ['meeting_place', 'neighbourhood_salon'],
    ['ontmoet', 'nieuwe mensen', 'rencontre', 'meet'],
  ),
  card(
    'being_outdoors',
    'energy',
    ['community_garden', 'sport'],
    ['buiten', 'plein air', 'dehors', 'outdoor'],
  ),
  card(
    'being_useful',
    'energy',
    ['volunteering'],
    ['nuttig', 'vrijwillig', 'utile', 'bénévol', 'useful', 'volunteer'],
  ),
  card(
    'laughing_together',
    'energy',
    ['meeting_place', 'culture'],
    ['lachen', 'plezier', 'rire', 'laugh', 'fun'],
  ),
  card(
    'learning_new_things',
    'energy',
    ['digital_inclusion', 'study_spot', 'culture'],
    ['leren', 'cursus', 'apprendre', 'cours', 'learn'],
  ),
  card('moving', 'energy', ['sport'], ['beweg', 'bouger', 'mouvement', 'exercise', 'move']),
  card(
    'good_conversation',
    'energy',
    ['neighbourhood_salon', 'buddy', 'telephone_circle'],
    ['babbel', 'gesprek', 'papoter', 'conversation', 'chat'],
  ),
  card(
    'sharing_a_meal',
    'energy',
    ['soup_cafe', 'neighbourhood_restaurant'],
    ['samen eten', 'maaltijd', 'repas', 'meal'],
  ),
  card(
    'sharing_worries',
    'energy',
    ['support_group', 'helpline'],
    ['zorgen', 'praten', 'lotgenoten', 'soucis', 'worries', 'peers'],
  ),
];

const byId = new Map(STRENGTH_CARDS.map((c) => [c.id, c]));

/** The card of the set with this id, if there is one. */
export function strengthCardById(id: string): StrengthCardDefinition | undefined {
  return byId.get(id);
}

/** Whether the set holds a card with this id (the validator refuses others). */
export function isStrengthCardId(id: string): boolean {
  return byId.has(id);
}
