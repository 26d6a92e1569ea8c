/**
 * What a calendar feed says about each meetup: which occurrences a member's feed holds, and what
 * each event shows, discreetly or in full. Pure; functions/feeds/ical.ts writes it as iCalendar.
 * @module
 */
import type { RsvpState } from './meetups';

export const FEED_SCOPES = ['mine', 'all'] as const;
/** `mine`: the meetups I am going to or waiting for; `all`: every meetup of my groups. */
export type FeedScope = (typeof FEED_SCOPES)[number];

export interface FeedSettings {
  scope: FeedScope;
  /** Neutral titles, no group name or description: a glance at a shared calendar tells nothing. */
  discreet: boolean;
}

export const DEFAULT_FEED_SETTINGS: FeedSettings = { scope: 'mine', discreet: true };

/** How long a cancelled occurrence stays in feeds, marked cancelled, before it is dropped. */
export const CANCELLED_KEPT_MS = 14 * 86_400_000;
/** How far ahead feeds reach, and how long after its end an occurrence stays. */
export const FEED_AHEAD_MS = 400 * 86_400_000;
export const FEED_KEPT_AFTER_END_MS = 2 * 86_400_000;

export const DISCREET_TITLE = 'Hearth session';

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
  },
): FeedEvent {
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
  if (cancelled) lines.push(`Cancelled${o.cancelReason ? `: ${o.cancelReason}` : ''}`);
  if (waiting) lines.push(`You are number ${waiting} on the waiting list.`);
  if (!viewer.discreet) {
    lines.push(viewer.groupName, o.description);
    if (o.online?.notes && going) lines.push(o.online.notes);
  }
  if (o.online && going) lines.push(`Join online: ${o.online.url}`);
  if (o.venue && !going && !cancelled) lines.push('The address is shown once you have a place.');
  const title = viewer.discreet ? DISCREET_TITLE : o.title;
  return {
    uid: uidOf(o.occurrenceId),
    sequence: o.sequence,
    stamp: o.changedAt,
    start: o.startAt,
    end: o.endAt,
    timezone: o.timezone,
    summary: waiting ? `${title} (waiting list)` : title,
    description: lines.length ? lines.join('\n\n') : null,
    location: where.length ? where.join(' · ') : null,
    url: viewer.discreet ? null : viewer.pageUrl,
    status: cancelled ? 'cancelled' : waiting ? 'tentative' : 'confirmed',
  };
}
