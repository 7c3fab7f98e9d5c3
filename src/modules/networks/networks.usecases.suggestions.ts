import { searchQuery } from '../../contracts/directory.ts';
import type { ServiceType } from '../../contracts/directory-vocabulary.ts';
import type { SuggestionsView } from '../../contracts/networks-api.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { ClientForWork } from '../clients/clients.access.usecases.ts';
import { searchDirectory } from '../directory/directory.search.usecases.ts';
import { getMunicipality, lookupPostcode } from '../gazetteer/gazetteer.usecases.ts';
import {
  analyseNetwork,
  type InitiativeCandidate,
  type SuggestionReason,
  suggestInitiatives,
} from './networks.analysis.ts';
import { strengthCardById } from './networks.cards.ts';
import { type Translate, translate } from './networks.usecases.reading.ts';
import { clientForNetwork, loadMap, type NetworkRequest } from './networks.usecases.ts';

/** How far a person can reasonably go to an activity: a bus ride, a bike ride. */
export const SUGGESTION_RADIUS_KM = 15;
/** The nearest initiatives of every kind, beside those of the kinds the person's cards point to. */
const NEAREST_PAGES = 2;
const PER_PAGE = 100;
const MAX_SUGGESTIONS = 12;
const TIME_ZONE = 'Europe/Brussels';

type Hit = Awaited<ReturnType<typeof searchDirectory>>['results'][number];

/** Unknown places are not an error here: the person then simply gets no suggestions nearby. */
async function unlessUnknown<T>(find: () => Promise<T>): Promise<T | null> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return null;
    throw error;
  }
}

/**
 * Where to look from, as "lat,lng": the person's postcode, or the centre of
 * their municipality when the postcode is missing or unknown.
 */
async function nearOf(
  ctx: AppContext,
  client: ClientForWork,
): Promise<{ near: string; postcode: string | null } | null> {
  const { postcode } = client;
  if (postcode) {
    const found = await unlessUnknown(() => lookupPostcode({ ctx, postcode }));
    if (found) return { near: `${found.point.lat},${found.point.lng}`, postcode };
  }
  const m = await unlessUnknown(() => getMunicipality({ ctx, nisCode: client.municipalityNis }));
  return m ? { near: `${m.lat},${m.lng}`, postcode: null } : null;
}

async function search(ctx: AppContext, near: string, page: number, types?: ServiceType[]) {
  const query = searchQuery.parse({
    near,
    radius_km: SUGGESTION_RADIUS_KM,
    page,
    per_page: PER_PAGE,
    ...(types ? { type: types.join(',') } : {}),
  });
  return (await searchDirectory({ ctx, query })).results;
}

/** Published initiatives near the person: those of the kinds their cards point to, and the nearest of any kind. */
async function candidatesNear(ctx: AppContext, near: string, cardTypes: ServiceType[]): Promise<Hit[]> {
  const pages = await Promise.all([
    ...(cardTypes.length > 0 ? [search(ctx, near, 1, cardTypes)] : []),
    ...Array.from({ length: NEAREST_PAGES }, (_, i) => search(ctx, near, i + 1)),
  ]);
  const byId = new Map<string, Hit>();
  for (const hit of pages.flat()) byId.set(hit.id, hit);
  return [...byId.values()];
}

function describeReason(reason: SuggestionReason, t: Translate, locale: Locale): string {
  switch (reason.kind) {
    case 'interest':
      return t('networksServer.reasons.interest', { card: t(`networks.cards.${reason.cardId}`) });
    case 'gap':
      return reason.sector
        ? t('networksServer.reasons.gap_sector', { sector: t(`networks.sectors.${reason.sector}`) })
        : t('networksServer.reasons.gap_support', { support: t(`networks.support.${reason.support}`) });
    case 'distance':
      return t('networksServer.reasons.distance', {
        distance: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(reason.distanceKm ?? 0),
      });
    case 'schedule':
      return t('networksServer.reasons.schedule', {
        when: new Intl.DateTimeFormat(locale, {
          timeZone: TIME_ZONE,
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(reason.nextOccurrence ?? 0)),
      });
  }
}

/**
 * Published initiatives near the person that fit them: what they like (their
 * strength cards), the gaps in their network, distance and the next meeting,
 * each reason as a sentence. Audited: the reasons tell about the person.
 */
export async function suggestForClient(input: NetworkRequest & { locale: Locale }): Promise<SuggestionsView> {
  const { ctx } = input;
  const client = await clientForNetwork(input, 'read', 'networks.suggestions_read');
  const map = await loadMap(ctx, client, 'current');
  const place = await nearOf(ctx, client);
  if (!place) return { near: null, items: [] };
  const cards = map.document.strengths.cards;
  const cardTypes = [
    ...new Set(cards.flatMap((c) => (c.cardId ? (strengthCardById(c.cardId)?.serviceTypes ?? []) : []))),
  ];
  const hits = await candidatesNear(ctx, place.near, cardTypes);
  const byId = new Map(hits.map((h) => [h.id, h]));
  const candidates: InitiativeCandidate[] = hits.map((h) => ({
    id: h.id,
    name: h.name,
    type: h.type as ServiceType,
    distanceKm: h.distance_km,
    nextOccurrence: h.next_occurrence?.startsAt ?? null,
  }));
  const t = translate(input.locale);
  // Nearness alone is no reason to suggest something: each suggestion fits a strength or a gap.
  const ranked = suggestInitiatives({ analysis: analyseNetwork(map.document), cards, candidates })
    .filter((s) => s.reasons.some((r) => r.kind === 'interest' || r.kind === 'gap'))
    .slice(0, MAX_SUGGESTIONS);
  return {
    near: { postcode: place.postcode, radiusKm: SUGGESTION_RADIUS_KM },
    items: ranked.flatMap((s) => {
      const hit = byId.get(s.id);
      if (!hit) return [];
      return [
        {
          id: hit.id,
          name: hit.name,
          type: hit.type as ServiceType,
          distanceKm: hit.distance_km,
          nextOccurrence: hit.next_occurrence,
          location: hit.location ? { name: hit.location.name, address: hit.location.address } : null,
          score: s.score,
          reasons: s.reasons.map((r) => ({
            kind: r.kind,
            cardId: r.cardId ?? null,
            text: describeReason(r, t, input.locale),
          })),
        },
      ];
    }),
  };
}
