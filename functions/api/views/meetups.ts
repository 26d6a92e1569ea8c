/**
 * What the API answers about a meetup and its occurrences, with the privacy rules of
 * core/meetups applied (where it meets, who is going).
 * @module
 */

import type { Membership } from '../../core/groups';
import { type RsvpState, rsvpOf } from '../../core/ledger';
import { canSeeWhere, localStart, sayStart } from '../../core/meetups';
import { describeRule, parseRule } from '../../core/recurrence';
import { defaultStaffing } from '../../core/roster';
import type { OccurrenceView } from '../../core/schemas/meetups';
import { iso, parseLocal } from '../../core/time';
import type { MeetupRecord, OccurrenceCard, OccurrenceRecord } from '../../store/repos/meetup-records';

export function view(
  o: OccurrenceCard | OccurrenceRecord,
  viewer: { userId: string | null; member: Membership | null },
  /** The viewer's RSVP when known better than the ledger read (just made). */
  known?: RsvpState,
): OccurrenceView {
  const ledger = 'going' in o ? o : null;
  const rsvp = known !== undefined ? known : ledger && viewer.userId ? rsvpOf(ledger, viewer.userId) : null;
  // The professional answering at a Q&A is told where, as those with a place are.
  const where = canSeeWhere(viewer.member, rsvp, !!viewer.userId && o.speaker === viewer.userId);
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

/** When a meetup starts, in words, as its people's clocks say. */
export const when = sayStart;
