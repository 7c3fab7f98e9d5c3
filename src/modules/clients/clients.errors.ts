import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';

/** Unknown clients and clients this person may not see get the same answer. */
export const clientNotFound = () => notFound('clients.not_found');
/** The person withdrew their consent to be registered: nothing new is recorded about them. */
export const consentWithdrawn = () => new AppError('clients.consent_withdrawn', 409);
/** A member of the organisation whose role does not allow this (an admin, an unassigned volunteer). */
export const notAllowed = () => forbidden();
export const recordClosed = () => conflict('clients.record_closed');
export const versionConflict = (by: string | null, at: Date) =>
  conflict('clients.version_conflict', { by: by ?? '?', at: at.toISOString() });
export const unknownPostcode = (postcode: string) =>
  invalidField('postcode', 'clients.unknown_postcode', { postcode });
export const unknownMunicipality = () => invalidField('municipalityNis', 'clients.unknown_municipality');
export const postcodeNotInMunicipality = () =>
  invalidField('municipalityNis', 'clients.postcode_not_in_municipality');
export const birthDateInFuture = () => invalidField('birthDate', 'clients.birth_date_in_future');
export const birthDateTooOld = () => invalidField('birthDate', 'clients.birth_date_too_old');
export const bothBirthDateAndAgeBand = () => invalidField('ageBand', 'clients.birth_date_or_age_band');
export const unknownOrganisation = () =>
  invalidField('sharedWithOrganisationId', 'clients.unknown_organisation');
export const sharingWithItself = () =>
  invalidField('sharedWithOrganisationId', 'clients.sharing_with_itself');
export const consentNotFound = () => notFound('clients.consent_not_found');
export const consentAlreadyWithdrawn = () => conflict('clients.consent_already_withdrawn');
export const userNotInOrganisation = () => invalidField('userId', 'clients.user_not_in_organisation');
export const workerNotFound = () => notFound('clients.worker_not_found');
export const serviceNotFound = () => invalidField('serviceId', 'clients.service_not_found');
/** A referral to another organisation needs the person's consent to share with it. */
export const sharingConsentRequired = () => conflict('clients.sharing_consent_required');
export const referralNotFound = () => notFound('clients.referral_not_found');
export const referralTransitionNotAllowed = (from: string, to: string) =>
  conflict('clients.referral_transition_not_allowed', { from, to });
export const erasureBlocked = (openReferrals: number) =>
  conflict('clients.erasure_blocked', { openReferrals });
export const alreadyClosed = () => conflict('clients.already_closed');
export const notClosed = () => conflict('clients.not_closed');
export const volunteerRoleOnly = () => invalidField('role', 'clients.volunteer_role_only');
