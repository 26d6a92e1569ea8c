/**
 * Erases what groups keep no longer (core/retention), in bounded steps, by key:
 * - discussions: for each group that keeps them a while (a sparse index of groups), its threads
 *   quiet since the cutoff (its thread index is ordered by last post), posts first;
 * - meetups' names: each day, the meetups that started 1, 2, … 24 months before it (the day index
 *   of every group's occurrences), erased when their group keeps names no longer than that; days
 *   missed while the job was down are caught up; a group that shortened its time is swept once
 *   through its schedule index.
 * Every step can stop and be run again: erased things are gone or marked.
 * @module
 */
import {
  ATTENDANCE_MONTHS_DEFAULT,
  dayOf,
  daysBetween,
  monthsBefore,
  RETENTION_MONTHS,
} from '../core/retention';
import { groupsRepo } from '../store/repos/groups';
import { retentionRepo } from '../store/repos/retention';
import type { JobContext } from './job';

/** Items deleted from discussions in one run, and meetups whose names are erased. */
export const BUDGET = { items: 1000, meetups: 200 };
/** Days caught up in one run after the job was down. */
const DAYS_PER_RUN = 3;

export interface RetentionRun {
  threadsErased: number;
  postsAndEntriesErased: number;
  meetupsErased: number;
  daysSeen: string[];
}

export const retention = {
  name: 'retention',
  async run({ db, now }: JobContext): Promise<RetentionRun> {
    const repo = retentionRepo(db);
    const done: RetentionRun = { threadsErased: 0, postsAndEntriesErased: 0, meetupsErased: 0, daysSeen: [] };

    let items = BUDGET.items;
    for (const { groupId, months } of await repo.groupsKeepingDiscussions()) {
      const cutoff = monthsBefore(now, months);
      while (items > 0) {
        const quiet = await repo.threadsQuietSince(groupId, cutoff, 10);
        if (quiet.length === 0) break;
        for (const threadId of quiet) {
          const { erased, done: whole } = await repo.eraseThread(threadId, items);
          items -= erased;
          done.postsAndEntriesErased += erased - (whole ? 1 : 0); // the thread item is counted apart
          if (whole) done.threadsErased++;
          if (items <= 0) break;
        }
      }
      if (items <= 0) break;
    }

    const monthsOf = new Map<string, number>();
    const keptMonths = async (groupIds: string[]) => {
      const unknown = [...new Set(groupIds)].filter((g) => !monthsOf.has(g));
      for (const g of await groupsRepo(db).getGroups(unknown))
        monthsOf.set(g.groupId, g.attendanceMonths ?? ATTENDANCE_MONTHS_DEFAULT);
      for (const g of unknown) if (!monthsOf.has(g)) monthsOf.set(g, 0); // a deleted group: erase all
    };
    let meetups = BUDGET.meetups;
    const erase = async (occurrenceId: string) => {
      meetups--;
      if (await repo.eraseNames(occurrenceId, now)) done.meetupsErased++;
    };

    const today = dayOf(now);
    const from = (await repo.lastDaySeen()) ?? dayOf(now - 86_400_000);
    for (const day of daysBetween(from, today, DAYS_PER_RUN)) {
      const noon = Date.parse(`${day}T12:00:00Z`);
      for (let age = RETENTION_MONTHS.min; age <= RETENTION_MONTHS.max && meetups > 0; age++) {
        // The days that reach `age` months today: one, or a few after a short month (on 1 March,
        // 29, 30 and 31 January turn one month old along with 1 February).
        const reached = daysBetween(
          dayOf(monthsBefore(noon - 86_400_000, age)),
          dayOf(monthsBefore(noon, age)),
          4,
        );
        const started = (await Promise.all(reached.map((d) => repo.occurrencesOn(d)))).flat();
        await keptMonths(started.map((o) => o.slice(0, 22)));
        for (const o of started) if (meetups > 0 && monthsOf.get(o.slice(0, 22))! <= age) await erase(o);
      }
      if (meetups <= 0) break; // the day is seen to again next run; erased ones are skipped
      await repo.sawDay(day);
      done.daysSeen.push(day);
    }

    for (const groupId of await repo.groupsToSweep()) {
      await keptMonths([groupId]);
      const past = await repo.pastOccurrences(groupId, monthsBefore(now, monthsOf.get(groupId)!));
      for (const o of past) if (meetups > 0) await erase(o);
      if (meetups <= 0) break;
      await repo.sweepDone(groupId);
    }
    return done;
  },
};
