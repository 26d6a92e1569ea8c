/**
 * Route groups loaded on their first request. A cold start then evaluates only the contexts its
 * request needs (each context's schemas and rules), which keeps Lambda's init short as contexts
 * are added. The parent app has already run the shared middleware (services, body limit,
 * session); its context is handed over so nothing runs twice.
 * @module
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from './context';
import { errorResponse } from './errors';
import type { Registry } from './route-spec';

/** A context: its routes (they share the app's services, repositories included). */
export interface LazyContext {
  register: (app: Hono<AppEnv>, registry: Registry) => void;
}
type Handover = { parent: Context<AppEnv> };

export function lazyRoutes(
  parent: Hono<AppEnv>,
  registry: Registry,
  paths: readonly string[],
  load: () => Promise<LazyContext>,
): () => Promise<Hono<AppEnv>> {
  let loaded: Promise<Hono<AppEnv>> | undefined;
  const ready = () => {
    loaded ??= load().then((context) => {
      // Mounted under /api like the parent, so the request's own URL routes it.
      const sub = new Hono<AppEnv>().basePath('/api');
      sub.use(async (c, next) => {
        const from = (c.env as unknown as Handover).parent;
        c.set('services', from.var.services);
        c.set('claim', from.var.claim);
        c.set('auth', from.var.auth);
        c.set('prefetched', from.var.prefetched);
        await next();
      });
      context.register(sub, registry);
      sub.notFound((c) =>
        c.json({ error: { code: 'not_found', message: 'No such endpoint', key: 'noSuchEndpoint' } }, 404),
      );
      sub.onError(errorResponse);
      return sub;
    });
    return loaded;
  };
  for (const path of paths) {
    parent.all(path, async (c) => (await ready()).fetch(c.req.raw, { parent: c } satisfies Handover));
  }
  return ready;
}
