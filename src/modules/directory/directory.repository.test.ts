import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { findChildren, findServices } from './directory.repository.ts';

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
});
