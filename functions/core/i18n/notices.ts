/**
 * In-app notifications in the reader's language. A notice is kept as a message key and its raw
 * values (a meetup's start as an instant and a zone, a duty as its role, a missing name as whose),
 * and worded when it is read: on the notifications page in the language the app asks in, in a
 * push in the member's language, in a data download. So one notice sent to ten people reads in
 * each one's language, and reads in a new one when they switch.
 * @module
 */
import { I18n } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import type { RosterRole } from '../roster';
import { sayLocal, wallClock, zoneName } from '../time';
import { isolated } from './isolate';
import { dirOf, type Locale } from './locales';
import { AR } from './notices/ar';
import { DE } from './notices/de';
import { EN, type NoticeKey, type NoticeTable } from './notices/en';
import { ES } from './notices/es';
import { FR } from './notices/fr';

export type { NoticeKey } from './notices/en';

export const NOTICES: Record<Locale, NoticeTable> = { en: EN, es: ES, fr: FR, de: DE, ar: AR };

/** A value a notice is filled in with. */
export type NoticeValue =
  | string
  | number
  /** An instant, said as the clock reads it in `zone`. */
  | { at: number; zone: string }
  /** A duty, named as it reads inside a sentence. */
  | { role: RosterRole }
  /** Duties, named and listed ("greeter and online host"). */
  | { roles: RosterRole[] }
  /** Somebody whose name is gone (they left): "a member". */
  | { someone: 'member' | 'facilitator' }
  /** A time zone, named as the reader's language names it ("United Kingdom Time"). */
  | { zoneName: string };

export interface NoticeWords {
  key: NoticeKey;
  values: Record<string, NoticeValue>;
}

/** A notice, to store on a notification. */
export const notice = (key: NoticeKey, values: Record<string, NoticeValue> = {}): NoticeWords => ({
  key,
  values,
});

/** A name if there is one, else who they were. */
export const nameOr = (name: string | undefined, someone: 'member' | 'facilitator'): NoticeValue =>
  name ?? { someone };

const formatters = new Map<Locale, I18n>();
function formatter(locale: Locale): I18n {
  let i18n = formatters.get(locale);
  if (!i18n) {
    i18n = new I18n({});
    i18n.load(
      locale,
      Object.fromEntries(Object.entries(NOTICES[locale]).map(([k, m]) => [k, compileMessage(m)])),
    );
    i18n.activate(locale);
    formatters.set(locale, i18n);
  }
  return i18n;
}

const listFormats = new Map<Locale, Intl.ListFormat>();
function listOf(locale: Locale, items: string[]): string {
  let f = listFormats.get(locale);
  if (!f) {
    f = new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: 'conjunction' });
    listFormats.set(locale, f);
  }
  return f.format(items);
}

/** What `v` reads as in `locale`; `none` stands for an empty list (a message selects on it). */
function say(locale: Locale, v: NoticeValue): string | number {
  if (typeof v !== 'object') return v;
  const table = NOTICES[locale];
  if ('at' in v) return sayLocal(wallClock(v.at, v.zone), {}, locale);
  if ('role' in v) return table[`role.${v.role}`];
  if ('roles' in v)
    return v.roles.length
      ? listOf(
          locale,
          v.roles.map((r) => table[`role.${r}`]),
        )
      : 'none';
  if ('zoneName' in v) return zoneName(v.zoneName, locale);
  return table[`someone.${v.someone}`];
}

/** A notice worded in `locale` (English if the language has no such message). */
export function sayNotice(locale: Locale | undefined, n: NoticeWords): string {
  const l = locale && NOTICES[locale]?.[n.key] ? locale : 'en';
  const values = Object.fromEntries(Object.entries(n.values).map(([k, v]) => [k, say(l, v)]));
  const i18n = formatter(l);
  const text = i18n._(n.key, dirOf(l) === 'rtl' ? isolated(i18n.messages[n.key], values) : values);
  // A missing name at the start of the sentence ("a member wrote…") takes a capital; a
  // pseudonym is left as its owner wrote it.
  const someone = Object.values(n.values).some(
    (v) => typeof v === 'object' && 'someone' in v && text.startsWith(NOTICES[l][`someone.${v.someone}`]),
  );
  return someone ? text.charAt(0).toLocaleUpperCase(l) + text.slice(1) : text;
}

/** A stored notification's words: its notice in `locale`, or the English text it was kept with. */
export const noticeText = (n: { notice?: NoticeWords; text?: string }, locale: Locale | undefined): string =>
  n.notice ? sayNotice(locale, n.notice) : (n.text ?? '');
