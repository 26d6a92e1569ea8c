/**
 * Scheduled work: the crisis lines kept listed, roster gaps (reminders and retention arrive with
 * their issues). Each job is a
 * function of (db, now) that queries by key, never scans, so the schedule and the local timer
 * can run the same code.
 * @module
 */
import type { Db } from '../store/client';
import { crisisLines } from './crisis-lines';
import { rosterGaps } from './roster-gaps';

export interface JobContext {
  db: Db;
  now: number;
}

export type Job = { name: string; run: (ctx: JobContext) => Promise<unknown> };

export const jobs: Job[] = [crisisLines, rosterGaps];

export async function runJobs(ctx: JobContext): Promise<{ name: string; ok: boolean }[]> {
  const results = [];
  for (const job of jobs) {
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
