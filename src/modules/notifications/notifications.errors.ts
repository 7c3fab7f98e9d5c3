import { notFound } from '../../platform/errors.ts';

/** The message does not exist or lies outside what the caller may read; the two look the same on purpose. */
export const messageNotFound = () => notFound('notifications.message_not_found');
