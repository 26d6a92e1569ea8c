/**
 * Meetup rules: who schedules, what a member may see of a meetup, how a series becomes
 * occurrences, and the RSVP ledger's decisions. Pure; the store turns decisions into conditional
 * writes on the occurrence's one ledger item (DESIGN.md, decision 3).
 * @module
 */

import type { FieldError } from './errors';
import type { Membership, Role } from './groups';
import { expand, MAX_OCCURRENCES, parseRule, type Rule } from './recurrence';
import { formatLocal, type LocalParts, parseLocal, resolveLocal, sayLocal, wallClock } from './time';

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

/** Why an occurrence was cancelled by its series taking new dates (not on its own). */
export const NEW_DATES_REASON = 'The series moved to new dates';

/**
 * Why a cancelled occurrence cannot be put back on, or null when it can: it must still be ahead,
 * cancelled on its own (not by its series' new dates, nor with the whole series).
 */
export function whyNotRestore(
  o: { status: string; startAt: number; cancelReason?: string | null },
  seriesStatus: string,
  now: number,
): string | null {
  if (o.status !== 'cancelled') return 'This meetup is not cancelled';
  if (o.startAt <= now) return 'This meetup’s time has passed';
  if (seriesStatus === 'cancelled') return 'The whole series is cancelled';
  if (o.cancelReason === NEW_DATES_REASON)
    return 'This date is no longer one of the series’ dates: change the series’ dates to bring it back';
  return null;
}

/** Occurrence ids a series may ever hand out: each change of pattern starts a new run of them. */
export const MAX_SERIES_INDEX = 2000;

export interface SeriesPattern {
  /** The first meetup of the current pattern, local time in the group's zone. */
  start: string;
  rrule: string | null;
  /** The occurrence index the current pattern's first meetup has. */
  ruleFrom: number;
  /** Occurrence indices handed out so far (0 … occurrenceCount − 1). */
  occurrenceCount: number;
}

export interface Replanned {
  rule: Rule;
  ruleFrom: number;
  occurrenceCount: number;
  /** New occurrences, with the index each takes. */
  create: PlannedOccurrence[];
  /** Upcoming occurrences that stay (with their RSVPs): on a date of the new pattern. */
  keep: Set<string>;
  /** Upcoming occurrences on no date of the new pattern: they are cancelled. */
  cancel: string[];
}

/**
 * A series given a new pattern (rule and first date). Only what is ahead changes: upcoming
 * occurrences on a date of the new pattern stay as they are, RSVPs and own changes included; the
 * rest are cancelled; new dates get new occurrences. When the pattern keeps its first meetup and
 * agrees with the old one on every date both have (a series made longer or shorter), occurrences
 * keep their place in it; otherwise the new pattern starts a new run of indices, so no id is ever
 * reused. `upcoming` are the series' occurrences that have not started, scheduled or cancelled
 * on their own (a date cancelled on its own, say for a holiday, stays cancelled).
 */
export function replanSeries(
  series: SeriesPattern,
  change: { start: string; rrule: string },
  upcoming: { occurrenceId: string; index: number; startLocal: string; status: 'scheduled' | 'cancelled' }[],
  zone: string,
  now: number,
  /** The indices that have an occurrence at all (absent: every index handed out has one). */
  existing?: Set<number>,
): Replanned | { problems: FieldError[] } {
  const at = (message: string, path = 'body.recurrence.rrule') => ({ problems: [{ path, message }] });
  const anchor = parseLocal(change.start);
  if (!anchor) return at('That date or time does not exist', 'body.recurrence.start');
  const parsed = parseRule(change.rrule);
  if ('error' in parsed) return at(parsed.error);
  const planned = expand(parsed.rule, anchor, zone);
  if ('error' in planned) return at(planned.error);
  if (planned.occurrences.length > MAX_OCCURRENCES) return at(`At most ${MAX_OCCURRENCES} meetups`);
  if (!planned.occurrences.some((o) => o.epochMs > now)) return at('The new pattern has no dates ahead');

  const local = (o: { local: LocalParts }) => formatLocal(o.local);
  const old = oldDates(series, zone);
  const next = planned.occurrences.map(local);
  const inPlace =
    change.start === series.start &&
    old !== null &&
    series.occurrenceCount === series.ruleFrom + old.length &&
    next.slice(0, old.length).every((d, j) => d === old[j]);
  const base = inPlace ? series.ruleFrom : series.occurrenceCount;
  if (base + next.length > MAX_SERIES_INDEX)
    return at('This series has changed too often: schedule a new meetup for the new pattern');

  const scheduled = upcoming.filter((o) => o.status === 'scheduled');
  const byIndex = new Map(upcoming.map((o) => [o.index, o]));
  const byLocal = new Map(scheduled.map((o) => [o.startLocal, o]));
  // A date cancelled on its own (a holiday, say) stays cancelled under the new pattern.
  const called = new Set(upcoming.filter((o) => o.status === 'cancelled').map((o) => o.startLocal));
  const keep = new Set<string>();
  const create: PlannedOccurrence[] = [];
  planned.occurrences.forEach((o, j) => {
    if (o.epochMs <= now) return;
    const index = base + j;
    // The occurrence already at this place in the pattern (even if moved or cancelled on its
    // own), else an upcoming one on this date from an earlier pattern.
    const handedOut = inPlace && j < old!.length;
    const same = (handedOut ? byIndex.get(index) : undefined) ?? byLocal.get(next[j]!);
    // A change of dates a crash stopped before its new occurrences were written has handed out
    // indices with nothing there: finishing it writes them.
    const written = !handedOut || !existing || existing.has(index);
    if (same) {
      if (same.status === 'scheduled') keep.add(same.occurrenceId);
    } else if (!(handedOut && written) && !called.has(next[j]!)) {
      create.push({ index, local: o.local, startAt: o.epochMs, adjusted: o.adjusted });
    }
  });
  return {
    rule: parsed.rule,
    ruleFrom: base,
    occurrenceCount: Math.max(series.occurrenceCount, base + next.length),
    create,
    keep,
    cancel: scheduled.filter((o) => !keep.has(o.occurrenceId)).map((o) => o.occurrenceId),
  };
}

/** The local start of each meetup the series' current pattern describes, in order. */
function oldDates(series: SeriesPattern, zone: string): string[] | null {
  if (!series.rrule) return [series.start];
  const parsed = parseRule(series.rrule);
  const start = parseLocal(series.start);
  if ('error' in parsed || !start) return null;
  const out = expand(parsed.rule, start, zone);
  return 'error' in out ? null : out.occurrences.map((o) => formatLocal(o.local));
}

export function adjustmentWarning(adjusted: 'gap' | 'overlap', local: string, zone: string): string {
  return adjusted === 'gap'
    ? `${local.replace('T', ' ')} does not exist in ${zone} (the clocks go forward): that meetup is an hour later by the clock, and calendars show it so. Consider another time if that would confuse anyone.`
    : `${local.replace('T', ' ')} happens twice in ${zone} (the clocks go back): that meetup is at the first, and calendars show it so. Consider another time if that would confuse anyone.`;
}

/**
 * The RSVP ledger as stored in the occurrence's item. Each mode has a line: everyone who
 * answered going in that mode, with the arrival ticket the ledger item handed them (a counter
 * drawn in the same write, so tickets follow the order the writes landed in). The first
 * `cap` tickets of a line are going; the rest wait, in ticket order. Status is read from the
 * line, never stored, so no write can leave a place free while someone waits, or overbook: a
 * withdrawal or a raised capacity promotes by itself, and every RSVP write is conditioned on
 * the writer's own entry alone.
 */
export interface StoredLedger {
  lineInPerson: Record<string, number>;
  lineOnline: Record<string, number>;
  /** How many are in each line (going and waiting): the schedule index carries these. */
  inLineInPerson: number;
  inLineOnline: number;
  capInPerson: number;
  capOnline: number;
  /** The next arrival ticket. */
  tickets: number;
}

export const lineKey = (a: Attendance): 'lineInPerson' | 'lineOnline' =>
  a === 'in_person' ? 'lineInPerson' : 'lineOnline';
export const inLineKey = (a: Attendance): 'inLineInPerson' | 'inLineOnline' =>
  a === 'in_person' ? 'inLineInPerson' : 'inLineOnline';
export const capKey = (a: Attendance): 'capInPerson' | 'capOnline' =>
  a === 'in_person' ? 'capInPerson' : 'capOnline';

/** An empty ledger with these capacities. */
export const emptyLedger = (capInPerson: number, capOnline: number): StoredLedger => ({
  lineInPerson: {},
  lineOnline: {},
  inLineInPerson: 0,
  inLineOnline: 0,
  capInPerson,
  capOnline,
  tickets: 0,
});

/** Going and waiting counts from a line's size and its capacity. */
export function seatCounts(inLine: number, cap: number) {
  return { going: Math.min(inLine, cap), waiting: Math.max(0, inLine - cap) };
}

/** The counts every view shows; what the schedule index can answer without the lines. */
export interface SeatCounts {
  capInPerson: number;
  capOnline: number;
  goingInPerson: number;
  goingOnline: number;
  waitingInPerson: number;
  waitingOnline: number;
}

export function countsOf(
  s: Pick<StoredLedger, 'inLineInPerson' | 'inLineOnline' | 'capInPerson' | 'capOnline'>,
): SeatCounts {
  const p = seatCounts(s.inLineInPerson ?? 0, s.capInPerson ?? 0);
  const o = seatCounts(s.inLineOnline ?? 0, s.capOnline ?? 0);
  return {
    capInPerson: s.capInPerson ?? 0,
    capOnline: s.capOnline ?? 0,
    goingInPerson: p.going,
    goingOnline: o.going,
    waitingInPerson: p.waiting,
    waitingOnline: o.waiting,
  };
}

/** The ledger as read: who is going, and who waits in which order, per mode. */
export interface Ledger extends SeatCounts {
  going: Record<string, Attendance>;
  waitInPerson: string[];
  waitOnline: string[];
}

/** Reads status from the lines: the first `cap` tickets are going, the rest wait in order. */
export function readLedger(s: StoredLedger): Ledger {
  const going: Record<string, Attendance> = {};
  const wait: Record<Attendance, string[]> = { in_person: [], online: [] };
  for (const a of ATTENDANCE) {
    const line = Object.entries(s[lineKey(a)] ?? {}).sort((x, y) => x[1] - y[1]);
    line.forEach(([userId], i) => {
      if (i < (s[capKey(a)] ?? 0)) going[userId] = a;
      else wait[a].push(userId);
    });
  }
  return { ...countsOf(s), going, waitInPerson: wait.in_person, waitOnline: wait.online };
}

/** Who is going in `after` and was not in `before`, leaving out `except` (the one who moved). */
export function newlyGoing(before: Ledger, after: Ledger, except?: string): string[] {
  return Object.keys(after.going).filter((u) => u !== except && !before.going[u]);
}

export const waitKey = (a: Attendance): 'waitInPerson' | 'waitOnline' =>
  a === 'in_person' ? 'waitInPerson' : 'waitOnline';

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

/** Why an RSVP cannot change now, or null. RSVPs close at the closing time or the start. */
export function rsvpClosedReason(w: RsvpWindow, now: number): string | null {
  if (w.status === 'cancelled') return 'This meetup is cancelled';
  if (now >= w.startAt) return 'This meetup has already started';
  if (now >= w.closesAt) return 'RSVPs for this meetup have closed';
  if (now < w.opensAt)
    return `RSVPs open on ${sayLocal(wallClock(w.opensAt, w.timezone))} (${w.timezone.replace(/_/g, ' ')})`;
  return null;
}

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
  const live = upcoming.filter((o) => o.status === 'scheduled');
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
 * The address and the online link are for members who are going and for organisers; everyone
 * else sees the neighbourhood and "address shown once you RSVP".
 */
export function canSeeWhere(m: Membership | null | undefined, rsvp: RsvpState): boolean {
  return canSchedule(m) || (active(m) && rsvp?.status === 'going');
}

/** Everyone with an RSVP (going or waiting), who must hear when a meetup moves or is cancelled. */
export const everyoneWithRsvp = (o: {
  going: Record<string, unknown>;
  waitInPerson: string[];
  waitOnline: string[];
}) => [...Object.keys(o.going), ...o.waitInPerson, ...o.waitOnline];
