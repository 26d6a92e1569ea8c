/**
 * How this browser reads Hearth (its language, its time zone), kept in a cookie so that the
 * next page the server renders (functions/pages) is drawn the same way. Nothing about who.
 * @module
 */
import { prefCookie } from '../../functions/core/viewer-prefs';

export function keepPref(name: string, value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers we serve (Firefox 115, Safari 16)
  document.cookie = prefCookie(name, value, window.location.protocol === 'https:');
}
