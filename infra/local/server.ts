/**
 * The local stack in one Hono app: the API under /api, feeds under /feeds, and the built web app
 * at / with the same security headers, caching, compression and SPA fallback CloudFront gives.
 * @module
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { createApp } from '../../functions/api/app';
import { openApi } from '../../functions/api/openapi';
import type { ScryptCost } from '../../functions/api/security';
import { createFeedsApp } from '../../functions/feeds/app';
import { askAsVisitor, createPagesApp } from '../../functions/pages/app';
import { builtFiles } from '../../functions/pages/files';
import type { Vapid } from '../../functions/push/send';
import type { Db } from '../../functions/store/client';
import { SECURITY_HEADERS } from '../security-headers';
import { webFiles } from './static';

export function createLocalApp(opts: {
  db: Db;
  webRoot: string;
  publicUrl?: string;
  scrypt?: ScryptCost;
  admins?: string[];
  now?: () => number;
  /** Hearth's VAPID keys: devices may subscribe, with a push service on loopback too. */
  vapid?: Vapid;
}) {
  const { vapid } = opts;
  const api = createApp({
    db: opts.db,
    now: opts.now,
    push: vapid ? { vapid: async () => vapid, loopback: true } : undefined,
    publicUrl: opts.publicUrl,
    admins: opts.admins,
    scrypt: opts.scrypt,
    openApi,
    clientAddress: (c) => {
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        return 'unknown';
      }
    },
  });
  // The feeds keep the same clock as the API (HEARTH_CLOCK_OFFSET_MS moves both).
  const feeds = createFeedsApp({ db: opts.db, now: opts.now });
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });
  // As the HTTP API routes it: single-event files come from the feeds function.
  app.on(['GET', 'HEAD'], '/api/occurrences/:id/event.ics', (c) => feeds.fetch(c.req.raw, c.env));
  app.all('/api/*', (c) => api.fetch(c.req.raw, c.env));
  app.all('/api', (c) => api.fetch(c.req.raw, c.env));
  app.all('/feeds/*', (c) => feeds.fetch(c.req.raw, c.env));
  // The app's documents, as the pages function answers them deployed: the shell in the reader's
  // language, the pages a visit lands on rendered in it (functions/pages).
  const pages = createPagesApp({
    ...builtFiles(opts.webRoot),
    ask: askAsVisitor(api),
  });
  app.on(['GET', 'HEAD'], '*', (c, next) =>
    /\.[a-z0-9]+$/i.test(c.req.path) ? next() : pages.fetch(c.req.raw, c.env),
  );
  // The web app's files, as CloudFront serves them (see static.ts).
  app.use('/*', webFiles(opts.webRoot));
  return app;
}
