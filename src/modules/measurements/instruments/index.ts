import { direct } from './direct.ts';
import { djg6, djg11 } from './djg.ts';
import type { InstrumentDefinition, InstrumentId } from './instrument.ts';
import { ucla3 } from './ucla.ts';

/** Every validated instrument, in the order they are listed. */
export const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  'djg-11': djg11,
  'djg-6': djg6,
  'ucla-3': ucla3,
  direct,
};

export function findInstrument(id: string): InstrumentDefinition | undefined {
  return Object.hasOwn(INSTRUMENTS, id) ? INSTRUMENTS[id as InstrumentId] : undefined;
}
