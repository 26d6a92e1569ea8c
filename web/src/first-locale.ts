/**
 * The language a visit starts in: chosen on this device before, else the browser's, else
 * English. Apart from i18n.ts so that the early requests (early.ts) ask in the same language.
 * @module
 */
import { isLocale, type Locale, matchLocale } from '../../functions/core/i18n/locales';

export const STORED_LOCALE = 'hearth-locale';

/** The reader's own choice on this device, if they made one. */
export function storedLocale(): Locale | null {
  try {
    const s = localStorage.getItem(STORED_LOCALE);
    return isLocale(s) ? s : null;
  } catch {
    return null;
  }
}

/** The language to start in: chosen here before, else the browser's, else English. */
export const firstLocale = (): Locale => storedLocale() ?? matchLocale(navigator.languages ?? []) ?? 'en';
