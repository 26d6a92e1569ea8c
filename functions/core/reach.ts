/**
 * Reaching a member when they are not looking: which reminders they get and when, the hours
 * they asked not to be disturbed, and what a push message says (discreet unless they chose full).
 * @module
 */
import { localAt, sayTime, wallClock } from './time';

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
  /** The member's IANA zone, for quiet hours and for the times a message says. */
  zone: string;
  /** `discreet`: "Hearth: a session at 18:30 tomorrow"; `full`: with the group's and meetup's names. */
  detail: 'discreet' | 'full';
}

/** Until a member chooses: the day before and an hour before a meetup; no duty reminders yet. */
export const DEFAULT_REACH: ReachSettings = {
  meetups: [1440, 60],
  duties: [1440, 60],
  newMeetups: [],
  quiet: null,
  zone: 'UTC',
  detail: 'discreet',
};

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `at` falls in the member's quiet hours, read on their own clock (DST included). */
export function inQuietHours(at: number, quiet: QuietHours | null, zone: string): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const p = localAt(at, zone);
  const now = p.hour * 60 + p.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/**
 * The reminders of a meetup due in the window (after, until]: each reminder `minutes` before
 * `startAt` whose moment falls in it. A run of the job that covers a window finds each once.
 */
export function remindersDue(
  startAt: number,
  chosen: readonly number[],
  window: { after: number; until: number },
): number[] {
  return chosen.filter((m) => {
    const due = startAt - m * 60_000;
    return due > window.after && due <= window.until;
  });
}

/** "today", "tomorrow" or the weekday and date, on the reader's clock. */
function dayWord(startAt: number, now: number, zone: string): string {
  const day = (ms: number) => {
    const p = localAt(ms, zone);
    return Date.UTC(p.year, p.month - 1, p.day);
  };
  const days = Math.round((day(startAt) - day(now)) / 86_400_000);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return new Intl.DateTimeFormat('en-GB', {
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
  s: Pick<ReachSettings, 'detail' | 'zone'>,
  now: number,
): PushMessage {
  const at = `${sayTime(wallClock(m.startAt, s.zone))} ${dayWord(m.startAt, now, s.zone)}`;
  const url = `/occurrences/${m.occurrenceId}`;
  const tag = `reminder-${m.occurrenceId}`;
  if (s.detail === 'discreet')
    return { title: 'Hearth', body: `${m.duty ? 'A duty' : 'A session'} at ${at}`, url, tag };
  return {
    title: m.duty ? `${m.duty}: ${m.title}` : m.title,
    body: `${m.groupName}, at ${at}`,
    url,
    tag,
  };
}

/** An in-app notification, as a push message: discreet unless the member chose full. */
export function noticeMessage(
  n: { notificationId: string; text: string; url: string },
  s: Pick<ReachSettings, 'detail'>,
): PushMessage {
  return s.detail === 'full'
    ? { title: 'Hearth', body: n.text, url: n.url, tag: n.notificationId }
    : { title: 'Hearth', body: 'Something new for you in Hearth', url: '/notifications', tag: 'notice' };
}
