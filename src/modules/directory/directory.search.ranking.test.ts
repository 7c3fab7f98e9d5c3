import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { platformAdmin as admin, createTenant } from '../../../test/harness/factories.ts';
import { searchQuery } from '../../contracts/directory.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';
import { sampleEntry } from './directory.fixtures.ts';
import { parseQuery } from './directory.models.ts';
import { resolveEditorScope } from './directory.scope.usecases.ts';
import { nearWords } from './directory.search.repository.ts';
import { searchDirectory } from './directory.search.usecases.ts';
import { changeStatus, createEntry } from './directory.usecases.ts';

let ctx: TestContext;
const names = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGazetteerLoaded(ctx);
  const t = await createTenant(ctx, { nisCode: '31005' });
  const scope = await resolveEditorScope({ ctx, principal: admin });
  // Alphabetically the synonym-only text comes first: only the ranking can put it last.
  const entries: [string, string, string][] = [
    ['synonym', 'Praatgroep De Abeel', 'Voor wie zich alleen voelt.'],
    ['close', 'Praatgroep De Beuk', 'Samen tegen eenzaamheid.'],
    ['whole', 'Praatgroep De Linde', 'Voor wie zich eenzaam voelt.'],
  ];
  for (const [key, name, description] of entries) {
    const { id } = await createEntry({
      ctx,
      principal: admin,
      scope,
      ip: '127.0.0.1',
      organisationId: t.organisation.id,
      municipalityId: t.municipality.id,
      entry: sampleEntry({ name, description }),
    });
    await changeStatus({ ctx, principal: admin, scope, ip: '127.0.0.1', id, action: 'publish' });
    names.set(name, key);
  }
});
afterAll(async () => {
  await ctx.close();
});

const ranked = async (q: string) => {
  const answer = await searchDirectory({ ctx, query: searchQuery.parse({ q }) });
  return answer.results.map((r) => names.get(r.name));
};

describe('directory search ranking', () => {
  it('puts the typed word first, then a close word, then a match through a synonym only', async () => {
    expect(await ranked('eenzaam')).toEqual(['whole', 'close', 'synonym']);
  });

  it('weighs close words by how close they are, the closest first', async () => {
    const [eenzaam] = await nearWords(ctx.db, parseQuery('eenzaam'));
    expect(eenzaam?.similar[0]).toEqual({ word: 'eenzaam', similarity: 1 });
    const heid = eenzaam?.similar.find((s) => s.word === 'eenzaamheid');
    expect(heid?.similarity).toBeGreaterThanOrEqual(0.6);
    expect(heid?.similarity).toBeLessThan(1);
    // Found by its own prefix, "eenzaamheid" widens nothing: no row is searched for it.
    expect(eenzaam?.close).toEqual([]);
  });
});
