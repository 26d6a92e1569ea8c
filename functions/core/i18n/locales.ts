/**
 * The languages Hearth speaks, and how one is chosen: the member's own choice first, then what
 * their browser asks for (`Accept-Language`, or `navigator.languages` in the web app), then
 * English. Pure, so the API, the jobs and the web app choose alike.
 * @module
 */

export const LOCALES = ['en', 'es', 'fr', 'de', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, as a picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ar: 'العربية',
};

export const isLocale = (s: unknown): s is Locale =>
  typeof s === 'string' && (LOCALES as readonly string[]).includes(s);

/** Writing direction: Arabic runs right to left. */
export const dirOf = (locale: Locale): 'ltr' | 'rtl' => (locale === 'ar' ? 'rtl' : 'ltr');

/** The crisis page in a language: English keeps the name every link and bookmark already has. */
export const crisisPath = (l: Locale) => (l === 'en' ? '/crisis.html' : `/crisis.${l}.html`);

/**
 * The best of our languages for a list of language tags in order of preference ("es-MX", "fr",
 * "en-GB"): the first whose primary language we speak. Null when none is ours.
 */
export function matchLocale(tags: readonly string[]): Locale | null {
  for (const tag of tags) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

/**
 * The language tags of an `Accept-Language` header, most wanted first (RFC 9110 §12.5.4): weights
 * respected, `q=0` meaning "not this", the wildcard ignored, a malformed header read as empty.
 */
export function acceptedTags(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 1000)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((e) => /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(e.tag) && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((e) => e.tag);
}

/** The language a request asks for (its `Accept-Language`), else English. */
export const askedLocale = (header: string | null | undefined): Locale =>
  matchLocale(acceptedTags(header)) ?? 'en';
