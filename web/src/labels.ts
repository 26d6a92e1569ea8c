/**
 * Names of the fixed choices (a group's focus, a roster role, a content warning…) in the reader's
 * language. The rules keep each choice's key and its English name in `functions/core`; here each
 * is the catalogue message `<table>.<key>`, and tests/unit/catalogues.test.ts checks that every
 * key of every table has its message.
 * @module
 */
import {
  FOCUS_TAGS,
  MEETING_WAYS,
  MODERATION_POLICIES,
  SIZE_BANDS,
  TONES,
} from '../../functions/core/groups';
import { ACCESS_FEATURES } from '../../functions/core/meetups';
import { LOG_ACTIONS } from '../../functions/core/moderation-log';
import { REMINDER_NAMES } from '../../functions/core/reach';
import { COSTS, REPORT_PROBLEMS, RESOURCE_CATEGORIES } from '../../functions/core/resources';
import { ROSTER_ROLES } from '../../functions/core/roster';
import { REPORT_OUTCOMES, SUPPORT_ACTIONS } from '../../functions/core/support';
import { CONTENT_WARNINGS, REACTIONS, REPORT_REASONS } from '../../functions/core/threads';
import { locale, type MessageKey, nameOf, t } from './i18n';

export { FOCUS_TAGS, MEETING_WAYS, MODERATION_POLICIES, TONES } from '../../functions/core/groups';

/** Each table of choices, by the prefix of its messages. */
export const LABEL_TABLES = {
  focus: FOCUS_TAGS,
  way: MEETING_WAYS,
  policy: MODERATION_POLICIES,
  toneText: TONES,
  tone: { listening: 'Listening', practical: 'Practical', social: 'Social', structured: 'Structured' },
  moderation: { light: 'Light moderation', active: 'Active moderation', strict: 'Close moderation' },
  join: { open: 'Anyone can join', approval: 'Moderators approve new members', invite: 'By invitation' },
  role: { owner: 'Owner', moderator: 'Moderator', facilitator: 'Facilitator', member: 'Member' },
  access: ACCESS_FEATURES,
  reminder: REMINDER_NAMES,
  cost: COSTS,
  problem: REPORT_PROBLEMS,
  category: RESOURCE_CATEGORIES,
  rosterRole: ROSTER_ROLES,
  outcome: REPORT_OUTCOMES,
  supportAction: SUPPORT_ACTIONS,
  warning: CONTENT_WARNINGS,
  reaction: REACTIONS,
  reason: REPORT_REASONS,
  logAction: LOG_ACTIONS,
  size: SIZE_BANDS,
} as const;
export type LabelTable = keyof typeof LABEL_TABLES;

/** A choice's name in the reader's language: `label('focus', 'grief')` → "Grief and loss". */
export function label<T extends LabelTable>(table: T, key: keyof (typeof LABEL_TABLES)[T]): string {
  return t(`${table}.${String(key)}` as MessageKey);
}

/** A group's size band, as the API says it ("Under 10 members"), in the reader's language. */
export function sizeName(band: string): string {
  const key = (Object.keys(SIZE_BANDS) as (keyof typeof SIZE_BANDS)[]).find((k) => SIZE_BANDS[k] === band);
  return key ? label('size', key) : band;
}

/** A table's choices as [key, name] pairs in its own order, for a select or checkboxes. */
export function labelled<T extends LabelTable>(
  table: T,
): [keyof (typeof LABEL_TABLES)[T] & string, string][] {
  return Object.keys(LABEL_TABLES[table]).map((k) => [
    k as keyof (typeof LABEL_TABLES)[T] & string,
    label(table, k as keyof (typeof LABEL_TABLES)[T]),
  ]);
}

/**
 * Languages a group may meet in, as the group form and the directory offer them: Hearth's own
 * first, then others common among its groups (any ISO 639-1 code is accepted by the API).
 */
const GROUP_LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'ar',
  'it',
  'pt',
  'nl',
  'pl',
  'ro',
  'el',
  'tr',
  'uk',
  'ru',
  'fa',
  'ur',
  'hi',
  'bn',
  'zh',
  'cy',
  'ga',
  'so',
  'sw',
];

/** A language's name in the reader's language ("inglés", "anglais"). */
export const languageName = (code: string) => nameOf('language', code) ?? code;

/** The languages to choose from, as [code, name], Hearth's own first; `also`: codes already chosen. */
export function languageChoices(also: readonly string[] = []): [string, string][] {
  const own = GROUP_LANGUAGES.slice(0, 5);
  const others = [...new Set([...GROUP_LANGUAGES.slice(5), ...also])].filter((c) => !own.includes(c));
  const named = (codes: string[]) => codes.map((c): [string, string] => [c, languageName(c)]);
  return [...named(own), ...named(others).sort((a, b) => a[1].localeCompare(b[1], locale.value))];
}

/** The names of the days of the week, Monday first, in the reader's language. */
export function weekdayName(index: number, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale.value, { weekday: width, timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1 + index),
  );
}
