import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { chunks, findChildren, findServices, MAX_PARAMETERS } from './directory.repository.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('the directory repository', () => {
  it('looks up more services at once than PostgreSQL allows parameters (65,535)', async () => {
    const ids = Array.from({ length: 70_000 }, () => randomUUID());
    expect(await findServices(ctx.db, ids)).toEqual([]);
    const children = await findChildren(
      ctx.db,
      ids.map((id) => ({ organisation_id: randomUUID(), id })),
    );
    expect(children.size).toBe(70_000);
  });

  it('splits rows into statements that stay below the parameter limit', () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => i);
    expect(chunks(rows, 30).map((c) => c.length)).toEqual([1_000, 1_000, 500]);
    const wide = chunks(rows, 200);
    expect(wide.every((c) => c.length * 200 <= MAX_PARAMETERS)).toBe(true);
    expect(wide.flat()).toEqual(rows);
    expect(chunks([], 30)).toEqual([]);
  });
});
