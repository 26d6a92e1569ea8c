/**
 * What a page rendered on the server (functions/pages) knows of how its reader reads: the language
 * and the time zone their browser showed Hearth in last time, kept in two small cookies the web
 * app writes (nothing about who they are), else the language their browser asks for.
 * @module
 */
import { sessionCookieName } from './accounts';
import { askedLocale, isLocale, type Locale } from './i18n/locales';

export const LOCALE_COOKIE = 'hearth-locale';
export const ZONE_COOKIE = 'hearth-zone';

/** A cookie's value from a `Cookie` header, or null. */
function cookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').slice(0, 4096).split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A zone `Intl` knows by that name (a cookie may say anything). */
export function knownZone(zone: string | null): string | null {
  if (!zone || zone.length > 64 || !/^[A-Za-z0-9_+/-]+$/.test(zone)) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

/**
 * The language and zone to render a page in for a request's headers, and whether nobody can be
 * signed in (no session cookie at all: who is, the page never knows, nor needs to).
 */
export function viewerPrefs(headers: { cookie?: string | null; acceptLanguage?: string | null }): {
  locale: Locale;
  zone: string | null;
  signedOut: boolean;
} {
  const chosen = cookie(headers.cookie, LOCALE_COOKIE);
  return {
    locale: isLocale(chosen) ? chosen : askedLocale(headers.acceptLanguage),
    zone: knownZone(cookie(headers.cookie, ZONE_COOKIE)),
    signedOut: [true, false].every((secure) => cookie(headers.cookie, sessionCookieName(secure)) === null),
  };
}

/** The cookie the web app writes so the next page the server renders speaks as it does. */
export const prefCookie = (name: string, value: string, secure: boolean) =>
  `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`;
