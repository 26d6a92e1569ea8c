/**
 * An RSVP's change, written so a crash at any step is repaired, and the notice to those it moved
 * up from a waiting list.
 * @module
 */

import { notice } from '../../core/i18n/notices';
import type { RsvpState } from '../../core/ledger';
import type { Attendance } from '../../core/modes';
import { feedsRepo } from '../../store/repos/feeds';
import type { OccurrenceRecord } from '../../store/repos/meetup-records';
import { owedRepo } from '../../store/repos/owed';
import { owedByLeaving, RsvpClosed } from '../../store/repos/rsvp-ledger';
import type { Ctx } from '../context';
import { feedsChanged } from '../feed-stamps';
import { notify, startOf } from './notices';

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
  const feeds = c.var.services.repo(feedsRepo);
  const owed = c.var.services.repo(owedRepo);
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
    notify(c, o, promoted, 'promoted', notice('promoted', { title: o.title, when: startOf(o) }), at),
  ]);
}
