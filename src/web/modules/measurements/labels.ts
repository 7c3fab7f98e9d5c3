import type { T } from '../../i18n.ts';

/** "Start" or "Na 3 maanden": a moment of a follow-up. */
export function occasionLabel(t: T, months: number): string {
  return months === 0
    ? t('measurements.tracks.baseline')
    : t('measurements.tracks.followUp', { count: months });
}
