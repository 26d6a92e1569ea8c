/** What a scheduled job is, and what it is given when it runs. @module */
import type { Db } from '../store/client';

export interface JobContext {
  db: Db;
  now: number;
}

export type Job = {
  name: string;
  /** Runs on minutes divisible by this (the schedule fires every minute); absent: every minute. */
  everyMinutes?: number;
  run: (ctx: JobContext) => Promise<unknown>;
};
