/**
 * What routes about meetups share: the occurrence view with its privacy rules, loading an
 * occurrence the caller may see, and telling members about changes.
 * @module
 */
import { forbidden, notFound } from '../../core/errors';
import { canSeeInside, type Membership } from '../../core/groups';
import {
  type Attendance,
  canSeeWhere,
  localStart,
  type RsvpState,
  rsvpOf,
  sayStart,
} from '../../core/meetups';
import { describeRule, parseRule } from '../../core/recurrence';
import { defaultStaffing } from '../../core/roster';
import type { OccurrenceView } from '../../core/schemas/meetups';
import { parseLocal } from '../../core/time';
import { keyOf } from '../../store/batch';
import { groupOf, type Key, keys } from '../../store/keys';
import { feedsRepo } from '../../store/repos/feeds';
import { MEMBER_FIELDS, type MemberRecord } from '../../store/repos/groups';
import {
  type MeetupRecord,
  type OccurrenceCard,
  type OccurrenceRecord,
  owedByLeaving,
  RsvpClosed,
  readOccurrence,
  rsvpPaths,
} from '../../store/repos/meetups';
import type { NotificationRecord } from '../../store/repos/notifications';
import { owedRepo } from '../../store/repos/owed';
import type { Ctx } from '../context';
import { feedsChanged } from '../feed-stamps';
import type { Prefetch } from '../middleware/session';

export const NOT_FOUND = 'No such meetup, or it is in a private group';
export const iso = (ms: number) => new Date(ms).toISOString();

export function view(
  o: OccurrenceCard | OccurrenceRecord,
  viewer: { userId: string | null; member: Membership | null },
  /** The viewer's RSVP when known better than the ledger read (just made). */
  known?: RsvpState,
): OccurrenceView {
  const ledger = 'going' in o ? o : null;
  const rsvp = known !== undefined ? known : ledger && viewer.userId ? rsvpOf(ledger, viewer.userId) : null;
  const where = canSeeWhere(viewer.member, rsvp);
  const seats = (cap: number | undefined, going: number, waiting: number) =>
    cap ? { capacity: cap, going, waitlisted: waiting } : null;
  return {
    occurrenceId: o.occurrenceId,
    meetupId: o.meetupId,
    groupId: o.groupId,
    title: o.title,
    description: o.description,
    startLocal: localStart(o),
    startAt: iso(o.startAt),
    endAt: iso(o.endAt),
    timezone: o.timezone,
    mode: o.mode,
    status: o.status,
    cancelReason: o.cancelReason ?? null,
    sequence: o.sequence,
    venue: o.venue
      ? {
          name: o.venue.name,
          neighbourhood: o.venue.neighbourhood ?? null,
          address: where ? o.venue.address : null,
          access: o.venue.access as NonNullable<OccurrenceView['venue']>['access'],
          accessNotes: o.venue.accessNotes ?? null,
        }
      : null,
    online: o.online
      ? { url: where ? o.online.url : null, notes: where ? (o.online.notes ?? null) : null }
      : null,
    seats: {
      inPerson: seats(o.capInPerson, o.goingInPerson, o.waitingInPerson),
      online: seats(o.capOnline, o.goingOnline, o.waitingOnline),
    },
    rsvpOpensAt: iso(o.rsvpOpensAt),
    rsvpClosesAt: iso(o.rsvpClosesAt),
    rsvp,
    recurring: o.recurring,
  };
}

export function meetupView(m: MeetupRecord) {
  const start = parseLocal(m.start)!;
  let repeats: string | null = null;
  if (m.rrule) {
    // The stored rule was parsed at scheduling; describe it for people.
    const parsed = parseRule(m.rrule);
    repeats = 'rule' in parsed ? describeRule(parsed.rule, start) : null;
  }
  return {
    meetupId: m.meetupId,
    groupId: m.groupId,
    title: m.title,
    description: m.description,
    start: m.start,
    durationMinutes: m.durationMinutes,
    mode: m.mode,
    capacity: { inPerson: m.capacity.inPerson ?? null, online: m.capacity.online ?? null },
    rrule: m.rrule,
    staffing: m.staffing ?? defaultStaffing(m.mode),
    rsvpOpensHoursBefore: m.rsvpOpensHoursBefore ?? null,
    rsvpClosesMinutesBefore: m.rsvpClosesMinutesBefore,
    repeats,
    status: m.status,
  };
}

const occurrenceKeys = (occurrenceId: string, userId: string): [Key, Key] => [
  keys.occurrence(occurrenceId),
  keys.member(groupOf(occurrenceId), userId),
];

/** A route's `prefetch`: the occurrence and the caller's membership, read with the session. */
export const withOccurrence = (params: { occurrenceId: string }, userId: string): Prefetch => ({
  keys: occurrenceKeys(params.occurrenceId, userId),
});

/**
 * The `prefetch` of RSVP routes: the membership, and the occurrence without anyone's entry in
 * its lines but the caller's, so an RSVP reads the same however many are going.
 */
export const forRsvp = (params: { occurrenceId: string }, userId: string): Prefetch => ({
  keys: [...occurrenceKeys(params.occurrenceId, userId), keys.feed(userId)],
  only: [...Object.keys(MEMBER_FIELDS).map((f) => [f]), ...rsvpPaths(userId)],
});

/**
 * A member's RSVP to `o` as read (answering in a line `to`, or withdrawing: null), made so a
 * crash at any point is repaired: first, at once, a marker on their calendar feed (when they have
 * one; the RSVP routes' prefetch knows: `hasFeed`) and a record of the notice it owes if it may
 * move someone up; then the ledger write; then the feed's note and the notice, each taking its
 * marker or record off. A write refused (closed, or too contended) takes them off at once.
 */
export async function changeRsvp<T extends { occurrence: OccurrenceRecord; promoted: string[] }>(
  c: Ctx,
  userId: string,
  o: OccurrenceRecord,
  to: Attendance | null,
  opts: { at: number; hasFeed?: boolean; answer: (result: T) => RsvpState },
  write: () => Promise<T>,
): Promise<T> {
  const { db } = c.var.services.config;
  const feeds = feedsRepo(db);
  const owed = owedRepo(db);
  const [marker, record] = await Promise.all([
    opts.hasFeed === false ? null : feeds.markUnsure(userId, o.occurrenceId, opts.at),
    owed.record(o.occurrenceId, owedByLeaving(o, userId, opts.at, to ?? undefined)),
  ]);
  let result: T;
  try {
    result = await write();
  } catch (e) {
    if (e instanceof RsvpClosed)
      await Promise.all([marker && feeds.dropMarkers(userId, [marker]), owed.drop(record)]);
    throw e;
  }
  const after = result.occurrence;
  const rsvp = opts.answer(result);
  await Promise.all([
    marker &&
      feeds.noteRsvp(userId, after.occurrenceId, rsvp?.attendance ?? null, after.version, [marker], opts.at),
    // Who it moved up: told as recorded; or, when someone began waiting after the line was read
    // (nothing was recorded), told all the same.
    record ? owed.tell(after, record) : notifyPromoted(c, after, result.promoted, opts.at),
  ]);
  return result;
}

/** Whether the RSVP routes' prefetch found the caller's calendar feed. */
export const prefetchedFeed = (c: Ctx, userId: string) => c.var.prefetched.has(keyOf(keys.feed(userId)));

/** Loads an occurrence the caller may see; 404 for private groups' outsiders and for no such thing. */
export async function loadOccurrence(c: Ctx, occurrenceId: string) {
  const auth = c.get('auth');
  const { meetups, groups } = c.var.services;
  const [ok, mk] = occurrenceKeys(occurrenceId, auth?.userId ?? '');
  const found = c.var.prefetched;
  const { occurrence, member } =
    auth && found.has(keyOf(ok))
      ? {
          occurrence: readOccurrence(found.get(keyOf(ok))!),
          member: (found.get(keyOf(mk)) as MemberRecord | undefined) ?? null,
        }
      : await meetups.getOccurrenceWithMember(occurrenceId, auth?.userId ?? null);
  if (!occurrence) throw notFound(NOT_FOUND);
  if (member?.status !== 'active') {
    const group = await groups.getGroup(groupOf(occurrenceId));
    if (!group || !canSeeInside(group.visibility, member)) throw notFound(NOT_FOUND);
  }
  return { occurrence, member, viewer: { userId: auth?.userId ?? null, member } };
}

/** Tells members who moved up from a waiting list that they now have a place. */
export async function notifyPromoted(
  c: Ctx,
  o: OccurrenceRecord,
  promoted: string[],
  at: number,
): Promise<void> {
  // Independent writes: made at once, so a promotion adds one round trip, not two.
  await Promise.all([
    feedsChanged(c, promoted),
    notify(
      c,
      o,
      promoted,
      'promoted',
      `A place opened up: you are now going to “${o.title}” on ${when(o)}.`,
      at,
    ),
  ]);
}

/** When a meetup starts, in words, as its people's clocks say. */
export const when = sayStart;

/** Everyone with an RSVP (going or waiting), who must hear when a meetup moves or is cancelled. */
export const everyoneWithRsvp = (o: OccurrenceRecord) => [
  ...Object.keys(o.going),
  ...o.waitInPerson,
  ...o.waitOnline,
];

export async function notify(
  c: Ctx,
  o: OccurrenceRecord,
  userIds: string[],
  kind: NotificationRecord['kind'],
  text: string,
  at: number,
): Promise<void> {
  if (!userIds.length) return;
  await c.var.services.notifications.notify(
    userIds.map((userId) => ({ userId, kind, text, occurrenceId: o.occurrenceId, groupId: o.groupId })),
    at,
  );
}

export function requireActiveMember(member: MemberRecord | null): MemberRecord {
  if (!member) throw forbidden('Join the group to RSVP');
  if (member.status !== 'active') throw forbidden('Your request to join is waiting for approval');
  return member;
}
