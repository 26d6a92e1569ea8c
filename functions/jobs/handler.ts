/** The jobs function: the scheduled work of functions/jobs/run.ts, every minute. @module */
import type { Vapid } from '../push/send';
import { vapidFromSecret } from '../push/vapid';
import { createDb } from '../store/client';
import { tableFrom } from '../store/env';
import { runJobs } from './run';

/** Read once, at cold start. */
const db = createDb({ table: tableFrom(process.env) });
const vapidSecret = process.env.VAPID_SECRET_ARN;
const contact = process.env.PUSH_CONTACT ?? 'mailto:hearth@hearth.invalid';
/** Read on first use, then kept; a failure is logged, the jobs run without push, and it is read again next time. */
let vapid: Promise<Vapid> | undefined;
async function pushKeys(): Promise<Vapid | undefined> {
  if (!vapidSecret) return undefined;
  try {
    vapid ??= vapidFromSecret(vapidSecret, contact);
    return await vapid;
  } catch (e) {
    vapid = undefined;
    console.error(JSON.stringify({ level: 'error', message: `VAPID keys: ${(e as Error).message}` }));
    return undefined;
  }
}

/** Invoked by an EventBridge schedule. */
export async function handler() {
  const results = await runJobs({ db, now: Date.now(), vapid: await pushKeys() });
  console.log(JSON.stringify({ level: 'info', jobs: results }));
  return results;
}
