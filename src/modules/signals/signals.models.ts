export const SIGNAL_STATUSES = [
  'new',
  'triaged',
  'assigned',
  'contact_attempted',
  'in_contact',
  'closed',
] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const SIGNAL_OUTCOMES = [
  'support_accepted',
  'referred_to_initiative',
  'already_known',
  'declined',
  'person_not_found',
  'no_concern',
  'moved_or_deceased',
] as const;
export type SignalOutcome = (typeof SIGNAL_OUTCOMES)[number];

export const SIGNAL_URGENCIES = ['low', 'normal', 'high'] as const;
export type SignalUrgency = (typeof SIGNAL_URGENCIES)[number];

export type SignalSource = 'citizen' | 'professional';

/** What someone may have noticed; the form shows them as checkboxes. */
export const SIGNAL_SIGNS = [
  'rarely_leaves_house',
  'no_visitors',
  'neglected_home',
  'mail_piling_up',
  'recent_loss',
  'says_feels_alone',
  'health_decline',
  'money_worries',
] as const;

export const CONTACT_METHODS = ['visit', 'phone', 'letter', 'via_neighbour', 'other'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_RESULTS = ['not_reached', 'reached', 'refused'] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

/** How the person was told that the meldpunt holds data about them (GDPR art. 14). */
export const INFORMATION_METHODS = ['in_person', 'phone', 'letter', 'other'] as const;
export type InformationMethod = (typeof INFORMATION_METHODS)[number];
/** The exceptions of GDPR art. 14(5) b, c and d under which the person is not told. */
export const INFORMATION_EXCEPTIONS = [
  'disproportionate_effort',
  'impairs_objectives',
  'legal_obligation',
  'professional_secrecy',
] as const;
export type InformationException = (typeof INFORMATION_EXCEPTIONS)[number];

/** The statuses in which the assigned worker reaches out (and logs it). */
export const OUTREACH_STATUSES: readonly SignalStatus[] = ['assigned', 'contact_attempted', 'in_contact'];

/**
 * Where a logged contact attempt takes the signal: reaching the person means
 * in contact; otherwise an attempt was made. Once in contact, a later attempt
 * that fails does not undo it. Refusing is still contact: closing it (declined)
 * is the worker's decision.
 */
export function statusAfterContact(status: SignalStatus, result: ContactResult): SignalStatus {
  if (status === 'in_contact' || result !== 'not_reached') return 'in_contact';
  return 'contact_attempted';
}

/** The only thing a reporter may learn about their report. */
export type PublicStatus = 'received' | 'being_handled' | 'closed';

export function publicStatus(status: SignalStatus): PublicStatus {
  if (status === 'new') return 'received';
  if (status === 'closed') return 'closed';
  return 'being_handled';
}

/**
 * The lifecycle. Closing is possible from every open state (a signal can turn
 * out to be no concern at triage); assigning again is how a signal is handed
 * to another organisation.
 */
const NEXT: Record<SignalStatus, readonly SignalStatus[]> = {
  new: ['triaged', 'assigned', 'closed'],
  triaged: ['assigned', 'closed'],
  assigned: ['assigned', 'contact_attempted', 'in_contact', 'closed'],
  contact_attempted: ['assigned', 'contact_attempted', 'in_contact', 'closed'],
  in_contact: ['closed'],
  closed: [],
};

export const canTransition = (from: SignalStatus, to: SignalStatus): boolean => NEXT[from].includes(to);

// Crockford's base32: no I, L, O or U, so a reference read aloud or typed over is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_CHARS = 16;

/** A new reference: 80 random bits as four groups of four, e.g. `K7QM-3XRT-9PZD-W2HA`. */
export function newReference(
  random: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
): string {
  const bytes = random(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = REFERENCE_CHARS - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/**
 * A typed reference in its stored form, or null when it cannot be one:
 * case, spaces and dashes do not matter, and the letters people confuse with
 * digits (O, I, L) count as those digits.
 */
export function normaliseReference(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== REFERENCE_CHARS || ![...chars].every((c) => ALPHABET.includes(c))) return null;
  return chars.match(/.{4}/g)?.join('-') ?? null;
}

/** Limits for the public endpoints, per IP address. */
export const RATE_LIMITS = {
  report: { max: 10, windowMinutes: 60 },
  status: { max: 30, windowMinutes: 15 },
} as const;

/** How far back possible duplicates are looked for. */
export const DUPLICATE_WINDOW_DAYS = 90;

export type DuplicateReason = 'same_address' | 'same_person' | 'same_reporter';

/** Text compared as people mean it: case, accents, punctuation and spacing do not matter. */
export function comparable(value: string | null | undefined): string | null {
  if (!value) return null;
  const folded = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded === '' ? null : folded;
}

const digits = (value: string | null | undefined) => value?.replace(/\D/g, '') || null;

interface DuplicateFields {
  person_name: string | null;
  person_street: string | null;
  person_postcode: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
}

/** Why two signals may be about the same person (or from the same reporter); empty when nothing matches. */
export function duplicateReasons(a: DuplicateFields, b: DuplicateFields): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const street = comparable(a.person_street);
  if (
    street &&
    street === comparable(b.person_street) &&
    (a.person_postcode ?? '') === (b.person_postcode ?? '')
  )
    reasons.push('same_address');
  const name = comparable(a.person_name);
  if (name && name === comparable(b.person_name)) reasons.push('same_person');
  const email = a.reporter_email?.toLowerCase();
  const phone = digits(a.reporter_phone);
  if ((email && email === b.reporter_email?.toLowerCase()) || (phone && phone === digits(b.reporter_phone)))
    reasons.push('same_reporter');
  return reasons;
}

/**
 * The service levels when a municipality set none: working days to triage and
 * to a first contact attempt, and months a closed signal keeps personal data.
 */
export const DEFAULT_SERVICE_LEVELS = {
  triageWorkingDays: 2,
  contactWorkingDays: 5,
  retentionMonths: 12,
} as const;

export type EscalationStep = 'triage' | 'contact';

/** Whether a deadline's step is still to be done: triage leaves "new"; contact is a first attempt (or closing). */
export function stepOpen(step: EscalationStep, status: SignalStatus): boolean {
  if (step === 'triage') return status === 'new';
  return status === 'new' || status === 'triaged' || status === 'assigned';
}

/** Overdue: a step still open after its deadline. */
export function isOverdue(
  s: { status: SignalStatus; triage_due_at: Date; contact_due_at: Date },
  now: Date,
): boolean {
  return (
    (stepOpen('triage', s.status) && now >= s.triage_due_at) ||
    (stepOpen('contact', s.status) && now >= s.contact_due_at)
  );
}
