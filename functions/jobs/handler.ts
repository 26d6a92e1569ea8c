/** The jobs function: the scheduled work of functions/jobs/run.ts, every minute. @module */
import { createDb } from '../store/client';
import { tableFrom } from '../store/env';
import { runJobs } from './run';

/** Read once, at cold start. */
const db = createDb({ table: tableFrom(process.env) });

/** Invoked by an EventBridge schedule. */
export async function handler() {
  const results = await runJobs({ db, now: Date.now() });
  console.log(JSON.stringify({ level: 'info', jobs: results }));
  return results;
}
