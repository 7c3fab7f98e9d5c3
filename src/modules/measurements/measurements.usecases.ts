import type { ScoreBody } from '../../contracts/measurements.ts';
import { findInstrument, INSTRUMENTS } from './instruments/index.ts';
import type { InstrumentDefinition } from './instruments/instrument.ts';
import { invalidAnswers, unknownInstrument } from './measurements.errors.ts';
import { checkAnswers, checkThreshold, type ScoreResult, score } from './measurements.models.ts';

// Scoring is a pure function of the answers and the instrument data: these use cases need no
// database, clock or tenant, which is why the endpoints can be public and stateless.

/** Every validated instrument. */
export function listInstruments(): InstrumentDefinition[] {
  return Object.values(INSTRUMENTS);
}

/** One instrument by its id; a 404 problem when there is none. */
export function getInstrument({ instrumentId }: { instrumentId: string }): InstrumentDefinition {
  const definition = findInstrument(instrumentId);
  if (!definition) throw unknownInstrument(instrumentId);
  return definition;
}

/**
 * Scores one response without storing anything. Every answer problem comes
 * back at once, named by its field; a threshold outside the instrument's
 * range, or for an instrument without one, is refused.
 */
export function scoreInstrument({
  instrumentId,
  answers,
  threshold,
}: {
  instrumentId: string;
  answers: ScoreBody['answers'];
  threshold?: number | undefined;
}): ScoreResult {
  const definition = getInstrument({ instrumentId });
  const checked = checkAnswers(definition, answers);
  const problems = checked.ok ? [] : [...checked.problems];
  const thresholdProblem = threshold === undefined ? null : checkThreshold(definition, threshold);
  if (thresholdProblem) problems.push(thresholdProblem);
  if (!checked.ok || problems.length > 0) throw invalidAnswers(problems);
  return score(definition, checked.sheet, threshold === undefined ? {} : { threshold });
}
