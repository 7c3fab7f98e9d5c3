import { AppError, invalidField, notFound } from '../../platform/errors.ts';

export const unknownPostcode = () => invalidField('postcode', 'signals.unknown_postcode');
export const unknownMunicipality = () => invalidField('municipality', 'signals.unknown_municipality');
export const placeRequired = () => invalidField('postcode', 'signals.place_required');
export const noMeldpunt = (field: 'postcode' | 'municipality') => invalidField(field, 'signals.no_meldpunt');
export const contactRequired = () => invalidField('reporter.phone', 'signals.contact_required');
export const signalNotFound = () => notFound('signals.not_found');
/** Unknown and malformed references get this same answer. */
export const referenceUnknown = () => notFound('signals.reference_unknown');
export const transitionNotAllowed = (from: string, to: string) =>
  new AppError('signals.transition_not_allowed', 409, { from, to });
export const outcomeRequired = () => invalidField('outcome', 'signals.outcome_required');
export const outcomeOnlyWhenClosing = () => invalidField('outcome', 'signals.outcome_only_when_closing');
export const organisationNotInMunicipality = () =>
  invalidField('organisationId', 'signals.organisation_not_in_municipality');
export const userNotInOrganisation = () => invalidField('userId', 'signals.user_not_in_organisation');
export const notAMember = () => invalidField('reporterOrganisationId', 'signals.not_a_member');
export const cannotMergeIntoItself = () => invalidField('intoId', 'signals.cannot_merge_into_itself');
