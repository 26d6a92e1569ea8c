/**
 * Every minute: the meetups that ended since the last run ask those who were going how it went.
 * Meetups are found by key (the day index, by start, with their ends), as they are now: a moved
 * meetup asks when it really ends, a cancelled one not at all. Each ask is one conditional write
 * named by the meetup and the member, so it is made once however often the job runs; the push job
 * then sends it, outside the member's quiet hours.
 * @module
 */

import { notice } from '../core/i18n/notices';
import { feedbackCloses } from '../core/outcomes';
import { MAX_DURATION_MINUTES } from '../core/schemas/meetups';
import { groupsRepo } from '../store/repos/groups';
import { meetupsRepo } from '../store/repos/meetups';
import { notificationsRepo } from '../store/repos/notifications';
import { reachRepo } from '../store/repos/reach';
import { scheduleReads } from '../store/repos/schedule-reads';
import type { JobContext } from './job';
import { eachLimited } from './pool';

/** A run with no cursor, or after time down, looks back this far: an ask a day late still helps. */
const LOOK_BACK = 24 * 60 * 60_000;

export const feedbackAsks = {
  name: 'feedback-asks',
  async run({ db, now }: JobContext): Promise<number> {
    const reach = reachRepo(db);
    const after = Math.max((await reach.cursor('feedback-asks')) ?? 0, now - LOOK_BACK);
    // Ended in (after, now]: started at most the longest meetup before that.
    const starts = await scheduleReads(db).startsIn(after - MAX_DURATION_MINUTES * 60_000, now);
    const meetups = meetupsRepo(db);
    const groups = groupsRepo(db);
    const notes = notificationsRepo(db);
    const endedNow = (endAt: number) => endAt > after && endAt <= now;
    let asked = 0;
    for (const s of starts) {
      if (s.endAt !== null && !endedNow(s.endAt)) continue;
      const o = await meetups.getOccurrence(s.occurrenceId);
      if (o?.status !== 'scheduled' || !endedNow(o.endAt)) continue;
      const wentFor = Object.keys(o.going);
      if (!wentFor.length) continue;
      const group = await groups.getGroup(o.groupId);
      if (!group) continue;
      // Those who were going and are members still (one who has left could not answer).
      const members = new Set((await groups.activeMembers(o.groupId)).map((m) => m.userId));
      const going = wentFor.filter((u) => members.has(u));
      const settings = await reach.many(going);
      await eachLimited(going, 32, async (userId) => {
        // Dated on the member's clock, or the meetup's until they say where they are.
        const zone = settings.get(userId)?.zone ?? o.timezone;
        const text = notice('feedbackAsk', {
          title: o.title,
          group: group.name,
          until: { at: feedbackCloses(o.endAt), zone },
        });
        const made = await notes.notifyOnce(
          { userId, kind: 'feedback', notice: text, occurrenceId: o.occurrenceId, groupId: o.groupId },
          o.endAt,
          `feedback:${o.occurrenceId}:${userId}`,
          true,
        );
        if (made) asked++;
      });
    }
    await reach.advance('feedback-asks', now);
    return asked;
  },
};
