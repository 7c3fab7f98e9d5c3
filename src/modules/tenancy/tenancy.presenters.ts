export const presentMunicipality = (m: {
  id: string;
  region_id: string;
  nis_code: string;
  name_nl: string;
  name_fr: string;
}) => ({
  id: m.id,
  regionId: m.region_id,
  nisCode: m.nis_code,
  nameNl: m.name_nl,
  nameFr: m.name_fr,
});

export const presentOrganisation = (o: {
  id: string;
  region_id: string;
  name: string;
  kind: import('../../platform/db/schema.ts').OrganisationKind;
  require_second_factor: boolean;
  active: boolean;
  municipality_ids: string[];
}) => ({
  id: o.id,
  regionId: o.region_id,
  name: o.name,
  kind: o.kind,
  requireSecondFactor: o.require_second_factor,
  active: o.active,
  municipalityIds: o.municipality_ids,
});
