import { describe, expect, it } from 'vitest';
import {
  canTransition,
  comparable,
  duplicateReasons,
  newReference,
  normaliseReference,
  publicStatus,
  statusAfterContact,
} from './signals.models.ts';

describe('references', () => {
  it('are four groups of four Crockford base32 characters, 80 random bits', () => {
    expect(newReference()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(newReference(() => new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(newReference(() => new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('differ every time they are drawn', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => newReference()));
    expect(seen.size).toBe(2000);
  });

  it('read back whatever the case, spacing or dashes, and with O, I and L typed for 0, 1 and 1', () => {
    expect(normaliseReference('k7qm 3xrt-9pzd w2ha')).toBe('K7QM-3XRT-9PZD-W2HA');
    expect(normaliseReference('OIL0-0000-0000-0000')).toBe('0110-0000-0000-0000');
  });

  it('refuse what cannot be a reference', () => {
    expect(normaliseReference('K7QM-3XRT-9PZD')).toBeNull();
    expect(normaliseReference('K7QM-3XRT-9PZD-W2HU')).toBeNull();
    expect(normaliseReference('<script>alert(1)</script>')).toBeNull();
  });
});

describe('the lifecycle', () => {
  it('goes from new through triage, assignment and contact to closed', () => {
    expect(canTransition('new', 'triaged')).toBe(true);
    expect(canTransition('triaged', 'assigned')).toBe(true);
    expect(canTransition('assigned', 'contact_attempted')).toBe(true);
    expect(canTransition('contact_attempted', 'in_contact')).toBe(true);
    expect(canTransition('in_contact', 'closed')).toBe(true);
  });

  it('never leaves closed and never goes back to new', () => {
    for (const to of ['new', 'triaged', 'assigned', 'contact_attempted', 'in_contact', 'closed'] as const)
      expect(canTransition('closed', to)).toBe(false);
    expect(canTransition('triaged', 'new')).toBe(false);
    expect(canTransition('new', 'in_contact')).toBe(false);
  });

  it('shows the reporter only received, being handled or closed', () => {
    expect(publicStatus('new')).toBe('received');
    expect(publicStatus('triaged')).toBe('being_handled');
    expect(publicStatus('in_contact')).toBe('being_handled');
    expect(publicStatus('closed')).toBe('closed');
  });
});

describe('a contact attempt', () => {
  it('puts the signal in contact when the person was reached, or refused, and otherwise records the attempt', () => {
    expect(statusAfterContact('assigned', 'not_reached')).toBe('contact_attempted');
    expect(statusAfterContact('contact_attempted', 'not_reached')).toBe('contact_attempted');
    expect(statusAfterContact('assigned', 'reached')).toBe('in_contact');
    expect(statusAfterContact('contact_attempted', 'refused')).toBe('in_contact');
  });

  it('never takes a signal out of contact again', () => {
    expect(statusAfterContact('in_contact', 'not_reached')).toBe('in_contact');
  });
});

describe('possible duplicates', () => {
  const none = {
    person_name: null,
    person_street: null,
    person_postcode: null,
    reporter_email: null,
    reporter_phone: null,
  };

  it('match the same address whatever the spelling of case, accents and punctuation', () => {
    expect(
      duplicateReasons(
        { ...none, person_street: 'Dorpsstraat 1', person_postcode: '8000' },
        { ...none, person_street: ' dorpsstraat, 1 ', person_postcode: '8000' },
      ),
    ).toEqual(['same_address']);
    expect(
      duplicateReasons(
        { ...none, person_street: 'Dorpsstraat 1', person_postcode: '8000' },
        { ...none, person_street: 'Dorpsstraat 1', person_postcode: '8200' },
      ),
    ).toEqual([]);
  });

  it('match the same person and the same reporter', () => {
    expect(
      duplicateReasons(
        { ...none, person_name: 'Mevrouw Hélène Voorbeeld', reporter_phone: '050 12 34 56' },
        { ...none, person_name: 'mevrouw helene voorbeeld', reporter_phone: '050/12.34.56' },
      ),
    ).toEqual(['same_person', 'same_reporter']);
  });

  it('never match on what is missing', () => {
    expect(duplicateReasons(none, none)).toEqual([]);
    expect(comparable(' -- ')).toBeNull();
  });
});
