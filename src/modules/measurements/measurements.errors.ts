import { AppError, type FieldProblem, invalid, invalidField } from '../../platform/errors.ts';

export const unknownInstrument = (id: string) => new AppError('measurements.unknown_instrument', 404, { id });
export const invalidAnswers = (problems: FieldProblem[]) => invalid(problems);
export const invalidTakenOn = () => invalidField('takenOn', 'measurements.taken_on_out_of_range');
export const trackMismatch = () => invalidField('trackId', 'measurements.track_mismatch');
export const occasionTaken = () => new AppError('measurements.occasion_taken', 409);
/** Unknown and malformed links get the same answer: a link reveals nothing. */
export const linkUnknown = () => new AppError('measurements.link_unknown', 404);
export const linkUsed = () => new AppError('measurements.link_used', 409);
export const linkExpired = () => new AppError('measurements.link_expired', 410);
export const trackNotFound = () => new AppError('measurements.track_not_found', 404);
export const trackServiceRequired = () => invalidField('serviceId', 'measurements.track_service_required');
