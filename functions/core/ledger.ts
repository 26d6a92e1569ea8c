/**
 * The RSVP ledger: who holds a place at a meetup and who waits, read from the arrival tickets
 * in each line. Pure; the store turns its decisions into conditional writes on the occurrence's
 * one item (DESIGN.md, decision 3).
 * @module
 */
import { ATTENDANCE, type Attendance } from './modes';

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

/** Everyone with an RSVP (going or waiting), who must hear when a meetup moves or is cancelled. */
export const everyoneWithRsvp = (o: {
  going: Record<string, unknown>;
  waitInPerson: string[];
  waitOnline: string[];
}) => [...Object.keys(o.going), ...o.waitInPerson, ...o.waitOnline];

/**
 * Where a new RSVP stands, from the size of its line just after its ticket was drawn: going while
 * the line fits in the places, else waiting, behind everyone who came before.
 */
export function placeAtEnd(attendance: Attendance, inLine: number, cap: number): RsvpState {
  return inLine <= cap
    ? { status: 'going', attendance }
    : { status: 'waitlisted', attendance, position: inLine - cap };
}
