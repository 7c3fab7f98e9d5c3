import { SERVICE_TYPES } from '../../contracts/directory-vocabulary.ts';
import type { DirectoryHealthView, InsightsQuery, ReachView } from '../../contracts/insights.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { type CountTable, SuppressionPlan } from './insights.models.ts';
import { plain, presentList, presentTable } from './insights.presenters.ts';
import * as repo from './insights.repository.ts';
import { presentScope, type ResolvedScope, resolveScope } from './insights.scope.ts';

/** Rows of the per-type tables: every directory type, and 'other' (no type known). */
export const TYPE_ROWS: readonly string[] = [...SERVICE_TYPES, 'other'];
const MEASURES = ['signals', 'clients', 'participants'] as const;
const LINE = { rowTotals: true, columnTotals: false, total: false } as const;
const FULL = { rowTotals: true, columnTotals: true, total: true } as const;

/** A count and the sum of its contributors' record keys (see perturb in insights.models.ts). */
interface Count {
  n: number;
  k: number;
}
const NONE: Count = { n: 0, k: 0 };

function tally<T extends Count>(rows: readonly T[], key: (r: T) => string) {
  const out = new Map<string, Count>();
  for (const r of rows) {
    const before = out.get(key(r)) ?? NONE;
    out.set(key(r), { n: before.n + r.n, k: before.k + r.k });
  }
  return out;
}

/** A type outside the vocabulary (an entry of an older version, say) counts as 'other'. */
export const typeRow = (type: string) => (TYPE_ROWS.includes(type) ? type : 'other');

const line = (months: string[], counts: Map<string, Count>): CountTable => ({
  rows: ['all'],
  columns: months,
  cells: [months.map((m) => counts.get(m)?.n ?? 0)],
  contributors: [months.map((m) => counts.get(m)?.k ?? 0)],
});

/**
 * Reach: signals and new clients per month, people starting with an
 * initiative per type and month, per municipality (several counted) or per
 * postcode (one counted). One suppression plan covers every table, so a
 * figure shown in two tables is shown or hidden in both.
 */
export async function reach(input: {
  ctx: AppContext;
  principal: Principal;
  query: InsightsQuery;
}): Promise<ReachView> {
  const scope = await resolveScope(input);
  const { db } = input.ctx;
  const [signals, clients, participants] = await Promise.all([
    repo.signalsPerMonth(db, scope.db, scope.range),
    repo.clientsPerMonth(db, scope.db, scope.range),
    repo.participantsPerMonth(db, scope.db, scope.range),
  ]);
  const single = scope.municipalities.length === 1 ? scope.municipalities[0] : undefined;
  const [clientPostcodes, participantPostcodes] = single
    ? await Promise.all([
        repo.clientsPerPostcode(db, single.nis, scope.range),
        repo.participantsPerPostcode(db, single.nis, scope.range),
      ])
    : [[], []];

  const plan = new SuppressionPlan();
  const { months } = scope;
  const perMonth = <T extends repo.TwoWayCount>(rows: readonly T[]) => rows.filter((r) => r.month !== null);
  const perMunicipality = (rows: readonly repo.TwoWayCount[]) =>
    tally(
      rows.filter((r) => r.municipality !== null),
      (r) => r.municipality ?? '',
    );
  const signalsTable = line(
    months,
    tally(perMonth(signals), (r) => r.month ?? ''),
  );
  const clientsTable = line(
    months,
    tally(perMonth(clients), (r) => r.month ?? ''),
  );
  const perTypeMonth = tally(perMonth(participants), (r) => `${typeRow(r.type ?? '')}|${r.month}`);
  const participantsTable: CountTable = {
    rows: [...TYPE_ROWS],
    columns: months,
    cells: TYPE_ROWS.map((t) => months.map((m) => perTypeMonth.get(`${t}|${m}`)?.n ?? 0)),
    contributors: TYPE_ROWS.map((t) => months.map((m) => perTypeMonth.get(`${t}|${m}`)?.k ?? 0)),
  };
  const signalKeys = plan.table('signals', signalsTable, LINE);
  const clientKeys = plan.table('clients', clientsTable, LINE);
  const participantKeys = plan.table('participants', participantsTable, FULL);
  const totals = [signalKeys.rowTotal(0), clientKeys.rowTotal(0), participantKeys.total];

  let municipalities: ReachView['municipalities'] = null;
  if (scope.municipalities.length > 1) {
    const idToNis = new Map(scope.municipalities.map((m) => [m.id, m.nis]));
    const counts = {
      signals: perMunicipality(
        signals.map((r) => ({ ...r, municipality: idToNis.get(r.municipality ?? '') ?? null })),
      ),
      clients: perMunicipality(clients),
      participants: perMunicipality(participants),
    };
    const key = (nis: string, measure: string) => `municipality|${nis}|${measure}`;
    MEASURES.forEach((measure, i) => {
      for (const m of scope.municipalities) {
        const count = counts[measure].get(m.nis) ?? NONE;
        plan.figure(key(m.nis, measure), count.n, { contributors: count.k });
      }
      plan.sum(
        totals[i] as string,
        scope.municipalities.map((m) => key(m.nis, measure)),
      );
    });
    municipalities = presentList(
      plan,
      scope.municipalities.map((m) => ({ key: m.nis, label: m.name })),
      [...MEASURES],
      key,
      totals,
    );
  }

  let neighbourhoods: ReachView['neighbourhoods'] = null;
  if (single) {
    const byPostcode = {
      clients: tally(clientPostcodes, (r) => r.postcode),
      participants: tally(participantPostcodes, (r) => r.postcode),
    };
    const postcodes = [...new Set([...byPostcode.clients.keys(), ...byPostcode.participants.keys()])].sort();
    const key = (postcode: string, measure: string) => `postcode|${postcode}|${measure}`;
    (['clients', 'participants'] as const).forEach((measure) => {
      for (const p of postcodes) {
        const count = byPostcode[measure].get(p) ?? NONE;
        plan.figure(key(p, measure), count.n, { contributors: count.k });
      }
      plan.sum(
        measure === 'clients' ? clientKeys.rowTotal(0) : participantKeys.total,
        postcodes.map((p) => key(p, measure)),
      );
    });
    neighbourhoods = presentList(
      plan,
      postcodes.map((p) => ({ key: p, label: null })),
      ['clients', 'participants'],
      key,
      [clientKeys.rowTotal(0), participantKeys.total],
    );
  }

  return {
    scope: presentScope(scope),
    signals: presentTable(plan, signalsTable, signalKeys, LINE),
    clients: presentTable(plan, clientsTable, clientKeys, LINE),
    participants: presentTable(plan, participantsTable, participantKeys, FULL),
    municipalities,
    neighbourhoods,
  };
}

/**
 * Directory health in the municipalities counted: published entries per type
 * (their own and region-wide ones), those nobody assured in twelve months,
 * and the municipalities with no entry of a type at all.
 */
export async function directoryHealth(input: {
  ctx: AppContext;
  principal: Principal;
  query: InsightsQuery;
}): Promise<DirectoryHealthView> {
  const scope = await resolveScope(input);
  return directoryHealthOf(input.ctx, scope);
}

export async function directoryHealthOf(ctx: AppContext, scope: ResolvedScope): Promise<DirectoryHealthView> {
  const yearAgo = new Date(ctx.clock.now().getTime());
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const staleBefore = yearAgo.toISOString().slice(0, 10);
  const regionIds = [...new Set(scope.municipalities.map((m) => m.regionId))];
  const rows = await repo.directoryPerType(ctx.db, scope.db, regionIds, staleBefore);
  return {
    scope: presentScope(scope),
    staleBefore,
    types: TYPE_ROWS.filter((t) => t !== 'other').map((type) => {
      const ofType = rows.filter((r) => r.type === type);
      const local = ofType.filter((r) => r.municipality_id !== null);
      const regional = ofType.filter((r) => r.municipality_id === null);
      const covered = new Set(local.map((r) => r.municipality_id));
      const coveredRegions = new Set(regional.map((r) => r.region_id));
      return {
        type,
        published: plain(local.reduce((s, r) => s + r.n, 0)),
        regionWide: plain(regional.reduce((s, r) => s + r.n, 0)),
        stale: plain(ofType.reduce((s, r) => s + r.stale, 0)),
        municipalitiesWithout: scope.municipalities
          .filter((m) => !covered.has(m.id) && !coveredRegions.has(m.regionId))
          .map((m) => m.nis),
      };
    }),
  };
}
