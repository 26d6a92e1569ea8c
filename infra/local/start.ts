/**
 * `npm start`: Hearth on your machine. dynalite keeps the data on disk (HEARTH_DATA_DIR, default
 * .data/), the table is created when missing, a demo community is seeded on the first run, and
 * the API, feeds and web app are served on http://localhost:3000 (PORT overrides). The jobs run
 * on a timer, as the EventBridge schedule runs them when deployed.
 * @module
 */

import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import dynalite from 'dynalite';
import { crisisLines } from '../../functions/jobs/crisis-lines';
import { runJobs } from '../../functions/jobs/run';
import { createDb } from '../../functions/store/client';
import { keys } from '../../functions/store/keys';
import { ensureTable } from '../../functions/store/schema';
import { buildWeb, root } from '../../scripts/build';
import { DEMO_ACCOUNTS, seedDemo } from './seed';
import { createLocalApp } from './server';
import { localVapid } from './vapid';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const started = performance.now();
const dataDir = resolve(process.env.HEARTH_DATA_DIR ?? join(root, '.data'));
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}
const table = 'hearth';
// HEARTH_CLOCK_OFFSET_MS runs the clock ahead (tests that restart the stack move time this way).
const clockOffset = Number(process.env.HEARTH_CLOCK_OFFSET_MS ?? 0);
if (!Number.isSafeInteger(clockOffset)) {
  console.error(
    `HEARTH_CLOCK_OFFSET_MS must be whole milliseconds, not "${process.env.HEARTH_CLOCK_OFFSET_MS}"`,
  );
  process.exit(1);
}
const now = () => Date.now() + clockOffset;
const SEED_MARKER = keys.seeded;

mkdirSync(dataDir, { recursive: true });
const webRoot = join(root, 'dist/web');
// Packed quickly: a start should not wait on Brotli's best (what deploys gets it).
const webBuilt = buildWeb(webRoot, { pack: 'fast' });

const engine = dynalite({ path: dataDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
engine.on('error', (e: Error) => {
  console.error(`dynalite could not open ${dataDir}: ${e.message}\nIs another "npm start" using it?`);
  process.exit(1);
});
await new Promise<void>((done) => engine.listen(0, '127.0.0.1', done));
const db = createDb({
  table,
  endpoint: `http://127.0.0.1:${(engine.address() as AddressInfo).port}`,
  region: 'local',
});
try {
  await ensureTable(db);
} catch (e) {
  console.error(
    `Could not open the data in ${dataDir}: ${(e as Error).message}\nIs another "npm start" using it?`,
  );
  process.exit(1);
}

const publicUrl = `http://localhost:${port}`;
// Platform admins: HEARTH_ADMINS (handles, comma-separated), else the demo's admin.
const admins = (process.env.HEARTH_ADMINS ?? 'demo-admin')
  .split(',')
  .map((h) => h.trim())
  .filter(Boolean);
// Web Push: keys made on the first start, kept with the data. The contact is the operator's.
const vapid = localVapid(dataDir, process.env.HEARTH_PUSH_CONTACT ?? 'mailto:hearth@localhost.invalid');
const app = createLocalApp({
  db,
  webRoot: relative(process.cwd(), webRoot) || '.',
  publicUrl,
  admins,
  now,
  vapid,
});
await webBuilt;

const seeded = await db.doc.send(new GetCommand({ TableName: table, Key: SEED_MARKER }));
const firstRun = !seeded.Item;

// Ready means ready: the demo community (on the first run) and the crisis lines are in before the
// first request is answered, so the first page never shows an empty directory.
if (firstRun) {
  await seedDemo(app);
  await db.doc.send(
    new PutCommand({ TableName: table, Item: { ...SEED_MARKER, at: new Date().toISOString() } }),
  );
}
await crisisLines.run({ db, now: now() });

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  const took = Math.round(performance.now() - started);
  console.log(
    `Hearth is ready at http://localhost:${info.port} (started in ${took} ms${firstRun ? ', the demo community seeded' : ''})`,
  );
  console.log(`Data: ${dataDir}${firstRun ? ' (new)' : ''}`);
  console.log('Demo accounts (local only):');
  for (const a of DEMO_ACCOUNTS)
    console.log(`  ${a.handle.padEnd(17)} passphrase "${a.passphrase}"  (${a.role})`);
  console.log('Press Ctrl-C to stop.');
});
server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port.` : e.message);
  process.exit(1);
});

// The rest of the scheduled work runs once now and then every minute.
let jobsRunning: Promise<unknown> = runJobs({ db, now: now(), vapid }, true);
const jobsTimer = setInterval(() => {
  jobsRunning = runJobs({ db, now: now(), vapid });
}, 60_000);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(jobsTimer);
  console.log('\nStopping Hearth…');
  server.close(async () => {
    await jobsRunning; // the jobs finish what they started, so dynalite can close
    engine.close(() => {
      console.log('Stopped. Your data is kept in', dataDir);
      process.exit(0);
    });
  });
  // Jobs that will not finish (a busy machine) are cut short, and the person told so. Not
  // unref'd: were the steps above to leave nothing else for Node to wait on (a close whose
  // callback never comes), the process would otherwise end without a word.
  setTimeout(() => {
    console.log('Stopped. Your data is kept in', dataDir, '(the jobs running were cut short)');
    process.exit(0);
  }, 10_000);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
