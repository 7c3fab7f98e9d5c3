import { describe, expect, it } from 'vitest';
import { TAXONOMIES } from '../../contracts/directory-vocabulary.ts';
import { taxonomies, termId, terms } from './directory.terms.ts';

describe('the vocabulary', () => {
  it('names every code in Dutch and gives every term and taxonomy its own id', () => {
    const all = [...terms.values()];
    expect(all).toHaveLength(Object.values(TAXONOMIES).flat().length);
    for (const t of all) expect(t.name).not.toBe(t.code);
    const ids = [...all.map((t) => t.id), ...taxonomies.map((t) => t.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps ids stable across installations (md5 of the code)', () => {
    expect(termId('type', 'buddy')).toBe('821a9455-c385-aeb3-3f0a-d3a8387c92f7');
  });
});
