import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { loadDemo } from '../demo/demo.usecases.ts';
import { loadSignalsDemo } from './signals.demo.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('the demo meldpunt', () => {
  it('holds a few invented signals in Brugge, run by the demo Sociaal Huis, loaded once', async () => {
    await loadDemo({ ctx });
    expect(await loadSignalsDemo({ ctx })).toEqual({ loaded: 0 });
    const rows = await ctx.db
      .selectFrom('signals')
      .innerJoin('organisations', 'organisations.id', 'signals.organisation_id')
      .innerJoin('municipalities', 'municipalities.id', 'signals.municipality_id')
      .select(['organisations.name as meldpunt', 'municipalities.nis_code', 'signals.description'])
      .execute();
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r).toMatchObject({ meldpunt: 'Sociaal Huis Brugge (demo)', nis_code: '31005' });
      expect(r.description).toContain('(demo)');
    }
  });
});
