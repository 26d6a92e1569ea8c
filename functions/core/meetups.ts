/**
 * Meetup rules: who schedules, what a member may see of a meetup (where it meets, who is going),
 * the shape a meetup and a change to it may take, its RSVP window, and how a group meets for its
 * directory card. The RSVP ledger is core/ledger.ts; a series' dates are core/series.ts.
 * @module
 */

import type { FieldError } from './errors';
import type { Membership, Role } from './groups';
import type { RsvpState } from './ledger';
import { type MeetupMode, modesOf } from './modes';
import { sayLocal, wallClock, zoneName } from './time';

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

export interface MeetupShape extends RsvpRule {
  start: string;
  mode: MeetupMode;
  venue?: unknown;
  online?: unknown;
  capacity: { inPerson?: number; online?: number };
}

/** Cross-field checks the schema cannot express: what each mode needs, and an RSVP window. */
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
  problems.push(...rsvpWindowProblems(m));
  return problems;
}

/** When RSVPs open and close, relative to each meetup of a series. */
export interface RsvpRule {
  /** Absent or null: as soon as the meetup is scheduled. */
  rsvpOpensHoursBefore?: number | null;
  rsvpClosesMinutesBefore?: number;
}

/** A window that closes before it opens lets no one RSVP. */
export function rsvpWindowProblems(r: RsvpRule): FieldError[] {
  return r.rsvpOpensHoursBefore && r.rsvpOpensHoursBefore * 60 <= (r.rsvpClosesMinutesBefore ?? 0)
    ? [
        {
          path: 'body.rsvpClosesMinutesBefore',
          message: 'RSVPs would close before they open: close them later, or open them earlier',
        },
      ]
    : [];
}

/**
 * The RSVP window of a meetup starting at `startAt` under `rule`, set `now`: a window chosen for
 * a series applies as chosen (who has an RSVP keeps it, and may still withdraw). RSVPs that
 * open as soon as a meetup is scheduled opened when it was (`openedAt`), if that is past.
 */
export function rsvpWindowOf(
  startAt: number,
  rule: RsvpRule,
  now: number,
  openedAt = now,
): { rsvpOpensAt: number; rsvpClosesAt: number } {
  return {
    rsvpOpensAt: rule.rsvpOpensHoursBefore
      ? startAt - rule.rsvpOpensHoursBefore * 3_600_000
      : Math.min(openedAt, now),
    rsvpClosesAt: startAt - (rule.rsvpClosesMinutesBefore ?? 0) * 60_000,
  };
}

export type RsvpWindow = {
  opensAt: number;
  closesAt: number;
  startAt: number;
  status: 'scheduled' | 'cancelled';
  /** The group's zone, to say when RSVPs open. */
  timezone: string;
};

/**
 * When a meetup starts as its people's clocks say, `YYYY-MM-DDTHH:mm` in its zone (not its
 * nominal `startLocal`: a time asked for in a DST gap reads an hour later, as calendars show it).
 */
export const localStart = (o: { startAt: number; timezone: string }) => wallClock(o.startAt, o.timezone);

/** The same, in words: "Tue 16 Mar 2027 at 18:30". */
export const sayStart = (o: { startAt: number; timezone: string }) => sayLocal(localStart(o));

/**
 * Why an RSVP cannot change now, or null. RSVPs close at the closing time or the start. Before
 * they open, the opening's date and zone as any language says them (`values`).
 */
export function rsvpClosed(
  w: RsvpWindow,
  now: number,
): { message: string; values?: (locale: string) => Record<string, string> } | null {
  if (w.status === 'cancelled') return { message: 'This meetup is cancelled' };
  if (now >= w.startAt) return { message: 'This meetup has already started' };
  if (now >= w.closesAt) return { message: 'RSVPs for this meetup have closed' };
  if (now < w.opensAt) {
    const values = (locale: string) => ({
      when: sayLocal(wallClock(w.opensAt, w.timezone), {}, locale),
      zone: zoneName(w.timezone, locale),
    });
    const { when, zone } = values('en');
    return { message: `RSVPs open on ${when} (${zone})`, values };
  }
  return null;
}

export const rsvpClosedReason = (w: RsvpWindow, now: number): string | null =>
  rsvpClosed(w, now)?.message ?? null;

/**
 * The RSVP window of a meetup moved by `shift` ms: it moves with the meetup, except that RSVPs
 * already open stay open (no one is shut out by a move).
 */
export function movedWindow(
  w: { rsvpOpensAt: number; rsvpClosesAt: number },
  shift: number,
  now: number,
): { rsvpOpensAt: number; rsvpClosesAt: number } {
  return {
    rsvpOpensAt: w.rsvpOpensAt <= now ? w.rsvpOpensAt : w.rsvpOpensAt + shift,
    rsvpClosesAt: w.rsvpClosesAt + shift,
  };
}

/** How a group meets, for its directory card: from its upcoming meetups. */
export interface Meets {
  inPerson: boolean;
  online: boolean;
  /** Neighbourhoods of its meetups in person (public on every meetup's page), at most 3. */
  places: string[];
  /** The next 20 starts (five months of a weekly group), so a card can name the next one… */
  starts: number[];
  /** …and how each meets (absent where recorded before it was kept). */
  modes?: MeetupMode[];
}

/** How far ahead a member's own list of meetups looks (its page says so). */
export const MY_MEETUPS_DAYS = 120;

/** `upcoming`: the group's meetups from now, earliest first. Null when none is scheduled. */
export function meetsOf(
  upcoming: { status: string; mode: MeetupMode; startAt: number; venue?: { neighbourhood?: string } }[],
): Meets | null {
  // Earliest first, whatever order they were read in: the card names the first as the next.
  const live = upcoming.filter((o) => o.status === 'scheduled').sort((a, b) => a.startAt - b.startAt);
  if (!live.length) return null;
  const places = live
    .filter((o) => o.mode !== 'online')
    .map((o) => o.venue?.neighbourhood?.trim())
    .filter((n): n is string => !!n);
  return {
    inPerson: live.some((o) => o.mode !== 'online'),
    online: live.some((o) => o.mode !== 'in_person'),
    places: [...new Set(places)].slice(0, 3),
    starts: live.slice(0, 20).map((o) => o.startAt),
    modes: live.slice(0, 20).map((o) => o.mode),
  };
}

/** "5 of 12 places taken", "0 of 1 place taken", "all 12 places taken", "the 1 place is taken" */
export function seatsText(going: number, capacity: number): string {
  if (going >= capacity) return capacity === 1 ? 'the 1 place is taken' : `all ${capacity} places taken`;
  return `${going} of ${capacity} ${capacity === 1 ? 'place' : 'places'} taken`;
}

/**
 * The address and the online link are for members who are going, for organisers and for the
 * professional who speaks at it (`speaks`); everyone else sees the neighbourhood and "address
 * shown once you RSVP".
 */
export function canSeeWhere(m: Membership | null | undefined, rsvp: RsvpState, speaks = false): boolean {
  return canSchedule(m) || (active(m) && (rsvp?.status === 'going' || speaks));
}

/** Where a change gives a venue, a link or a capacity the meetup's mode does not offer. */
export function changeShapeProblems(
  mode: MeetupMode,
  body: { venue?: unknown; online?: unknown; capacity?: { inPerson?: number; online?: number } },
): FieldError[] {
  const offers = modesOf(mode);
  const problems: FieldError[] = [];
  if (body.venue && !offers.includes('in_person'))
    problems.push({ path: 'body.venue', message: 'This meetup is online only' });
  if (body.online && !offers.includes('online'))
    problems.push({ path: 'body.online', message: 'This meetup is in person only' });
  if (body.capacity?.inPerson && !offers.includes('in_person'))
    problems.push({ path: 'body.capacity.inPerson', message: 'This meetup is online only' });
  if (body.capacity?.online && !offers.includes('online'))
    problems.push({ path: 'body.capacity.online', message: 'This meetup is in person only' });
  return problems;
}
