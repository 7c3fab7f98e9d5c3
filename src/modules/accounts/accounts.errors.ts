import { AppError, conflict, invalidField } from '../../platform/errors.ts';

export const invalidCredentials = () => new AppError('accounts.invalid_credentials', 401);
export const invalidCode = () => invalidField('code', 'accounts.invalid_code');
export const wrongCurrentPassword = (field = 'currentPassword') =>
  invalidField(field, 'accounts.wrong_password');
export const linkNotUsable = () => new AppError('accounts.link_not_usable', 410);
export const totpAlreadyEnabled = () => conflict('accounts.totp_already_enabled');
export const totpNotStarted = () => conflict('accounts.totp_not_started');
export const tokenNotFound = () => new AppError('accounts.token_not_found', 404);
