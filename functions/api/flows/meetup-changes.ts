/**
 * What changing meetups shares, for one occurrence (routes/meetups) and for a series
 * (flows/series): who may, what shape a change may take, and changing or cancelling an occurrence
 * with the notices it owes recorded and told.
 * @module
 */
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { emptyLedger } from '../../core/ledger';
import { canSchedule, changeShapeProblems, meetsOf, rsvpWindowOf } from '../../core/meetups';
import { modesOf } from '../../core/modes';
import { owedByChange } from '../../core/owed';
import { defaultStaffing } from '../../core/roster';
import { adjustmentWarning, type PlannedOccurrence } from '../../core/series';
import { formatLocal } from '../../core/time';
import { occurrenceIdFor } from '../../store/ids';
import type { MeetupRecord, OccurrenceItem, OccurrenceRecord } from '../../store/repos/meetup-records';
import type { MeetupsRepo } from '../../store/repos/meetups';
import { meetupsRepo } from '../../store/repos/meetups';
import { owedRepo } from '../../store/repos/owed';
import { loadGroup } from '../access/groups';
import { NOT_FOUND } from '../access/meetups';
import type { Ctx } from '../context';
import { scheduleChanged } from '../feed-stamps';
import { dutiesFollow } from './duties';

/** The series and the caller's right to change it (`cancelled`: a cancelled one too). */
export async function loadSeries(c: Ctx, meetupId: string, opts: { cancelled?: boolean } = {}) {
  const { group, member } = await loadGroup(c, meetupId.slice(0, 22));
  const meetup = await c.var.services.repo(meetupsRepo).getMeetup(meetupId);
  if (!meetup) throw notFound(NOT_FOUND);
  if (!canSchedule(member)) throw forbidden('Only owners and facilitators change meetups');
  if (meetup.status === 'cancelled' && !opts.cancelled) throw conflict('This series is cancelled');
  return { group, member, meetup };
}

/** Venue, link and capacity must suit the meetup's mode. */
export function checkShape(mode: MeetupRecord['mode'], body: Parameters<typeof changeShapeProblems>[1]) {
  const problems = changeShapeProblems(mode, body);
  if (problems.length) throw invalid('Some fields need another look', problems);
}

/** Cancels an occurrence and tells everyone with an RSVP; false when it was no longer scheduled. */
export async function cancelAndTell(
  c: Ctx,
  occurrenceId: string,
  reason: string,
  at: number,
): Promise<boolean> {
  const owed = c.var.services.repo(owedRepo);
  // Recorded first: a crash after the cancellation still tells everyone (the owed-notices job).
  const record = await owed.record(occurrenceId, [{ kind: 'cancelled', at, reason }]);
  const after = await c.var.services.repo(meetupsRepo).cancelOccurrence(occurrenceId, reason, at);
  if (!after) {
    await owed.drop(record); // cancelled meanwhile by someone else: they tell
    return false;
  }
  await dutiesFollow(c, after);
  await owed.tell(after, record!);
  return true;
}

/**
 * Puts a cancelled occurrence back on, from `o` as read: nobody's place or duty comes back (they
 * may have made other plans), and everyone who had one is told, and their calendar feeds forget
 * it (the owed-notices job does both if the request dies). How many were told; null when it
 * changed meanwhile.
 */
export async function restoreAndTell(c: Ctx, o: OccurrenceRecord, at: number): Promise<number | null> {
  const had = [
    ...Object.keys(o.lineInPerson),
    ...Object.keys(o.lineOnline),
    ...Object.values(o.roster ?? {}).flatMap((slot) => (slot ? [slot.userId] : [])),
  ];
  const userIds = [...new Set(had)];
  const owed = c.var.services.repo(owedRepo);
  const record = await owed.record(o.occurrenceId, [{ kind: 'restored', at, userIds }]);
  const after = await c.var.services.repo(meetupsRepo).restoreOccurrence(o.occurrenceId, o.version, at);
  if (!after) {
    await owed.drop(record);
    return null;
  }
  await owed.tell(after, record!);
  return userIds.length;
}

/**
 * Changes an occurrence from `o` as read; the notices the change owes (it moved, its place or
 * link changed, a raised capacity moved people up) are recorded first, then told. Null when the
 * write's condition failed (capacity below who is going, or cancelled meanwhile).
 */
export async function changeAndTell(
  c: Ctx,
  o: OccurrenceRecord,
  set: Parameters<MeetupsRepo['updateOccurrence']>[1],
  at: number,
  overrides?: string[],
) {
  const owed = owedByChange(
    o,
    { ...set, startAt: set.startAt ?? o.startAt, endAt: set.endAt ?? o.endAt },
    at,
  );
  const owing = c.var.services.repo(owedRepo);
  const record = await owing.record(o.occurrenceId, owed);
  const result = await c.var.services
    .repo(meetupsRepo)
    .updateOccurrence(o.occurrenceId, set, { now: at, overrides });
  if (!result) {
    await owing.drop(record);
    return null;
  }
  const after = result.occurrence;
  if (after.startAt !== o.startAt || after.endAt !== o.endAt) await dutiesFollow(c, after);
  if (record) await owing.tell(after, record);
  return result;
}

/** A new occurrence of a meetup as planned: the meetup's details and an empty ledger. */
export function occurrenceItem(
  meetup: MeetupRecord,
  p: PlannedOccurrence,
  zone: string,
  at: number,
): OccurrenceItem {
  const offers = modesOf(meetup.mode);
  return {
    occurrenceId: occurrenceIdFor(meetup.meetupId, p.index),
    meetupId: meetup.meetupId,
    groupId: meetup.groupId,
    index: p.index,
    title: meetup.title,
    description: meetup.description,
    startLocal: formatLocal(p.local),
    startAt: p.startAt,
    endAt: p.startAt + meetup.durationMinutes * 60_000,
    timezone: zone,
    mode: meetup.mode,
    venue: meetup.venue,
    online: meetup.online,
    status: 'scheduled',
    cancelReason: null,
    sequence: 0,
    changedAt: at,
    ...rsvpWindowOf(p.startAt, meetup, at),
    recurring: !!meetup.rrule,
    staffing: meetup.staffing ?? defaultStaffing(meetup.mode),
    roster: {},
    ...emptyLedger(
      offers.includes('in_person') ? meetup.capacity.inPerson! : 0,
      offers.includes('online') ? meetup.capacity.online! : 0,
    ),
    version: 1,
  };
}

/** Times that fell in a clock change, and how they were placed. */
export const warningsFor = (planned: PlannedOccurrence[], zone: string) =>
  planned
    .filter((p) => p.adjusted)
    .map((p) => ({
      startLocal: formatLocal(p.local),
      message: adjustmentWarning(p.adjusted!, formatLocal(p.local), zone),
    }));

/** The schedule changed: calendar feeds' validators, and how the group meets on its card. */
export async function scheduleMoved(c: Ctx, groupId: string): Promise<void> {
  const version = await scheduleChanged(c, groupId);
  const { groups, now } = c.var.services;
  const meetups = c.var.services.repo(meetupsRepo);
  const at = now();
  const { items } = await meetups.listSchedule(groupId, { from: at, to: at + 400 * 86_400_000, limit: 50 });
  await groups.setMeets(groupId, version, meetsOf(items));
}
