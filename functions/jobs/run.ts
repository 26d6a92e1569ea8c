/**
 * Scheduled work: support requests nobody took escalated, notices a crash kept from going
 * out, reminders, meetups that ended asking how they went, and new notices pushed to members' devices (every minute), the crisis lines kept
 * listed, roster gaps, what groups keep no longer erased, and once, the directory's facets (every 15 minutes). Each job is a function of (db, now) that queries by
 * key, never scans, so the schedule and the local timer can run the same code.
 * @module
 */

import { crisisLines } from './crisis-lines';
import { directoryFacets } from './directory-facets';
import { escalation } from './escalation';
import { feedbackAsks } from './feedback-asks';
import type { Job, JobContext } from './job';
import { owedNotices } from './owed-notices';
import { pushNotices } from './push-notices';
import { reminders } from './reminders';
import { retention } from './retention';
import { rosterGaps } from './roster-gaps';

export const jobs: Job[] = [
  escalation,
  owedNotices,
  reminders,
  feedbackAsks,
  // After the jobs that tell people, so what they told this minute is pushed this minute.
  pushNotices,
  { ...crisisLines, everyMinutes: 15 },
  { ...rosterGaps, everyMinutes: 15 },
  { ...retention, everyMinutes: 15 },
  { ...directoryFacets, everyMinutes: 15 },
];

/** The jobs due at this minute (all of them with `all`, as the local stack does at start). */
export async function runJobs(ctx: JobContext, all = false): Promise<{ name: string; ok: boolean }[]> {
  const results = [];
  const minute = Math.floor(ctx.now / 60_000);
  for (const job of jobs) {
    if (!all && job.everyMinutes && minute % job.everyMinutes !== 0) continue;
    try {
      await job.run(ctx);
      results.push({ name: job.name, ok: true });
    } catch (e) {
      console.error(JSON.stringify({ level: 'error', job: job.name, message: (e as Error).message }));
      results.push({ name: job.name, ok: false });
    }
  }
  return results;
}
