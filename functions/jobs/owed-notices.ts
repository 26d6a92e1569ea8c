/**
 * Notices a change to a meetup owed its people and a crash kept it from telling (someone moved
 * up a waiting list, the meetup moved or was cancelled: core/owed): found by key (GSI1 `OWED`),
 * told under the ids the request would have used, so nobody hears twice, every minute.
 * @module
 */
import { meetupsRepo } from '../store/repos/meetups';
import { owedOf, owedRepo } from '../store/repos/owed';
import { SETTLE_MS } from '../store/settle';
import type { Job, JobContext } from './run';

export const owedNotices = {
  name: 'owed-notices',
  async run({ db, now }: JobContext): Promise<{ occurrenceId: string; told: number }[]> {
    const owed = owedRepo(db);
    const meetups = meetupsRepo(db);
    const done = [];
    for (const occurrenceId of await owed.due(now)) {
      const o = await meetups.getOccurrence(occurrenceId);
      if (!o) continue;
      const recorded = owedOf(o as { owed?: Set<string> });
      if (!recorded.length) await owed.settle(occurrenceId, []);
      // Only what no request can still be telling.
      const due = recorded.filter((e) => now - e.at >= SETTLE_MS);
      if (!due.length) continue;
      const told = await owed.tell(o, due);
      done.push({ occurrenceId, told: told.reduce((n, t) => n + t.userIds.length, 0) });
    }
    return done;
  },
} satisfies Job;
