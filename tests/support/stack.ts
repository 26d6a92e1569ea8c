import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { serve } from '@hono/node-server';
import { newVapidKeys } from '../../functions/push/send';
import { createLocalApp } from '../../infra/local/server';
import { root } from '../../scripts/build';
import { TEST_SCRYPT } from './api';
import { freshDb } from './db';

/** The built web app, as the local stack serves it (relative to where the tests run). */
export const stackWebRoot = relative(process.cwd(), join(root, 'dist/web'));

/**
 * The local stack (API, feeds, built web app) on a free port, over a fresh in-memory dynalite.
 * Whoever signs up as `e2e-admin` is a platform admin.
 */
export async function startStack(opts: { now?: () => number } = {}) {
  const { db, stop: stopDb } = await freshDb();
  // Web Push as when deployed, with keys of its own; a push service on loopback is allowed.
  const vapid = { ...newVapidKeys(), subject: 'mailto:ops@hearth.example' };
  const app = createLocalApp({
    db,
    webRoot: stackWebRoot,
    scrypt: TEST_SCRYPT,
    admins: ['e2e-admin'],
    vapid,
    now: opts.now,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    db,
    vapid,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopDb();
    },
  };
}
