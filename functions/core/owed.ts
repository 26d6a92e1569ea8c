/**
 * Notices a change to an occurrence owes its people (someone moved up a waiting list, the
 * meetup moved or was cancelled). The request that makes the change records them first, makes
 * the change, tells them, and takes the record off; a crash between leaves the record, and the
 * owed-notices job tells them if the change was made. Who is owed what follows from the record
 * and the occurrence as it is now; each notice's id follows from the record, so telling twice
 * tells once.
 * @module
 */

import { type NoticeWords, notice } from './i18n/notices';
import { capKey, inLineKey, type Ledger, lineKey, newlyGoing, readLedger, type StoredLedger } from './ledger';
import type { Attendance } from './modes';
import type { NotificationKind } from './notifications';

export type Owed =
  /** A member left a line (withdrew, switched, left the group): who it moved up. */
  | { kind: 'left'; at: number; userId: string; attendance: Attendance; ticket: number }
  /** Capacities were raised from these: who it moved up. */
  | { kind: 'raised'; at: number; capInPerson: number; capOnline: number }
  /** It moved from these times, or its place or link changed: everyone with an RSVP. */
  | { kind: 'moved'; at: number; startAt: number; endAt: number }
  | { kind: 'cancelled'; at: number; reason: string }
  /** A cancelled meetup is back on; who had an RSVP or a duty (neither was kept). */
  | { kind: 'restored'; at: number; userIds: string[] };

/** An occurrence as these notices need it. */
export interface OwedSubject extends StoredLedger, Ledger {
  occurrenceId: string;
  groupId: string;
  title: string;
  startAt: number;
  endAt: number;
  timezone: string;
  status: string;
}

export interface Notice {
  kind: NotificationKind;
  userIds: string[];
  notice: NoticeWords;
  /** Names the event, so the same notice told again is the same item. */
  once: string;
}

/**
 * Whether the change `owed` records was made (a crash may have come before it): the member's
 * ticket is out of their line; the occurrence changed at or after the record (and is cancelled,
 * for a cancellation).
 */
export function happened(owed: Owed, o: OwedSubject & { changedAt?: number }): boolean {
  if (owed.kind === 'left') return o[lineKey(owed.attendance)][owed.userId] !== owed.ticket;
  const changed = (o.changedAt ?? 0) >= owed.at;
  if (owed.kind === 'cancelled') return changed && o.status === 'cancelled';
  if (owed.kind === 'restored') return changed && o.status === 'scheduled';
  return changed;
}

const everyoneWithRsvp = (o: Ledger) => [...Object.keys(o.going), ...o.waitInPerson, ...o.waitOnline];

/** What `owed` tells, given the occurrence now. */
export function noticeOf(owed: Owed, o: OwedSubject): Notice {
  const once = `${owed.kind}:${o.occurrenceId}:${owed.at}`;
  const when = { at: o.startAt, zone: o.timezone };
  const title = o.title;
  switch (owed.kind) {
    case 'left':
    case 'raised': {
      // The ledger as it would be without this change, against the ledger now.
      const before =
        owed.kind === 'left'
          ? readLedger({
              ...o,
              [lineKey(owed.attendance)]: { ...o[lineKey(owed.attendance)], [owed.userId]: owed.ticket },
              [inLineKey(owed.attendance)]: o[inLineKey(owed.attendance)] + 1,
            })
          : readLedger({ ...o, [capKey('in_person')]: owed.capInPerson, [capKey('online')]: owed.capOnline });
      const moved =
        o.status === 'scheduled' ? newlyGoing(before, o, owed.kind === 'left' ? owed.userId : undefined) : [];
      return {
        kind: 'promoted',
        userIds: moved,
        notice: notice('promoted', { title, when }),
        once,
      };
    }
    case 'moved': {
      const timeMoved = owed.startAt !== o.startAt || owed.endAt !== o.endAt;
      return {
        kind: 'moved',
        userIds: o.status === 'scheduled' ? everyoneWithRsvp(o) : [],
        notice: timeMoved
          ? notice('moved', { title, from: { at: owed.startAt, zone: o.timezone }, when })
          : notice('placeChanged', { title, when }),
        once,
      };
    }
    case 'cancelled':
      return {
        kind: 'cancelled',
        userIds: everyoneWithRsvp(o),
        notice: notice('cancelled', { title, when, reason: owed.reason }),
        once,
      };
    case 'restored':
      return {
        kind: 'restored',
        userIds: o.status === 'scheduled' ? owed.userIds : [],
        notice: notice('restored', { title, when }),
        once,
      };
  }
}

/** What changing an occurrence from `before` to `after` owes its people, recorded at `at`. */
export function owedByChange(
  before: {
    startAt: number;
    endAt: number;
    venue?: unknown;
    online?: unknown;
    capInPerson: number;
    capOnline: number;
  },
  after: {
    startAt: number;
    endAt: number;
    venue?: unknown;
    online?: unknown;
    capInPerson?: number;
    capOnline?: number;
  },
  at: number,
): Owed[] {
  const owed: Owed[] = [];
  const differs = (a: unknown, b: unknown) => b !== undefined && JSON.stringify(a) !== JSON.stringify(b);
  if (
    before.startAt !== after.startAt ||
    before.endAt !== after.endAt ||
    differs(before.venue, after.venue) ||
    differs(before.online, after.online)
  )
    owed.push({ kind: 'moved', at, startAt: before.startAt, endAt: before.endAt });
  if ((after.capInPerson ?? 0) > before.capInPerson || (after.capOnline ?? 0) > before.capOnline)
    owed.push({ kind: 'raised', at, capInPerson: before.capInPerson, capOnline: before.capOnline });
  return owed;
}
