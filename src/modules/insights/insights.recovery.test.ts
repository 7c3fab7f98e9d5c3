// An attacker with every view, both period groupings and the CSV of one
// municipality's figures tries to work out a hidden figure. It must fail.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { ChangeView, CountTableView, ReachView, WhatWorksView } from '../../contracts/insights.ts';
import type { App } from '../../platform/http/app.ts';
import { clientsOn, createTenant, staffOf, trackWithScores } from './insights.fixture.ts';

let ctx: TestContext;
let app: App;
let coordinator: TestSession;
let query: string;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  const here = await createTenant(ctx);
  const staff = await staffOf(ctx, here);
  const nis = here.municipality.nis_code;
  // Starts per type and month (Jan–Jun 2026): small cells scattered among large ones.
  const plan: [string, string, number, string][] = [
    ['buddy', '2026-01-15', 14, '9000'],
    ['buddy', '2026-02-15', 3, '9000'],
    ['buddy', '2026-04-15', 12, '9050'],
    ['meeting_place', '2026-01-20', 11, '9000'],
    ['meeting_place', '2026-02-20', 16, '9050'],
    ['meeting_place', '2026-05-20', 2, '9000'],
    ['soup_cafe', '2026-02-10', 10, '9000'],
    ['soup_cafe', '2026-04-10', 5, '9060'],
    ['telephone_circle', '2026-05-05', 13, '9000'],
  ];
  let seed = 0;
  for (const [type, day, count, postcode] of plan) {
    const people = await clientsOn(ctx, {
      organisationId: here.organisation.id,
      createdBy: staff.worker.id,
      nis,
      day,
      count,
      postcode,
    });
    for (const client of people) {
      seed += 1;
      await trackWithScores(ctx, {
        client,
        createdBy: staff.worker.id,
        serviceType: type,
        startedOn: day,
        baseline: 6 + (seed % 4),
        followUp: 4 + (seed % 5),
      });
    }
  }
  ctx.clock.set(new Date('2026-06-20T10:00:00Z'));
  coordinator = await loginAs(app, staff.coordinator);
  query = `municipality=${nis}&from=2026-01&to=2026-06&instrument=djg-11`;
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: coordinator.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

/** Every figure any source shows, by name; a name shown in one source and hidden in another is a leak too. */
class Knowledge {
  readonly shown = new Map<string, number>();
  readonly hidden = new Set<string>();
  add(name: string, cell: { value: number | null; suppressed: boolean }, source: string) {
    if (cell.suppressed) this.hidden.add(name);
    else if (cell.value !== null) {
      const before = this.shown.get(name);
      if (before !== undefined) expect(before, `${name} in ${source}`).toBe(cell.value);
      this.shown.set(name, cell.value);
    }
  }
  table(prefix: string, t: CountTableView | null, source: string) {
    if (!t) return;
    for (const r of t.rows) {
      r.cells.forEach((c, i) => {
        this.add(`${prefix}|${r.key}|${t.columns[i]}`, c, source);
      });
      if (r.total) this.add(`${prefix}|${r.key}|*`, r.total, source);
    }
    t.columnTotals?.forEach((c, i) => {
      this.add(`${prefix}|*|${t.columns[i]}`, c, source);
    });
    if (t.total) this.add(`${prefix}|*|*`, t.total, source);
  }
}

/** Solves the linear relations as far as they go (Gauss–Jordan over the unknowns), written apart from the plan's. */
function attack(
  known: Map<string, number>,
  unknown: string[],
  relations: { total: string; parts: string[] }[],
) {
  const col = new Map(unknown.map((u, i) => [u, i]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array(unknown.length + 1).fill(0);
    let constant = 0;
    let ok = true;
    const term = (name: string, sign: number) => {
      const c = col.get(name);
      if (c !== undefined) row[c] += sign;
      else if (known.has(name)) constant -= sign * (known.get(name) as number);
      else ok = false;
    };
    term(r.total, 1);
    for (const p of r.parts) term(p, -1);
    if (!ok) continue;
    row[unknown.length] = constant;
    rows.push(row);
  }
  const solved = new Map<string, number>();
  let rank = 0;
  for (let c = 0; c < unknown.length; c++) {
    const pivot = rows.findIndex((r, i) => i >= rank && Math.abs(r[c] as number) > 1e-9);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot] as number[], rows[rank] as number[]];
    const p = rows[rank] as number[];
    const f = p[c] as number;
    for (let k = 0; k < p.length; k++) p[k] = (p[k] as number) / f;
    rows.forEach((r, i) => {
      if (i === rank) return;
      const g = r[c] as number;
      if (Math.abs(g) > 1e-12)
        for (let k = 0; k < r.length; k++) r[k] = (r[k] as number) - g * (p[k] as number);
    });
    rank += 1;
  }
  for (const r of rows.slice(0, rank)) {
    const nonzero = r.slice(0, unknown.length).flatMap((v, i) => (Math.abs(v) > 1e-9 ? [i] : []));
    if (nonzero.length === 1)
      solved.set(unknown[nonzero[0] as number] as string, Math.round(r[unknown.length] as number));
  }
  return solved;
}

function tableRelations(prefix: string, rows: string[], columns: string[], withMargins: boolean) {
  const out: { total: string; parts: string[] }[] = [];
  for (const r of rows)
    out.push({ total: `${prefix}|${r}|*`, parts: columns.map((c) => `${prefix}|${r}|${c}`) });
  if (withMargins) {
    for (const c of columns)
      out.push({ total: `${prefix}|*|${c}`, parts: rows.map((r) => `${prefix}|${r}|${c}`) });
    out.push({ total: `${prefix}|*|*`, parts: rows.map((r) => `${prefix}|${r}|*`) });
    out.push({ total: `${prefix}|*|*`, parts: columns.map((c) => `${prefix}|*|${c}`) });
  }
  return out;
}

describe('an attempt to recover hidden figures', () => {
  it('finds nothing from the views, their totals, both period groupings and the CSV', async () => {
    const k = new Knowledge();
    const reach = (await get(`/api/insights/reach?${query}`)).json() as ReachView;
    const types = reach.participants.rows.map((r) => r.key);
    const months = reach.participants.columns;
    k.table('participants', reach.participants, 'reach');
    k.table('clients', reach.clients, 'reach');
    k.table('postcode', reach.neighbourhoods, 'reach');
    // The same counts in the CSV export.
    const csv = parse((await get(`/api/insights/export.csv?view=reach&${query}`)).body, { columns: true });
    for (const r of csv as Record<string, string>[]) {
      const prefix = r.table === 'neighbourhoods' ? 'postcode' : (r.table as string);
      k.add(
        `${prefix}|${r.row}|${r.column}`,
        { value: r.value === '' ? null : Number(r.value), suppressed: r.suppressed === '1' },
        'csv',
      );
    }
    // Pairs per type by quarter and by year, and per type over all (what works).
    const years = (await get(`/api/insights/change?${query}&period=year`)).json() as ChangeView;
    const quarters = (await get(`/api/insights/change?${query}&period=quarter`)).json() as ChangeView;
    const works = (await get(`/api/insights/what-works?${query}`)).json() as WhatWorksView;
    for (const v of [years, quarters])
      for (const c of v.instruments[0]?.cells ?? [])
        k.add(`pairs|${c.key === 'all' ? '*' : c.key}|${c.period === 'all' ? '*' : c.period}`, c.n, 'change');
    for (const t of works.instruments[0]?.types ?? []) k.add(`pairs|${t.key}|*`, t.n, 'what-works');
    k.add('pairs|*|*', works.instruments[0]?.overall.n ?? { value: null, suppressed: true }, 'what-works');

    // Nothing is shown in one place and hidden in another.
    for (const name of k.hidden)
      expect(k.shown.has(name), `${name} is hidden somewhere but shown elsewhere`).toBe(false);
    expect(k.hidden.size).toBeGreaterThan(0);

    const q = quarters.instruments[0]?.periods ?? [];
    const y = years.instruments[0]?.periods ?? [];
    const postcodes = reach.neighbourhoods?.rows.map((r) => r.key) ?? [];
    const relations = [
      ...tableRelations('participants', types, months, true),
      ...tableRelations('clients', ['all'], months, false),
      { total: 'clients|all|*', parts: postcodes.map((p) => `postcode|${p}|clients`) },
      { total: 'participants|*|*', parts: postcodes.map((p) => `postcode|${p}|participants`) },
      ...tableRelations('pairs', types, q, true),
      ...tableRelations('pairs', types, y, true),
      ...types.flatMap((t) =>
        y.map((yr) => ({
          total: `pairs|${t}|${yr}`,
          parts: q.filter((x) => x.startsWith(yr)).map((x) => `pairs|${t}|${x}`),
        })),
      ),
      ...y.map((yr) => ({
        total: `pairs|*|${yr}`,
        parts: q.filter((x) => x.startsWith(yr)).map((x) => `pairs|*|${x}`),
      })),
    ];
    const solved = attack(k.shown, [...k.hidden], relations);
    // Small cells are hidden, and none of the hidden figures can be worked out.
    expect(k.hidden.has('participants|buddy|2026-02')).toBe(true);
    expect(k.hidden.has('participants|meeting_place|2026-05')).toBe(true);
    expect([...solved.entries()]).toEqual([]);
  });

  it('would find a hidden figure if the complements were not there (the attack works)', () => {
    // Row total 30 shown, cells 25 shown and 5 hidden: one relation, one unknown.
    const solved = attack(
      new Map([
        ['t|a|*', 30],
        ['t|a|x', 25],
      ]),
      ['t|a|y'],
      [{ total: 't|a|*', parts: ['t|a|x', 't|a|y'] }],
    );
    expect(solved.get('t|a|y')).toBe(5);
  });
});
