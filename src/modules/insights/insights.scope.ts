import type { InsightsQuery } from '../../contracts/insights.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { listMunicipalities, listOrganisations } from '../tenancy/tenancy.usecases.ts';
import { fromAfterTo, municipalityNotYours, rangeTooLong, unknownMunicipality } from './insights.errors.ts';
import { MIN_PEOPLE } from './insights.models.ts';
import { addMonths, monthsBetween } from './insights.periods.ts';
import { insightsReader } from './insights.policies.ts';
import type { Range, Scope } from './insights.repository.ts';

/** At most three years of months in one request: a table a person can still read. */
export const MAX_MONTHS = 36;

export interface Municipality {
  id: string;
  nis: string;
  name: string;
  regionId: string;
}

/** What a request counts: which municipalities, which months. */
export interface ResolvedScope {
  municipalities: Municipality[];
  months: string[];
  from: string;
  to: string;
  range: Range;
  db: Scope;
}

const brusselsMonth = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' })
    .format(at)
    .slice(0, 7);

/**
 * Checks who asks and for what: coordinators get the municipalities their
 * organisations work in, platform admins all of them. A municipality asked for
 * must exist (400) and be theirs (403); the months must run forwards and fit
 * in MAX_MONTHS.
 */
export async function resolveScope(input: {
  ctx: AppContext;
  principal: Principal;
  query: Pick<InsightsQuery, 'municipality' | 'from' | 'to'>;
}): Promise<ResolvedScope> {
  const { ctx, query } = input;
  const reader = insightsReader(input.principal);
  const all = await listMunicipalities({ ctx });
  let allowed: Set<string> | null = null;
  if (!reader.all) {
    const organisations = await listOrganisations({ ctx, ids: reader.organisationIds });
    allowed = new Set(organisations.filter((o) => o.active).flatMap((o) => o.municipality_ids));
  }
  const mine: Municipality[] = all
    .filter((m) => allowed === null || allowed.has(m.id))
    .map((m) => ({ id: m.id, nis: m.nis_code, name: m.name_nl, regionId: m.region_id }))
    .sort((a, b) => a.nis.localeCompare(b.nis));
  let municipalities = mine;
  if (query.municipality) {
    if (!all.some((m) => m.nis_code === query.municipality)) throw unknownMunicipality();
    municipalities = mine.filter((m) => m.nis === query.municipality);
    if (municipalities.length === 0) throw municipalityNotYours();
  }
  const to = query.to ?? brusselsMonth(ctx.clock.now());
  const from = query.from ?? addMonths(to, -11);
  if (from > to) throw fromAfterTo();
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) throw rangeTooLong(MAX_MONTHS);
  return {
    municipalities,
    months,
    from,
    to,
    range: { from: `${from}-01`, until: `${addMonths(to, 1)}-01` },
    db: { municipalityIds: municipalities.map((m) => m.id), nisCodes: municipalities.map((m) => m.nis) },
  };
}

export const presentScope = (s: ResolvedScope) => ({
  municipalities: s.municipalities.map((m) => ({ nis: m.nis, name: m.name })),
  from: s.from,
  to: s.to,
  months: s.months,
  threshold: MIN_PEOPLE,
});
