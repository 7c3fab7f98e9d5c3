import { AppError, invalidField } from '../../platform/errors.ts';

export const unknownMunicipality = () =>
  invalidField('querystring.municipality', 'insights.unknown_municipality');
/** A municipality none of your organisations works in: refused, naming the parameter. */
export const municipalityNotYours = () =>
  new AppError('insights.municipality_not_yours', 403, {}, [
    { field: 'querystring.municipality', code: 'insights.municipality_not_yours' },
  ]);
export const municipalityRequired = () =>
  invalidField('querystring.municipality', 'insights.municipality_required');
export const fromAfterTo = () => invalidField('querystring.from', 'insights.from_after_to');
export const rangeTooLong = (max: number) =>
  invalidField('querystring.to', 'insights.range_too_long', { max });
