/** What a scheduled job is, and what it is given when it runs. @module */
import type { Vapid } from '../push/send';
import type { Db } from '../store/client';

export interface JobContext {
  db: Db;
  now: number;
  /** Hearth's VAPID keys: absent where push is not set up (then nothing is pushed). */
  vapid?: Vapid;
}

export type Job = {
  name: string;
  /** Runs on minutes divisible by this (the schedule fires every minute); absent: every minute. */
  everyMinutes?: number;
  run: (ctx: JobContext) => Promise<unknown>;
};
