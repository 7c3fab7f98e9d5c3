import { describe, expect, it } from 'vitest';
import { sampleEntry } from './directory.fixtures.ts';
import { changedFields, facetCodes, fold, parseQuery, transition } from './directory.models.ts';
import { isStale } from './directory.presenters.ts';

describe('directory models', () => {
  it('folds accents and case', () => {
    expect(fold('Café Één')).toBe('cafe een');
  });

  it('splits a query into words with their synonyms, dropping stopwords', () => {
    const words = parseQuery('Een bezoekje voor eenzame mensen');
    expect(words.map((w) => w.word)).toEqual(['bezoekje', 'eenzame', 'mensen']);
    expect(words[0]?.alternatives).toContain('bezoek');
    expect(words[1]?.alternatives).toContain('alleen');
  });

  it('lists every filter code of an entry once', () => {
    const codes = facetCodes(sampleEntry({ name: 'x' }));
    expect(codes).toContain('type:meeting_place');
    expect(codes).toContain('day:TU');
    expect(codes).toContain('accessibility:wheelchair');
    expect(codes).toContain('language:nl');
  });

  it('allows publish from draft and refuses archive twice', () => {
    expect(transition('draft', 'publish')).toBe('published');
    expect(transition('archived', 'archive')).toBeNull();
    expect(transition('archived', 'reopen')).toBe('draft');
  });

  it('flags an entry nobody checked for twelve months as stale', () => {
    const now = new Date('2027-03-03T00:00:00Z');
    expect(isStale({ assured_date: '2026-03-02', created_at: new Date('2020-01-01') }, now)).toBe(true);
    expect(isStale({ assured_date: '2026-03-04', created_at: new Date('2020-01-01') }, now)).toBe(false);
    expect(isStale({ assured_date: null, created_at: new Date('2026-06-01') }, now)).toBe(false);
  });

  it('records only the fields that changed', () => {
    const a = sampleEntry({ name: 'A' });
    expect(changedFields(a, { ...a, name: 'B' })).toEqual([
      { field: 'name', previous: 'A', replacement: 'B' },
    ]);
  });
});
