/**
 * Notices a change to a meetup owed its people and a crash kept it from telling (someone moved
 * up a waiting list, the meetup moved or was cancelled: core/owed): the records left, found by
 * key, told if the change was made, under the ids the request would have used, so nobody hears
 * twice; every minute.
 * @module
 */
import { happened } from '../core/owed';
import { meetupsRepo } from '../store/repos/meetups';
import { owedRepo } from '../store/repos/owed';
import type { Job, JobContext } from './job';

export const owedNotices = {
  name: 'owed-notices',
  async run({ db, now }: JobContext): Promise<{ occurrenceId: string; told: number }[]> {
    const owed = owedRepo(db);
    const meetups = meetupsRepo(db);
    const done = [];
    for (const record of await owed.due(now)) {
      const o = await meetups.getOccurrence(record.occurrenceId);
      const made = o ? record.owed.filter((e) => happened(e, o)) : [];
      if (!o || !made.length) {
        await owed.drop(record); // the change was never made
        continue;
      }
      const told = await owed.tell(o, { ...record, owed: made });
      done.push({ occurrenceId: o.occurrenceId, told: told.reduce((n, t) => n + t.userIds.length, 0) });
    }
    return done;
  },
} satisfies Job;
