import type { AppContext } from '../../platform/context.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { lookupPostcode } from '../gazetteer/gazetteer.usecases.ts';
import { listMunicipalities, listOrganisations, listRegions } from '../tenancy/tenancy.usecases.ts';
import { entryNotFound } from './directory.errors.ts';
import {
  type HsdsLookups,
  presentLocation,
  presentService,
  presentServiceBasics,
  presentTaxonomy,
  presentTerm,
} from './directory.hsds.presenters.ts';
import * as hsds from './directory.hsds.repository.ts';
import { parseQuery } from './directory.models.ts';
import { findChildren, findServices, type ServiceRow } from './directory.repository.ts';
import { taxonomies, terms } from './directory.terms.ts';

/** An HSDS page: the listing and where it sits among all pages. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

async function lookups(ctx: AppContext, rows: ServiceRow[], withMetadata: boolean): Promise<HsdsLookups> {
  const [orgs, municipalities, regions, metadata] = await Promise.all([
    listOrganisations({ ctx, ids: [...new Set(rows.map((r) => r.organisation_id))] }),
    listMunicipalities({ ctx }),
    listRegions({ ctx }),
    withMetadata
      ? hsds.metadataOf(
          ctx.db,
          rows.map((r) => r.id),
        )
      : Promise.resolve([]),
  ]);
  const byService = new Map<string, typeof metadata>();
  for (const m of metadata) byService.set(m.service_id, [...(byService.get(m.service_id) ?? []), m]);
  return {
    terms,
    organisationNames: new Map(orgs.map((o) => [o.id, o.name])),
    areaNames: new Map([
      ...municipalities.map((m) => [m.id, m.name_nl] as const),
      ...regions.map((r) => [r.id, r.name] as const),
    ]),
    metadata: byService,
  };
}

/** Published services, in request order. */
async function published(ctx: AppContext, ids: string[]) {
  const rows = (await findServices(ctx.db, ids)).filter((r) => r.status === 'published');
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** GET /services: published services, filtered by text, taxonomy, organisation or change date. */
export async function listHsdsServices(input: {
  ctx: AppContext;
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
  minimal: boolean;
  full: boolean;
  page: number;
  perPage: number;
}) {
  const { ctx } = input;
  let facetCodes: string[] | null = null;
  if (input.taxonomyTermId || input.taxonomyId) {
    facetCodes = [...terms]
      .filter(([, t]) => t.id === input.taxonomyTermId || t.taxonomy_id === input.taxonomyId)
      .map(([code]) => code);
  }
  const { ids, total } = await hsds.pagePublishedServices(ctx.db, {
    words: parseQuery(input.search ?? ''),
    facetCodes,
    organisationId: input.organizationId,
    modifiedAfter: input.modifiedAfter,
    limit: input.perPage,
    offset: (input.page - 1) * input.perPage,
  });
  const rows = await published(ctx, ids);
  if (input.minimal)
    return hsdsPage(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        status: 'active',
        last_modified: r.updated_at.toISOString(),
      })),
      total,
      input.page,
      input.perPage,
    );
  const look = await lookups(ctx, rows, input.full);
  if (!input.full)
    return hsdsPage(
      rows.map((r) => presentServiceBasics(r, look)),
      total,
      input.page,
      input.perPage,
    );
  const children = await findChildren(ctx.db, rows);
  const contents = rows.map((r) => presentService(r, children.get(r.id) ?? emptyChildren(), look));
  return hsdsPage(contents, total, input.page, input.perPage);
}

const emptyChildren = () => ({ locations: [], schedules: [], contacts: [] });

/** GET /services/{id}: one published service, fully nested. */
export async function getHsdsService(input: { ctx: AppContext; id: string }) {
  const [row] = await published(input.ctx, [input.id]);
  if (!row) throw entryNotFound();
  const children = (await findChildren(input.ctx.db, [row])).get(row.id) ?? emptyChildren();
  return presentService(row, children, await lookups(input.ctx, [row], true));
}

/** GET /organizations: organisations with at least one published service. */
export async function listHsdsOrganizations(input: {
  ctx: AppContext;
  search?: string;
  page: number;
  perPage: number;
}) {
  const ids = await hsds.publishingOrganisations(input.ctx.db);
  const needle = (input.search ?? '').toLowerCase();
  const orgs = (await listOrganisations({ ctx: input.ctx, ids })).filter((o) =>
    o.name.toLowerCase().includes(needle),
  );
  const start = (input.page - 1) * input.perPage;
  const contents = orgs
    .slice(start, start + input.perPage)
    .map((o) => ({ id: o.id, name: o.name, description: o.name }));
  return hsdsPage(contents, orgs.length, input.page, input.perPage);
}

/** GET /organizations/{id}. */
export async function getHsdsOrganization(input: { ctx: AppContext; id: string }) {
  if (!(await hsds.publishingOrganisations(input.ctx.db)).includes(input.id)) throw entryNotFound();
  const [org] = await listOrganisations({ ctx: input.ctx, ids: [input.id] });
  if (!org) throw entryNotFound();
  return { id: org.id, name: org.name, description: org.name };
}

/** GET /service_at_locations: by postcode, or within `proximity` metres of the postcode's centre. */
export async function listHsdsServiceAtLocations(input: {
  ctx: AppContext;
  postcode?: string;
  proximity?: number;
  page: number;
  perPage: number;
}) {
  const { ctx } = input;
  let near: { lat: number; lng: number; meters: number } | undefined;
  if (input.proximity !== undefined) {
    if (!input.postcode) throw invalidField('querystring.postcode', 'validation.required');
    const point = await lookupPostcode({ ctx, postcode: input.postcode }).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404)
        throw invalidField('querystring.postcode', 'directory.unknown_postcode', {
          postcode: input.postcode,
        });
      throw error;
    });
    near = { ...point.point, meters: input.proximity };
  }
  const { ids, total } = await hsds.pagePublishedLocations(ctx.db, {
    postcode: near ? undefined : input.postcode,
    near,
    limit: input.perPage,
    offset: (input.page - 1) * input.perPage,
  });
  const contents = await serviceAtLocations(ctx, ids);
  return hsdsPage(contents, total, input.page, input.perPage);
}

async function serviceAtLocations(ctx: AppContext, salIds: string[]) {
  const links = await hsds.findServiceAtLocation(ctx.db, salIds);
  const rows = await published(ctx, [...new Set(links.map((l) => l.service_id))]);
  const look = await lookups(ctx, rows, false);
  const children = await findChildren(ctx.db, rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return salIds.flatMap((salId) => {
    const link = links.find((l) => l.service_at_location_id === salId);
    const row = link ? byId.get(link.service_id) : undefined;
    const location = children.get(link?.service_id ?? '')?.locations.find((l) => l.id === link?.location_id);
    if (!link || !row || !location) return [];
    return [
      {
        id: salId,
        service_id: row.id,
        location_id: location.id,
        location: presentLocation(location, look),
        service: presentServiceBasics(row, look),
      },
    ];
  });
}

/** GET /service_at_locations/{id}. */
export async function getHsdsServiceAtLocation(input: { ctx: AppContext; id: string }) {
  const [sal] = await serviceAtLocations(input.ctx, [input.id]);
  if (!sal) throw entryNotFound();
  return sal;
}

/** GET /taxonomies: the directory's own vocabulary. */
export function listHsdsTaxonomies(input: { page: number; perPage: number }) {
  const all = taxonomies.map(presentTaxonomy);
  const start = (input.page - 1) * input.perPage;
  return hsdsPage(all.slice(start, start + input.perPage), all.length, input.page, input.perPage);
}

export function getHsdsTaxonomy(input: { id: string }) {
  const t = taxonomies.find((x) => x.id === input.id);
  if (!t) throw entryNotFound();
  return presentTaxonomy(t);
}

export function listHsdsTerms(input: {
  taxonomyId?: string;
  search?: string;
  page: number;
  perPage: number;
}) {
  const needle = (input.search ?? '').toLowerCase();
  const all = [...terms.values()]
    .filter((t) => !input.taxonomyId || t.taxonomy_id === input.taxonomyId)
    .filter((t) => t.name.toLowerCase().includes(needle) || t.code.includes(needle))
    .map(presentTerm);
  const start = (input.page - 1) * input.perPage;
  return hsdsPage(all.slice(start, start + input.perPage), all.length, input.page, input.perPage);
}

export function getHsdsTerm(input: { id: string }) {
  const t = [...terms.values()].find((x) => x.id === input.id);
  if (!t) throw entryNotFound();
  return presentTerm(t);
}
