import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';

export const unknownInstrument = (id: string) => new AppError('measurements.unknown_instrument', 404, { id });
export const invalidAnswers = (problems: FieldProblem[]) => invalid(problems);
