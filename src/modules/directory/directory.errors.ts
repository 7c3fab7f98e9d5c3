import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';

export const entryNotFound = () => notFound('directory.not_found');
export const invalidTransition = (status: string) => conflict('directory.invalid_transition', { status });
export const unknownMunicipality = () => invalidField('municipalityId', 'directory.unknown_municipality');
export const invalidByday = (index: number) =>
  invalidField(`schedules.${index}.byday`, 'directory.invalid_byday');
export const invalidLocationIndex = (index: number) =>
  invalidField(`schedules.${index}.locationIndex`, 'directory.invalid_location_index');
export const unknownPostcode = (postcode: string) =>
  new AppError('validation.failed', 400, {}, [
    { field: 'querystring.near', code: 'directory.unknown_postcode', params: { postcode } },
  ]);
export const unknownPlace = (near: string) =>
  new AppError('validation.failed', 400, {}, [
    { field: 'querystring.near', code: 'directory.unknown_place', params: { near } },
  ]);
