/**
 * What a calendar feed says about each meetup: which occurrences a member's feed holds, and what
 * each event shows, discreetly or in full. Pure; functions/feeds/ical.ts writes it as iCalendar.
 * @module
 */
import type { Locale } from './i18n/locales';
import { WORDS, type WordKey, word } from './i18n/words';
import type { RsvpState } from './ledger';
import { expand, parseRule, type Weekday } from './recurrence';
import { namesOneInstant, parseLocal } from './time';

export const FEED_SCOPES = ['mine', 'all'] as const;
/** `mine`: the meetups I am going to or waiting for; `all`: every meetup of my groups. */
export type FeedScope = (typeof FEED_SCOPES)[number];

/**
 * How often a subscribed calendar should look again (REFRESH-INTERVAL, X-PUBLISHED-TTL), and how
 * long HTTP caches may keep a feed: the same hour, so no layer promises fresher than another.
 */
export const FEED_REFRESH_SECONDS = 3600;

/** The reminders a member may choose, in minutes before a meetup starts. */
export const ALARM_MINUTES = [15, 60, 1440] as const;
export type AlarmMinutes = (typeof ALARM_MINUTES)[number];

export interface FeedSettings {
  scope: FeedScope;
  /** Neutral titles, no group name or description: a glance at a shared calendar tells nothing. */
  discreet: boolean;
  /** Reminders before each meetup, as the calendar app shows them (absent on older feeds: none). */
  alarms?: AlarmMinutes[];
  /** Reminders before each duty the member holds (absent: none). */
  dutyAlarms?: AlarmMinutes[];
  /** The language the feed is written in: the member's (absent: English). */
  language?: Locale;
}

export const DEFAULT_FEED_SETTINGS: Required<FeedSettings> = {
  scope: 'mine',
  discreet: true,
  alarms: [],
  dutyAlarms: [],
  language: 'en',
};

/** How long a cancelled occurrence stays in feeds, marked cancelled, before it is dropped. */
export const CANCELLED_KEPT_MS = 14 * 86_400_000;
/** How far ahead feeds reach, and how long after its end an occurrence stays. */
export const FEED_AHEAD_MS = 400 * 86_400_000;
export const FEED_KEPT_AFTER_END_MS = 2 * 86_400_000;

export const DISCREET_TITLE = WORDS.en.discreetTitle;

/** An occurrence as a feed sees it (the parts of an occurrence item feeds need). */
export interface FeedOccurrence {
  occurrenceId: string;
  groupId: string;
  title: string;
  description: string;
  startAt: number;
  endAt: number;
  timezone: string;
  mode: 'in_person' | 'online' | 'hybrid';
  venue?: { name: string; address: string; neighbourhood?: string };
  online?: { url: string; notes?: string };
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  sequence: number;
  /** When the occurrence last changed (DTSTAMP). */
  changedAt: number;
}

/** One event, ready to write. Times are instants; `timezone` is the zone they are shown in. */
export interface FeedEvent {
  uid: string;
  sequence: number;
  stamp: number;
  start: number;
  end: number;
  timezone: string;
  summary: string;
  description: string | null;
  location: string | null;
  url: string | null;
  status: 'confirmed' | 'tentative' | 'cancelled';
  /** A series: the rule from `start`, less the instants in `exclude` (EXDATE). */
  repeat?: FeedRepeat;
  /** An override of one instance of a series: the instant the rule gave it (RECURRENCE-ID). */
  recurrenceId?: number;
  /** Reminders, minutes before the start, shown with the event's own title (VALARM DISPLAY). */
  alarms?: readonly number[];
}

export interface FeedRepeat {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  count: number;
  byDay?: Weekday[];
  byMonthDay?: number;
  /** With one `byDay`: the nth (or last, -1) such weekday of the month. */
  bySetPos?: number;
  exclude: number[];
}

/** A stable UID per occurrence, the same in every feed and file. */
export const uidOf = (occurrenceId: string) => `${occurrenceId}@hearth`;

/** Whether a feed still shows an occurrence at `now`: upcoming, or cancelled within 14 days. */
export function stillShown(o: Pick<FeedOccurrence, 'endAt' | 'status' | 'changedAt'>, now: number): boolean {
  if (o.endAt + FEED_KEPT_AFTER_END_MS < now) return false;
  return o.status !== 'cancelled' || now - o.changedAt <= CANCELLED_KEPT_MS;
}

/**
 * One occurrence as an event for one member. The address and the link are for those going;
 * waiting shows as tentative with the place in line. Discreet: the neutral title, no group
 * name, description, venue name or notes; the address and link still go to those going, who
 * need them.
 */
export function eventFor(
  o: FeedOccurrence,
  viewer: {
    rsvp: RsvpState;
    groupName: string;
    discreet: boolean;
    pageUrl: string | null;
    /** Whether the address and the link are shown; by default, to those going. */
    seesWhere?: boolean;
    /** The language its words are in (absent: English). */
    locale?: Locale;
  },
): FeedEvent {
  const say = (key: WordKey, values?: Record<string, string | number>) => word(viewer.locale, key, values);
  const going = viewer.seesWhere ?? viewer.rsvp?.status === 'going';
  const waiting = viewer.rsvp?.status === 'waitlisted' ? viewer.rsvp.position : null;
  const cancelled = o.status === 'cancelled';
  const where: string[] = [];
  if (o.venue) {
    if (going) where.push(viewer.discreet ? o.venue.address : `${o.venue.name}, ${o.venue.address}`);
    else if (!viewer.discreet && o.venue.neighbourhood) where.push(o.venue.neighbourhood);
  }
  if (o.online && going) where.push(o.online.url);
  const lines: string[] = [];
  // The reason is the organiser's own words, which may name the group: not in a discreet calendar.
  if (cancelled)
    lines.push(
      o.cancelReason && !viewer.discreet
        ? say('cancelledBecause', { reason: o.cancelReason })
        : say('cancelled'),
    );
  if (waiting) lines.push(say('waitingAt', { position: waiting }));
  if (!viewer.discreet) {
    lines.push(viewer.groupName, o.description);
    if (o.online?.notes && going) lines.push(o.online.notes);
  }
  if (o.online && going) lines.push(say('joinOnline', { url: o.online.url }));
  if (o.venue && !going && !cancelled) lines.push(say('addressLater'));
  const title = viewer.discreet ? say('discreetTitle') : o.title;
  return {
    uid: uidOf(o.occurrenceId),
    sequence: o.sequence,
    stamp: o.changedAt,
    start: o.startAt,
    end: o.endAt,
    timezone: o.timezone,
    summary: waiting ? say('waitingTitle', { title }) : title,
    description: lines.some(Boolean) ? lines.filter(Boolean).join('\n\n') : null,
    location: where.length ? where.join(' · ') : null,
    url: viewer.discreet ? null : viewer.pageUrl,
    status: cancelled ? 'cancelled' : waiting ? 'tentative' : 'confirmed',
  };
}

/** A recurring meetup as its series (what its occurrences are unless changed one by one). */
export interface FeedSeries {
  meetupId: string;
  title: string;
  description: string;
  /** The series' wall-clock start (its time is the time of every occurrence not moved). */
  start: string;
  durationMinutes: number;
  timezone: string;
  mode: FeedOccurrence['mode'];
  venue?: FeedOccurrence['venue'];
  online?: FeedOccurrence['online'];
  rrule: string;
  /** The occurrence index of the rule's first meetup (a series whose pattern changed starts anew). */
  ruleFrom?: number;
  version: number;
  changedAt: number;
}

const sameEvent = (a: FeedEvent, b: FeedEvent) =>
  a.start === b.start &&
  a.end === b.end &&
  a.summary === b.summary &&
  a.description === b.description &&
  a.location === b.location &&
  a.status === b.status;

/**
 * A series as calendars like it (RFC 5545 §3.8.5): one event with an RRULE from the first
 * occurrence shown, EXDATEs for occurrences no longer shown between the first and the last, and
 * an override (same UID, RECURRENCE-ID) for each occurrence that differs from the series: moved,
 * retitled, or cancelled. Where the clocks change under a meetup's time, that meetup is written
 * on its own, and a date the clocks skip splits the rule in two (below). `shown` are the series' occurrences the feed shows, with their index.
 * Null when the series cannot be written as a rule (then list the occurrences one by one).
 */
export function seriesEvents(
  series: FeedSeries,
  shown: (FeedOccurrence & { index: number })[],
  viewer: Omit<Parameters<typeof eventFor>[1], 'rsvp'> & { rsvp?: RsvpState },
): FeedEvent[] | null {
  const parsed = parseRule(series.rrule);
  const start = parseLocal(series.start);
  if ('error' in parsed || !start || shown.length === 0) return null;
  const planned = expand(parsed.rule, start, series.timezone);
  if ('error' in planned) return null;
  // Indices of the rule's meetups, counted from its first; occurrences of an earlier pattern
  // (before ruleFrom) are not described by it.
  const from = series.ruleFrom ?? 0;
  const sorted = shown.map((o) => ({ ...o, index: o.index - from })).sort((a, b) => a.index - b.index);
  const first = sorted[0]!.index;
  const last = sorted.at(-1)!.index;
  if (first < 0 || last >= planned.occurrences.length) return null;
  const at = (i: number) => planned.occurrences[i]!.epochMs;
  const duration = series.durationMinutes * 60_000;
  const options = { ...viewer, rsvp: viewer.rsvp ?? null };
  /** What the rule says instance `i` is. */
  const expected = (i: number, like: FeedOccurrence) =>
    eventFor(
      {
        ...like,
        title: series.title,
        description: series.description,
        venue: series.venue,
        online: series.online,
        mode: series.mode,
        startAt: at(i),
        endAt: at(i) + duration,
        status: 'scheduled',
        cancelReason: null,
      },
      options,
    );
  const byIndex = new Map(sorted.map((o) => [o.index, o]));
  // A meetup whose start or end falls in the hour clocks repeat: calendar apps expand the rule to
  // the second pass of its local time, so the rule leaves it out (by that local time, which each
  // app matches as it expands it) and it is written on its own, in UTC (by writeCalendar).
  const repeated = (i: number) =>
    !namesOneInstant(at(i), series.timezone) || !namesOneInstant(at(i) + duration, series.timezone);
  // A meetup at a time the clocks skip that day: ical.js places it an hour early, and libical
  // carries the skipped hour into the next week's, and neither matches an EXDATE there the same
  // way; so the rule stops before it and starts again after it, and it is written on its own.
  const skipped = (i: number) => planned.occurrences[i]!.adjusted === 'gap';
  const { rule } = parsed;
  const events: FeedEvent[] = [];
  const uidOfPart = new Map<number, string>();
  for (let s = first; s <= last; ) {
    if (skipped(s)) {
      s++;
      continue;
    }
    let e = s;
    while (e + 1 <= last && !skipped(e + 1)) e++;
    const shownHere = sorted.filter((o) => o.index >= s && o.index <= e);
    if (shownHere.length) {
      const a = shownHere[0]!.index;
      const b = shownHere.at(-1)!.index;
      // One UID per part, the same however the window moves: parts after a skipped date are numbered.
      let part = 0;
      for (let i = 0; i < a; i++) if (skipped(i)) part++;
      const uid = uidOf(part ? `${series.meetupId}-${part}` : series.meetupId);
      for (let i = a; i <= b; i++) uidOfPart.set(i, uid);
      const exclude: number[] = [];
      for (let i = a; i <= b; i++)
        if ((!byIndex.has(i) && i > a && i < b) || repeated(i)) exclude.push(at(i));
      events.push({
        ...expected(a, byIndex.get(a)!),
        uid,
        sequence: Math.max(0, series.version - 1),
        stamp: series.changedAt,
        repeat: {
          freq: rule.freq,
          interval: rule.interval,
          count: b - a + 1,
          byDay: rule.byNthDay ? [rule.byNthDay.day] : rule.byDay,
          byMonthDay: rule.byMonthDay,
          bySetPos: rule.byNthDay?.n,
          exclude,
        },
      });
    }
    s = e + 1;
  }
  const overrides = sorted.flatMap((o) => {
    const actual = eventFor(o, options);
    if (repeated(o.index) || skipped(o.index)) return [actual];
    if (sameEvent(actual, expected(o.index, o))) return [];
    return [{ ...actual, uid: uidOfPart.get(o.index)!, recurrenceId: at(o.index) }];
  });
  return [...events, ...overrides];
}

/** A duty a member holds at a meetup, as their feed says it. */
export interface FeedDuty {
  /** The duty's name, in the feed's language: "Lead facilitator". */
  name: string;
  /** Given, not yet confirmed by its holder. */
  unconfirmed: boolean;
}

/**
 * Whether a member's feed lists a meetup, before their place is read: still shown, and in the
 * feed's scope (every meetup of their groups, or those they answered or hold a duty at).
 */
export const listedFor = (
  o: Pick<FeedOccurrence, 'endAt' | 'status' | 'changedAt'>,
  scope: FeedScope,
  mine: { answered: boolean; duty: boolean },
  now: number,
) => stillShown(o, now) && (scope === 'all' || mine.answered || mine.duty);

/**
 * A meetup as one member's feed shows it, or null when it is not theirs to show (a feed of their
 * own meetups, where they hold no place and no duty). A duty is named in the title, sees where it
 * is, and is tentative until confirmed; reminders are for what the member does (a duty, or a
 * meetup they answered), never for a cancelled meetup.
 */
export function memberEvent(
  o: FeedOccurrence,
  m: {
    settings: Pick<FeedSettings, 'scope' | 'discreet' | 'alarms' | 'dutyAlarms' | 'language'>;
    rsvp: RsvpState;
    duty?: FeedDuty;
    groupName: string;
  },
): FeedEvent | null {
  const { settings, rsvp, duty } = m;
  if (settings.scope === 'mine' && !rsvp && !duty) return null;
  const event = eventFor(o, {
    rsvp,
    groupName: m.groupName,
    discreet: settings.discreet,
    pageUrl: null,
    ...(duty ? { seesWhere: true } : {}),
    ...(settings.language ? { locale: settings.language } : {}),
  });
  const cancelled = event.status === 'cancelled';
  const unconfirmed = duty?.unconfirmed && !cancelled;
  const alarms = (duty ? settings.dutyAlarms : rsvp ? settings.alarms : []) ?? [];
  return {
    ...event,
    ...(duty
      ? {
          summary: word(settings.language, unconfirmed ? 'dutyUnconfirmed' : 'dutyTitle', {
            duty: duty.name,
            title: event.summary,
          }),
        }
      : {}),
    ...(unconfirmed ? { status: 'tentative' as const } : {}),
    ...(alarms.length && !cancelled ? { alarms } : {}),
  };
}
