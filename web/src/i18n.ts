/**
 * The web app in the reader's language: their choice (kept on this device, and on their account
 * when signed in), else their browser's languages, else English. Messages live in catalogues by
 * key (web/locales/<locale>.json, ICU message syntax), compiled at build and fetched when the
 * language is chosen, so a reader downloads only their own language. Lingui's core formats them
 * (plurals and selects by the language's own rules, through `Intl`).
 * @module
 */
import { I18n, type Messages } from '@lingui/core';
import { signal } from '@preact/signals';
import type { ComponentChildren, VNode } from 'preact';
import { isolated } from '../../functions/core/i18n/isolate';
import { crisisPath, dirOf, type Locale } from '../../functions/core/i18n/locales';
import { LOCALE_COOKIE } from '../../functions/core/viewer-prefs';
import type EN from '../locales/en.json';
import { takeEarly } from './early-answers';
import { STORED_LOCALE } from './first-locale';
import { LOCALES_CACHE } from './offline-names';
import { keepPref } from './prefs';

/** Every message's key, from the English catalogue: a key English lacks does not compile. */
export type MessageKey = keyof typeof EN;
type Values = Record<string, unknown>;

/** Compiled catalogues' file names (content-hashed), given by the build. */
declare const LOCALE_FILES: Record<Locale, { page: string; api: string }>;

const i18n = new I18n({});

/** The language on show; components that say anything re-render when it changes. */
export const locale = signal<Locale>('en');

export { firstLocale, storedLocale } from './first-locale';

const loaded = new Map<string, Promise<Messages>>();

/** A part of a language's catalogue: what pages say, or the API's refusals (see scripts/locales.ts). */
function fetchCatalogue(l: Locale, part: 'page' | 'api'): Promise<Messages> {
  const url = `/locales/${LOCALE_FILES[l][part]}`;
  let p = loaded.get(url);
  if (!p) {
    p = (takeEarly(url) ?? fetch(url)).then((r) => {
      if (!r.ok) throw new Error(`catalogue ${l}: ${r.status}`);
      void keepCatalogue(url, r.clone());
      return r.json() as Promise<Messages>;
    });
    p.catch(() => loaded.delete(url));
    loaded.set(url, p);
  }
  return p;
}

/** Kept for reading offline (the service worker answers from here); older builds' copies go. */
async function keepCatalogue(url: string, response: Response): Promise<void> {
  if (!('caches' in window)) return;
  try {
    const cache = await caches.open(LOCALES_CACHE);
    if (await cache.match(url)) return;
    await cache.put(url, response);
    const prefix = url.slice(0, url.lastIndexOf('-') + 1);
    for (const old of await cache.keys())
      if (new URL(old.url).pathname.startsWith(prefix) && new URL(old.url).pathname !== url)
        await cache.delete(old);
  } catch {
    // a full or refused cache: the language still shows, online
  }
}

/**
 * Shows Hearth in a language: its catalogue fetched (once), then the page's `lang` and `dir`,
 * the static shell's words, and every component that says something, switched together.
 * Throws when the catalogue cannot be fetched (offline, never opened in that language here).
 */
export async function showLocale(l: Locale, opts: { remember?: boolean } = {}): Promise<void> {
  const messages = await fetchCatalogue(l, 'page');
  i18n.loadAndActivate({ locale: l, messages });
  // The API's refusals follow; one that comes before them is said in the API's English.
  void fetchCatalogue(l, 'api')
    .then((api) => i18n.load(l, api))
    .catch(() => undefined);
  document.documentElement.lang = l;
  document.documentElement.dir = dirOf(l);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = i18n._(el.dataset.i18n as string);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a.crisis-link, a[data-crisis]'))
    a.href = crisisPath(l);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]'))
    el.setAttribute('aria-label', i18n._(el.dataset.i18nLabel as string));
  // The next page the server renders (functions/pages) is rendered in it too.
  keepPref(LOCALE_COOKIE, l);
  if (opts.remember) {
    try {
      localStorage.setItem(STORED_LOCALE, l);
    } catch {
      // storage may be off: the choice lasts until the tab closes
    }
  }
  locale.value = l;
}

/** On the server: the catalogue last loaded for each language. */
const spoken = new Map<Locale, Messages>();

/** On the server (functions/pages): the language and catalogue the next render speaks. */
export function speak(l: Locale, messages: Messages): void {
  // A catalogue is loaded (copied into Lingui's) once per version, not on every page drawn.
  if (spoken.get(l) === messages) i18n.activate(l);
  else i18n.loadAndActivate({ locale: l, messages });
  spoken.set(l, messages);
  locale.value = l;
}

/** A message in the language on show. */
export function t(key: MessageKey, values?: Values): string {
  // Names and titles keep their own direction inside a right-to-left sentence.
  const rtl = dirOf(locale.value) === 'rtl';
  return i18n._(key, rtl && values ? isolated(i18n.messages[key], values) : values);
}

/**
 * A message with parts that are elements ("Read <0>the guide</0> first"): each numbered tag is
 * given by the function at its index, with the words between the tags as its children; `<0/>`
 * takes none. Translators move the tags with the words, so the link stays on the right words.
 */
export function tx(
  key: MessageKey,
  values: Values | undefined,
  ...parts: ((children: ComponentChildren) => VNode)[]
): ComponentChildren[] {
  const text = t(key, values);
  const out: ComponentChildren[] = [];
  const tag = /<(\d+)>(.*?)<\/\1>|<(\d+)\/>/gs;
  let at = 0;
  for (const m of text.matchAll(tag)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    const part = parts[Number(m[1] ?? m[3])];
    out.push(part ? part(m[2] ?? '') : (m[2] ?? ''));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * What the API said, in the reader's language: its message's key in the table of the API's
 * messages (`api.<key>` here) with its values; the API's English when the key is not known here
 * (a newer server than this page).
 */
export function apiWords(said: { message: string; key?: string; values?: Values }): string {
  const key = `api.${said.key}`;
  return said.key && Object.hasOwn(i18n.messages, key) ? t(key as MessageKey, said.values) : said.message;
}

/** The crisis lines' page in the language on show (a link opened in a new tab stays in it too). */
export const crisisHref = () => crisisPath(locale.value);

/** A number as the reader's language writes it. */
export const num = (n: number) => new Intl.NumberFormat(locale.value).format(n);

/** "a, b and c" in the reader's language (English without the serial comma, as Hearth writes it). */
export const list = (items: string[]) =>
  new Intl.ListFormat(locale.value === 'en' ? 'en-GB' : locale.value, { type: 'conjunction' }).format(items);

/** "a, b, c": items one after another, as the reader's language lists them without "and". */
export const listed = (items: string[]) =>
  new Intl.ListFormat(locale.value, { type: 'unit', style: 'short' }).format(items);

const namers = new Map<string, Intl.DisplayNames>();

/**
 * A country's or a language's name in the reader's language (or in `inLocale`), null where `Intl`
 * has none. One namer per language and kind, made when first asked for.
 */
export function nameOf(
  type: 'region' | 'language',
  code: string,
  inLocale: string = locale.value,
): string | null {
  const key = `${inLocale} ${type}`;
  try {
    let namer = namers.get(key);
    if (!namer) {
      namer = new Intl.DisplayNames([inLocale], { type });
      namers.set(key, namer);
    }
    const name = namer.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}
