import {
  EMOTIONAL_BONDS,
  PARENTAGE_KINDS,
  PARTNERSHIP_STATUSES,
  SECTORS,
  SEXES,
  type Sector,
} from '../../contracts/networks.ts';
import type { TieStyle } from './networks.layout.ts';

type Sex = (typeof SEXES)[number];
type Status = (typeof PARTNERSHIP_STATUSES)[number];
type Kind = (typeof PARENTAGE_KINDS)[number];
type Bond = (typeof EMOTIONAL_BONDS)[number];

/** Every text the drawings need, already translated. */
export type Labels = {
  ecogramTitle: string;
  genogramTitle: string;
  legend: string;
  /** The person in the middle of the ecogram. */
  client: string;
  sectors: Record<Sector, string>;
  ties: Record<TieStyle, string>;
  support: string;
  formal: string;
  informal: string;
  sexes: Record<Sex, string>;
  deceased: string;
  index: string;
  partnerships: Record<Status, string>;
  parentage: Record<Kind, string>;
  bonds: Record<Bond, string>;
  household: string;
};

const TIE_STYLES: readonly TieStyle[] = ['strong', 'weak', 'stressful'];

const each = <K extends string>(keys: readonly K[], text: (key: K) => string) =>
  Object.fromEntries(keys.map((k) => [k, text(k)])) as Record<K, string>;

/** The labels from the `networks.drawing`, `networks.sectors` keys of networks.json. */
export function drawingLabels(t: (key: string) => string): Labels {
  const d = (key: string) => t(`networks.drawing.${key}`);
  return {
    ecogramTitle: d('ecogramTitle'),
    genogramTitle: d('genogramTitle'),
    legend: d('legend'),
    client: d('client'),
    sectors: each(SECTORS, (s) => t(`networks.sectors.${s}`)),
    ties: each(TIE_STYLES, (s) => d(`ties.${s}`)),
    support: d('support'),
    formal: d('formal'),
    informal: d('informal'),
    sexes: each(SEXES, (s) => d(`sexes.${s}`)),
    deceased: d('deceased'),
    index: d('index'),
    partnerships: each(PARTNERSHIP_STATUSES, (s) => d(`partnerships.${s}`)),
    parentage: each(PARENTAGE_KINDS, (s) => d(`parentage.${s}`)),
    bonds: each(EMOTIONAL_BONDS, (s) => d(`bonds.${s}`)),
    household: d('household'),
  };
}
