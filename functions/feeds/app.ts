/**
 * Calendar feeds (read-only). The routes that serve .ics files arrive with the calendar issue;
 * the app, its function, its read-only grant and its route through CloudFront exist now.
 * @module
 */
import { Hono } from 'hono';
import type { Db } from '../store/client';

export function createFeedsApp(_deps: { db: Db }) {
  const feeds = new Hono();
  feeds.get('/health', (c) => c.json({ ok: true }));
  // Unknown tokens and paths are 404 with no hint of what exists (calendar issue: bad input).
  feeds.notFound((c) => c.text('Not found', 404));
  const app = new Hono();
  app.route('/feeds', feeds);
  app.notFound((c) => c.text('Not found', 404));
  return app;
}
