/**
 * Meetup rules: who schedules, what a member may see of a meetup, how a series becomes
 * occurrences, and the RSVP ledger's decisions. Pure; the store turns decisions into conditional
 * writes on the occurrence's one ledger item (DESIGN.md, decision 3).
 * @module
 */
import type { FieldError } from './errors';
import type { Membership, Role } from './groups';
import { expand, MAX_OCCURRENCES, parseRule, type Rule } from './recurrence';
import { type LocalParts, parseLocal, resolveLocal } from './time';

export const MEETUP_MODES = ['in_person', 'online', 'hybrid'] as const;
export type MeetupMode = (typeof MEETUP_MODES)[number];
export const ATTENDANCE = ['in_person', 'online'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const ACCESS_FEATURES = {
  step_free: 'Step-free access',
  accessible_toilet: 'Accessible toilet',
  quiet_room: 'Quiet room to step away',
  hearing_loop: 'Hearing loop',
  gender_neutral_toilet: 'Gender-neutral toilet',
  seating: 'Seating with back and arms',
  parking: 'Accessible parking nearby',
  public_transport: 'Near public transport',
} as const;

const ORGANISERS: readonly Role[] = ['owner', 'facilitator'];
const ATTENDEE_READERS: readonly Role[] = ['owner', 'moderator', 'facilitator'];

const active = (m: Membership | null | undefined): m is Membership => m?.status === 'active';
/** Owners and facilitators schedule and edit meetups. */
export const canSchedule = (m: Membership | null | undefined) => active(m) && ORGANISERS.includes(m.role);
/** Attendee lists are for facilitators, moderators and owners; members see counts. */
export const canSeeAttendees = (m: Membership | null | undefined) =>
  active(m) && ATTENDEE_READERS.includes(m.role);

export const modesOf = (mode: MeetupMode): Attendance[] =>
  mode === 'hybrid' ? ['in_person', 'online'] : [mode as Attendance];

export interface MeetupShape {
  start: string;
  mode: MeetupMode;
  venue?: unknown;
  online?: unknown;
  capacity: { inPerson?: number; online?: number };
}

/** Cross-field checks the schema cannot express: what each mode needs. */
export function shapeProblems(m: MeetupShape): FieldError[] {
  const problems: FieldError[] = [];
  const offers = modesOf(m.mode);
  if (offers.includes('in_person')) {
    if (!m.venue) problems.push({ path: 'body.venue', message: 'An in-person meetup needs a venue' });
    if (!m.capacity.inPerson)
      problems.push({ path: 'body.capacity.inPerson', message: 'How many places in the room?' });
  } else {
    if (m.venue) problems.push({ path: 'body.venue', message: 'An online meetup has no venue' });
    if (m.capacity.inPerson)
      problems.push({ path: 'body.capacity.inPerson', message: 'An online meetup has no room' });
  }
  if (offers.includes('online')) {
    if (!m.online) problems.push({ path: 'body.online', message: 'An online meetup needs a link' });
    if (!m.capacity.online)
      problems.push({ path: 'body.capacity.online', message: 'How many online places?' });
  } else {
    if (m.online) problems.push({ path: 'body.online', message: 'An in-person meetup has no online link' });
    if (m.capacity.online)
      problems.push({ path: 'body.capacity.online', message: 'An in-person meetup has no online places' });
  }
  return problems;
}

export interface PlannedOccurrence {
  index: number;
  local: LocalParts;
  startAt: number;
  adjusted: 'gap' | 'overlap' | null;
}

/**
 * The occurrences a meetup has: one, or its series expanded in the group's zone. Refuses a
 * start in the past, a time or rule the subset cannot express, or more than 500 meetups.
 */
export function planOccurrences(
  input: { start: string; rrule?: string },
  zone: string,
  now: number,
): { rule: Rule | null; occurrences: PlannedOccurrence[] } | { problems: FieldError[] } {
  const local = parseLocal(input.start);
  if (!local) return { problems: [{ path: 'body.start', message: 'That date or time does not exist' }] };
  let rule: Rule | null = null;
  let planned: PlannedOccurrence[];
  if (input.rrule) {
    const parsed = parseRule(input.rrule);
    if ('error' in parsed) return { problems: [{ path: 'body.recurrence.rrule', message: parsed.error }] };
    rule = parsed.rule;
    const expanded = expand(rule, local, zone);
    if ('error' in expanded)
      return { problems: [{ path: 'body.recurrence.rrule', message: expanded.error }] };
    planned = expanded.occurrences.map((o, index) => ({
      index,
      local: o.local,
      startAt: o.epochMs,
      adjusted: o.adjusted,
    }));
  } else {
    const r = resolveLocal(local, zone);
    planned = [{ index: 0, local, startAt: r.epochMs, adjusted: r.adjusted }];
  }
  if (planned[0]!.startAt <= now)
    return { problems: [{ path: 'body.start', message: 'Choose a start in the future' }] };
  if (planned.length > MAX_OCCURRENCES) {
    return { problems: [{ path: 'body.recurrence.rrule', message: `At most ${MAX_OCCURRENCES} meetups` }] };
  }
  return { rule, occurrences: planned };
}

export function adjustmentWarning(adjusted: 'gap' | 'overlap', local: string, zone: string): string {
  return adjusted === 'gap'
    ? `${local.replace('T', ' ')} does not exist in ${zone} (the clocks go forward); it is scheduled an hour later by the clock. Some calendar apps show such times differently: consider another time.`
    : `${local.replace('T', ' ')} happens twice in ${zone} (the clocks go back); the first one is used. Some calendar apps may show the second: consider another time.`;
}

/** The part of an occurrence item that is the RSVP ledger. */
export interface Ledger {
  /** Who is going, and how. */
  going: Record<string, Attendance>;
  goingInPerson: number;
  goingOnline: number;
  capInPerson: number;
  capOnline: number;
  /** Waiting lists in arrival order. */
  waitInPerson: string[];
  waitOnline: string[];
}

export const waitKey = (a: Attendance): 'waitInPerson' | 'waitOnline' =>
  a === 'in_person' ? 'waitInPerson' : 'waitOnline';
export const goingKey = (a: Attendance): 'goingInPerson' | 'goingOnline' =>
  a === 'in_person' ? 'goingInPerson' : 'goingOnline';
export const capKey = (a: Attendance): 'capInPerson' | 'capOnline' =>
  a === 'in_person' ? 'capInPerson' : 'capOnline';

export type RsvpState =
  | { status: 'going'; attendance: Attendance }
  | { status: 'waitlisted'; attendance: Attendance; position: number }
  | null;

export function rsvpOf(ledger: Ledger, userId: string): RsvpState {
  const going = ledger.going[userId];
  if (going) return { status: 'going', attendance: going };
  for (const a of ATTENDANCE) {
    const i = (ledger[waitKey(a)] ?? []).indexOf(userId);
    if (i >= 0) return { status: 'waitlisted', attendance: a, position: i + 1 };
  }
  return null;
}

export type RsvpWindow = {
  opensAt: number;
  closesAt: number;
  startAt: number;
  status: 'scheduled' | 'cancelled';
};

/** Why an RSVP cannot change now, or null. RSVPs close at the closing time or the start. */
export function rsvpClosedReason(w: RsvpWindow, now: number): string | null {
  if (w.status === 'cancelled') return 'This meetup is cancelled';
  if (now >= w.startAt) return 'This meetup has already started';
  if (now >= w.closesAt) return 'RSVPs for this meetup have closed';
  if (now < w.opensAt)
    return `RSVPs open on ${new Date(w.opensAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return null;
}

/** "5 of 12 places taken" */
export function seatsText(going: number, capacity: number): string {
  return going >= capacity ? `All ${capacity} places taken` : `${going} of ${capacity} places taken`;
}

/**
 * The address and the online link are for members who are going and for organisers; everyone
 * else sees the neighbourhood and "address shown once you RSVP".
 */
export function canSeeWhere(m: Membership | null | undefined, rsvp: RsvpState): boolean {
  return canSchedule(m) || (active(m) && rsvp?.status === 'going');
}
