import { createTenant } from '../../../test/harness/factories.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';

let nextPostcode = 1000;

/**
 * A municipality with a meldpunt: the tenant's organisation is of kind
 * 'municipality' (so it runs the meldpunt), its NIS code and one new postcode
 * are in the gazetteer, and a CAW works there too (to assign signals to).
 */
export async function createMeldpunt(ctx: AppContext) {
  const tenant = await createTenant(ctx, { kind: 'municipality' });
  const postcode = String(nextPostcode++);
  await ctx.db
    .insertInto('gazetteer_municipalities')
    .values({
      nis_code: tenant.municipality.nis_code,
      name_nl: tenant.municipality.name_nl,
      name_fr: tenant.municipality.name_fr,
      region: 'VLG',
      province: null,
      lat: 51,
      lng: 3,
    })
    .execute();
  await ctx.db
    .insertInto('gazetteer_postcodes')
    .values({ postcode, nis_code: tenant.municipality.nis_code, place_name: 'Dorp', lat: 51, lng: 3 })
    .execute();
  const caw = { id: newId(), region_id: tenant.region.id, name: `CAW ${postcode}`, kind: 'caw' as const };
  await ctx.db.insertInto('organisations').values(caw).execute();
  await ctx.db
    .insertInto('organisation_municipalities')
    .values({ organisation_id: caw.id, municipality_id: tenant.municipality.id })
    .execute();
  return { ...tenant, postcode, caw };
}

/** The smallest valid anonymous report, as the issue spells it. */
export const anonymousReport = (
  postcode: string,
  description = 'Mijn buurvrouw komt al weken niet meer buiten.',
) => ({
  postcode,
  description,
  reporter: { anonymous: true },
  privacyNoticeAccepted: true,
});
