/**
 * A member's answers as their feed shows them: the RSVPs noted on the feed, except where an
 * RSVP was begun and not noted (a marker left, see store/repos/feeds): there the occurrence's
 * ledger says, and once no change can still be under way the feed notes it, so a crash between
 * an RSVP and its note costs one read of that occurrence, once.
 * @module
 */

import { rsvpOf } from '../core/ledger';
import type { Attendance } from '../core/modes';
import { type FeedRecord, type FeedsRepo, unsureOf } from '../store/repos/feeds';
import type { MeetupsRepo } from '../store/repos/meetups';
import { SETTLE_MS } from '../store/settle';

export async function answersOf(
  feed: FeedRecord,
  repos: { feeds: FeedsRepo; meetups: MeetupsRepo },
  now: number,
): Promise<Record<string, Attendance>> {
  const rsvps = { ...(feed.rsvps ?? {}) };
  const markers = [...(feed.unsure ?? [])].map((marker) => ({ marker, ...unsureOf(marker) }));
  if (!markers.length) return rsvps;
  const ids = [...new Set(markers.map((m) => m.occurrenceId))];
  const read = new Map((await repos.meetups.getOccurrences(ids)).map((o) => [o.occurrenceId, o]));
  await Promise.all(
    ids.map(async (id) => {
      const o = read.get(id);
      const line = o ? (rsvpOf(o, feed.userId)?.attendance ?? null) : null;
      if (line) rsvps[id] = line;
      else delete rsvps[id];
      const settled = markers.filter((m) => m.occurrenceId === id && now - m.at >= SETTLE_MS);
      if (!settled.length) return;
      const gone = settled.map((m) => m.marker);
      if (o) await repos.feeds.noteRsvp(feed.userId, id, line, o.version, gone, now);
      else {
        // The occurrence is gone (erased with its meetup): so is the answer.
        await repos.feeds.forget(feed.userId, id);
        await repos.feeds.dropMarkers(feed.userId, gone);
      }
    }),
  );
  return rsvps;
}
