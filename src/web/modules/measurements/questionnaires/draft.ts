import type { Definition, Item, ScaleType } from './types.ts';

// The builder's editable copy of a definition: every field a string as typed,
// turned into the API's shape only when saved (the server names what is wrong).

const LOCALES = ['nl-BE', 'fr-BE', 'en'] as const;
export type DraftLocale = (typeof LOCALES)[number];
export type DraftText = Record<DraftLocale, string>;
export interface DraftOption {
  key: string;
  code: string;
  /** False while the code follows the label; true once the coordinator typed it. */
  codeTouched: boolean;
  label: DraftText;
}
export interface DraftItem {
  key: string;
  code: string;
  text: DraftText;
  required: boolean;
  type: ScaleType;
  options: DraftOption[];
  min: string;
  max: string;
  maxLength: string;
}
export interface Draft {
  title: DraftText;
  intro: DraftText;
  items: DraftItem[];
}

let counter = 0;
const newKey = () => `k${++counter}`;
export const emptyText = (): DraftText => ({ 'nl-BE': '', 'fr-BE': '', en: '' });

/** A code from a label: lower case, no accents, _ between words, starting with a letter. */
export function codeFrom(label: string): string {
  const base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 38);
  if (!base) return '';
  return /^[a-z]/.test(base) ? base : `a_${base}`;
}

export function newOption(): DraftOption {
  return { key: newKey(), code: '', codeTouched: false, label: emptyText() };
}

export function newItem(items: readonly DraftItem[]): DraftItem {
  const taken = new Set(items.map((i) => i.code));
  let n = items.length + 1;
  while (taken.has(`vraag_${n}`)) n += 1;
  return {
    key: newKey(),
    code: `vraag_${n}`,
    text: emptyText(),
    required: true,
    type: 'choice',
    options: [newOption(), newOption()],
    min: '0',
    max: '10',
    maxLength: '200',
  };
}

export function emptyDraft(): Draft {
  return { title: emptyText(), intro: emptyText(), items: [newItem([])] };
}

const draftText = (text: Partial<DraftText> | null | undefined): DraftText => ({
  'nl-BE': text?.['nl-BE'] ?? '',
  'fr-BE': text?.['fr-BE'] ?? '',
  en: text?.en ?? '',
});

export function draftFrom(definition: Definition): Draft {
  return {
    title: draftText(definition.title),
    intro: draftText(definition.intro),
    items: definition.items.map((item) => ({
      ...newItem([]),
      code: item.code,
      text: draftText(item.text),
      required: item.required,
      type: item.scale.type,
      options:
        item.scale.type === 'choice'
          ? item.scale.options.map((o) => ({
              key: newKey(),
              code: o.code,
              codeTouched: true,
              label: draftText(o.label),
            }))
          : [newOption(), newOption()],
      min: item.scale.type === 'number' ? String(item.scale.min) : '0',
      max: item.scale.type === 'number' ? String(item.scale.max) : '10',
      maxLength: item.scale.type === 'text' ? String(item.scale.maxLength) : '200',
    })),
  };
}

/** Dutch always (empty: the server says it is needed); other languages only when written. */
function localized(text: DraftText): Definition['title'] {
  const out: Record<string, string> = { 'nl-BE': text['nl-BE'] };
  for (const l of LOCALES) if (l !== 'nl-BE' && text[l].trim() !== '') out[l] = text[l];
  return out as Definition['title'];
}

/** A number as typed: a number when it is one, otherwise the text (the server names the field). */
const numberOr = (value: string): number => {
  const n = Number(value);
  return (value.trim() !== '' && Number.isFinite(n) ? n : value) as number;
};

function scaleOf(item: DraftItem): Item['scale'] {
  switch (item.type) {
    case 'choice':
      return {
        type: 'choice',
        options: item.options.map((o) => ({ code: o.code, label: localized(o.label) })),
      };
    case 'number':
      return { type: 'number', min: numberOr(item.min), max: numberOr(item.max) };
    case 'yes_no':
      return { type: 'yes_no' };
    case 'text':
      return { type: 'text', maxLength: numberOr(item.maxLength) };
  }
}

export function definitionFrom(draft: Draft): Definition {
  const hasIntro = Object.values(draft.intro).some((v) => v.trim() !== '');
  return {
    title: localized(draft.title),
    intro: hasIntro ? localized(draft.intro) : null,
    items: draft.items.map((item) => ({
      code: item.code,
      text: localized(item.text),
      required: item.required,
      scale: scaleOf(item),
    })),
  };
}
