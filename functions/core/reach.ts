/**
 * Reaching a member when they are not looking: which reminders they get and when, the hours
 * they asked not to be disturbed, and what a push message says (discreet unless they chose full).
 * @module
 */
import type { Locale } from './i18n/locales';
import { word } from './i18n/words';
import { localAt, resolveLocal, sayTime, wallClock } from './time';

/** The reminders a member can choose, in minutes before the start. */
export const REMINDER_MINUTES = [15, 60, 180, 1440] as const;
export type ReminderMinutes = (typeof REMINDER_MINUTES)[number];
export const REMINDER_NAMES: Record<ReminderMinutes, string> = {
  15: '15 minutes before',
  60: 'An hour before',
  180: 'Three hours before',
  1440: 'The day before',
};

/** Devices a member may have receiving push messages at once. */
export const MAX_PUSH_DEVICES = 10;

/** Groups whose new meetups a member may be told of (each one they chose). */
export const MAX_NEWS_GROUPS = 50;

/** Quiet hours, in the member's own zone: no push message from `from` until `to` (may pass midnight). */
export interface QuietHours {
  from: string;
  to: string;
}

/** How a member is reached: their reminders, quiet hours and zone, and how much a message says. */
export interface ReachSettings {
  /** Before meetups they are going to (empty: none). */
  meetups: ReminderMinutes[];
  /** Before duties they hold, for facilitators (empty: none). */
  duties: ReminderMinutes[];
  /** Groups whose new meetups they want to hear of. */
  newMeetups: string[];
  quiet: QuietHours | null;
  /** The member's IANA zone, for quiet hours and the times a message says (null: not said yet). */
  zone: string | null;
  /** `discreet`: "Hearth: a session at 18:30 tomorrow"; `full`: with the group's and meetup's names. */
  detail: 'discreet' | 'full';
}

/** Until a member chooses: the day before and an hour before a meetup; no duty reminders yet. */
export const DEFAULT_REACH: ReachSettings = {
  meetups: [1440, 60],
  duties: [1440, 60],
  newMeetups: [],
  quiet: null,
  zone: null,
  detail: 'discreet',
};

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `at` falls in the member's quiet hours, read on their own clock (DST included). */
export function inQuietHours(at: number, quiet: QuietHours | null, zone: string | null): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  // Hours said with no zone are read on UTC's clock (the web app always sends the zone with them).
  zone ??= 'UTC';
  const p = localAt(at, zone);
  const now = p.hour * 60 + p.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/**
 * When a reminder `minutes` before a start is due. "The day before" is the same time on the
 * meetup's clock the day before (a nominal day, as RFC 5545 counts one): across a clock change it
 * is 23 or 25 hours before, and reads "tomorrow at 18:30" at 18:30. The others are exact.
 */
export function reminderAt(startAt: number, minutes: number, zone: string): number {
  if (minutes !== 1440) return startAt - minutes * 60_000;
  const p = localAt(startAt, zone);
  const dayBefore = localAt(Date.UTC(p.year, p.month - 1, p.day - 1, p.hour, p.minute), 'UTC');
  return resolveLocal(dayBefore, zone).epochMs;
}

/**
 * The reminders of a meetup due in the window (after, until]: each chosen one whose moment
 * falls in it. Consecutive windows find each once.
 */
export function remindersDue(
  startAt: number,
  zone: string,
  chosen: readonly number[],
  window: { after: number; until: number },
): number[] {
  return chosen.filter((m) => {
    const due = reminderAt(startAt, m, zone);
    return due > window.after && due <= window.until;
  });
}

/** "today", "tomorrow" or the weekday and date, on the reader's clock, in their language. */
function dayWord(startAt: number, now: number, zone: string, locale: Locale = 'en'): string {
  const day = (ms: number) => {
    const p = localAt(ms, zone);
    return Date.UTC(p.year, p.month - 1, p.day);
  };
  const days = Math.round((day(startAt) - day(now)) / 86_400_000);
  if (locale !== 'en' && (days === 0 || days === 1))
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(startAt);
}

/** What a push message says: its title, its text, and the page it opens. */
export interface PushMessage {
  title: string;
  body: string;
  url: string;
  /** Messages with the same tag replace each other on the device (a moved reminder, say). */
  tag: string;
}

/**
 * A reminder, as the member chose to be told: discreet names nothing ("Hearth: a session at
 * 18:30 tomorrow"); full names the meetup and the group, and the duty if it is one.
 */
export function reminderMessage(
  m: { occurrenceId: string; title: string; groupName: string; startAt: number; duty?: string },
  s: { detail: ReachSettings['detail']; zone: string; language?: Locale },
  now: number,
): PushMessage {
  const at = `${sayTime(wallClock(m.startAt, s.zone))} ${dayWord(m.startAt, now, s.zone, s.language)}`;
  const url = `/occurrences/${m.occurrenceId}`;
  const tag = `reminder-${m.occurrenceId}`;
  if (s.detail === 'discreet')
    return { title: 'Hearth', body: word(s.language, m.duty ? 'pushDuty' : 'pushSession', { at }), url, tag };
  return {
    title: m.duty ? word(s.language, 'pushDutyTitle', { duty: m.duty, title: m.title }) : m.title,
    body: word(s.language, 'pushAt', { group: m.groupName, at }),
    url,
    tag,
  };
}

/** An in-app notification, as a push message: discreet unless the member chose full. */
export function noticeMessage(
  n: { notificationId: string; text: string; url: string },
  s: Pick<ReachSettings, 'detail'> & { language?: Locale },
): PushMessage {
  return s.detail === 'full'
    ? { title: 'Hearth', body: n.text, url: n.url, tag: n.notificationId }
    : { title: 'Hearth', body: word(s.language, 'somethingNew'), url: '/notifications', tag: 'notice' };
}

/**
 * The push services browsers use (Chrome, Edge, Firefox, Safari, and those built on them): a
 * subscription must point at one of them, over HTTPS, so a made-up endpoint cannot make Hearth's
 * jobs call anything else.
 */
export const PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  'web.push.apple.com',
  '.notify.windows.com',
];

/** Why an endpoint is refused, or null. `loopback`: a push service on this machine (local, tests). */
export function endpointProblem(endpoint: string, opts: { loopback?: boolean } = {}): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'Not a push subscription this browser made';
  }
  if (
    opts.loopback &&
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === 'localhost')
  )
    return null;
  const known = PUSH_SERVICE_HOSTS.some((h) =>
    h.startsWith('.') ? url.hostname.endsWith(h) : url.hostname === h,
  );
  return url.protocol === 'https:' && known && !url.username && !url.password
    ? null
    : 'This browser’s push service is not one Hearth can send to';
}
