import type { SearchQuery } from '../../contracts/directory.ts';
import { FACETS, type Facet } from '../../contracts/directory-vocabulary.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { findMunicipalities, lookupPostcode, type Point } from '../gazetteer/gazetteer.usecases.ts';
import { unknownPlace, unknownPostcode } from './directory.errors.ts';
import { haversineKm, parseQuery } from './directory.models.ts';
import { presentOccurrence } from './directory.presenters.ts';
import { earliestOccurrence } from './directory.schedule.ts';
import { nearWords, searchServices } from './directory.search.repository.ts';

const LAT_LNG = /^(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/;
const POSTCODE = /^\d{4}$/;

/** Where "near" points to: coordinates as given, a postcode's places, or a municipality's centre. */
export async function resolveNear(ctx: AppContext, near: string): Promise<Point> {
  const coordinates = LAT_LNG.exec(near);
  if (coordinates) {
    const lat = Number(coordinates[1]);
    const lng = Number(coordinates[2]);
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180)
      throw invalidField('querystring.near', 'directory.invalid_coordinates');
    return { lat, lng };
  }
  if (POSTCODE.test(near)) {
    try {
      return (await lookupPostcode({ ctx, postcode: near })).point;
    } catch (error) {
      if (error instanceof AppError && error.code.startsWith('gazetteer.')) throw unknownPostcode(near);
      throw error;
    }
  }
  const [match] = await findMunicipalities({ ctx, query: near, limit: 1 });
  if (!match) throw unknownPlace(near);
  return { lat: match.municipality.lat, lng: match.municipality.lng };
}

/**
 * Searches published initiatives: Dutch full text (stems, accents, prefixes,
 * synonyms, small typos), within a radius of a place, with filters; gives a
 * page of results with distance and next meeting, the total, and facet counts
 * where each facet is counted under all the other filters.
 */
export async function searchDirectory(input: { ctx: AppContext; query: SearchQuery }) {
  const { ctx, query } = input;
  const words = parseQuery(query.q ?? '');
  // Two independent look-ups, side by side on PostgreSQL's pool.
  const [point, near] = await Promise.all([
    query.near ? resolveNear(ctx, query.near) : null,
    nearWords(ctx.db, words),
  ]);
  const filters: Partial<Record<Facet, string[]>> = {};
  for (const f of FACETS) if (query[f]?.length) filters[f] = query[f];
  const answer = await searchServices(
    ctx.db,
    {
      words,
      near,
      point,
      radiusKm: query.radius_km,
      filters,
      limit: query.per_page,
      offset: (query.page - 1) * query.per_page,
    },
    FACETS,
  );
  const now = ctx.clock.now();
  const results = answer.results.map((row) => {
    const nearest = point
      ? [...row.locations].sort(
          (a, b) =>
            haversineKm(point, { lat: a.latitude, lng: a.longitude }) -
            haversineKm(point, { lat: b.latitude, lng: b.longitude }),
        )[0]
      : row.locations[0];
    const schedules = row.schedules.map((s) => ({
      freq: s.freq,
      interval: s.interval,
      byday: s.byday,
      dtstart: s.dtstart,
      opensAt: s.opens_at,
      closesAt: s.closes_at,
      validFrom: s.valid_from,
      validTo: s.valid_to,
    }));
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      type: row.type,
      targetGroups: row.target_groups,
      howToJoin: row.how_to_join,
      costOption: row.cost_option,
      municipalityId: row.municipality_id,
      distance_km: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      next_occurrence: presentOccurrence(earliestOccurrence(schedules, now)),
      location: nearest
        ? {
            name: nearest.name,
            address: `${nearest.address_1}, ${nearest.postal_code} ${nearest.city}`,
            latitude: nearest.latitude,
            longitude: nearest.longitude,
          }
        : null,
      assuredDate: row.assured_date,
    };
  });
  const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>]));
  for (const f of answer.facets) {
    const bucket = facets[f.facet];
    if (bucket) bucket[f.code.slice(f.facet.length + 1)] = f.n;
  }
  return { results, facets, total: answer.total, page: query.page, per_page: query.per_page, near: point };
}
