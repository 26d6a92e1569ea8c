/**
 * The whole HTTP API as one Hono app, mounted under /api. The same app runs in Lambda
 * (handler.ts) and locally (infra/local).
 * @module
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sessionCookieName } from '../core/accounts';
import { HearthError } from '../core/errors';
import type { Db } from '../store/client';
import { accountsRepo } from '../store/repos/accounts';
import { groupsRepo } from '../store/repos/groups';
import type { AppConfig, AppEnv, Services } from './context';
import { errorResponse } from './errors';
import { lazyRoutes } from './lazy';
import { compressAnswers } from './middleware/compress';
import { sameOriginOnly } from './middleware/same-origin';
import { session } from './middleware/session';
import { mount } from './route';
import { CONTEXT_PATHS } from './route-paths';
import type { Registry } from './route-spec';
import { accountRoutes } from './routes/accounts';
import { groupRoutes } from './routes/groups';
import { memberRoutes } from './routes/members';
import { passphraseRoutes } from './routes/passphrase';

/** Request bodies above this are refused before they are read in full. */
export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(config: AppConfig) {
  const made = new Map<unknown, unknown>();
  const services: Services = {
    accounts: accountsRepo(config.db),
    groups: groupsRepo(config.db),
    repo: <R>(make: (db: Db) => R): R => {
      if (!made.has(make)) made.set(make, make(config.db));
      return made.get(make) as R;
    },
    now: config.now ?? Date.now,
    config,
    cookieName: sessionCookieName(!!config.secureCookies),
  };
  const registry: Registry = [];
  const api = new Hono<AppEnv>();

  // Outermost: it compresses the answer as the rest of the chain leaves it.
  api.use(compressAnswers());
  api.use(async (c, next) => {
    c.set('services', services);
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    // The web app reads the server's clock from this (what may still be pressed, what has ended):
    // the clock the API decides by, moved with it where a test or the local stack moves it.
    c.header('Date', new Date(services.now()).toUTCString());
  });
  api.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HearthError(
          'payload_too_large',
          `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KB`,
        );
      },
    }),
  );
  api.use(sameOriginOnly(config));
  api.use(session);

  api.get('/health', (c) => c.json({ ok: true }));
  mount(api, registry, accountRoutes, passphraseRoutes, groupRoutes, memberRoutes);
  // Each context's paths come from its own routes (route-paths.ts, written by `npm run routes`).
  const contexts = [
    lazyRoutes(api, registry, CONTEXT_PATHS.meetups, () => import('./routes/meetup-context')),
    lazyRoutes(api, registry, CONTEXT_PATHS.calendar, () => import('./routes/calendar')),
    lazyRoutes(api, registry, CONTEXT_PATHS.resources, () => import('./routes/resource-context')),
    lazyRoutes(api, registry, CONTEXT_PATHS.discussions, () => import('./routes/discussion-context')),
    lazyRoutes(api, registry, CONTEXT_PATHS.support, () => import('./routes/support-context')),
    lazyRoutes(api, registry, CONTEXT_PATHS.reach, () => import('./routes/reach')),
    lazyRoutes(api, registry, CONTEXT_PATHS.outcomes, () => import('./routes/outcome-context')),
  ];

  let doc: unknown;
  api.get('/openapi.json', async (c) => {
    await Promise.all(contexts.map((load) => load()));
    doc ??= config.openApi(registry);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(doc);
  });

  api.notFound((c) =>
    c.json({ error: { code: 'not_found', message: 'No such endpoint', key: 'noSuchEndpoint' } }, 404),
  );
  api.onError(errorResponse);

  const app = new Hono();
  app.route('/api', api);
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: 'No such endpoint', key: 'noSuchEndpoint' } }, 404),
  );
  app.onError(errorResponse);
  return app;
}
