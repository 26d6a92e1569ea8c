import * as z from 'zod/mini';
import { createDb } from '../store/client';
import { runJobs } from './run';

const env = z.object({ TABLE_NAME: z.string().check(z.minLength(1)) }).parse(process.env);
const db = createDb({ table: env.TABLE_NAME });

/** Invoked by an EventBridge schedule. */
export async function handler() {
  const results = await runJobs({ db, now: Date.now() });
  console.log(JSON.stringify({ level: 'info', jobs: results }));
  return results;
}
