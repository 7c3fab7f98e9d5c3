import type { FastifyRequest } from 'fastify';
import type { Locale } from '../db/schema.ts';
import { isLocale, localeFromAcceptLanguage } from '../i18n/i18n.ts';

/** The user's own setting wins, then the vb_locale cookie, then Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  const fromUser = request.auth?.user.locale;
  if (isLocale(fromUser)) return fromUser;
  const fromCookie = request.cookies?.vb_locale;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers['accept-language']);
}
