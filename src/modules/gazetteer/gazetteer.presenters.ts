import { type GazetteerMunicipality, PROVINCES } from './gazetteer.models.ts';
import type { MunicipalityDetail, MunicipalityMatch, PostcodeLookup } from './gazetteer.usecases.ts';

export function presentMunicipality(m: GazetteerMunicipality) {
  return {
    nisCode: m.nisCode,
    name: { nl: m.nameNl, fr: m.nameFr },
    region: m.region,
    province: m.province
      ? { code: m.province, name: { nl: PROVINCES[m.province].nl, fr: PROVINCES[m.province].fr } }
      : null,
    centroid: { lat: m.lat, lng: m.lng },
  };
}

export function presentPostcode(lookup: PostcodeLookup) {
  return {
    postcode: lookup.postcode,
    point: lookup.point,
    municipalities: lookup.municipalities.map(presentMunicipality),
    places: lookup.places,
  };
}

export function presentMatches(matches: MunicipalityMatch[]) {
  return {
    municipalities: matches.map((m) => ({
      ...presentMunicipality(m.municipality),
      matchedPlace: m.matchedPlace,
    })),
  };
}

export function presentMunicipalityDetail(detail: MunicipalityDetail) {
  return { ...presentMunicipality(detail), postcodes: detail.postcodes };
}
