/**
 * Routes declared once: the zod schemas validate the request, type the handler's input, and
 * describe the route in the OpenAPI document. Plain zod throughout (DESIGN.md, decision 7).
 * @module
 */
import type { Context, Env, Hono } from 'hono';
import type * as z from 'zod/mini';
import { type FieldError, invalid } from '../core/errors';
import type { AppEnv, Ctx } from './context';
import { resolveSession } from './middleware/session';
import type { Input, Maybe, Out, Registry, RouteSpec } from './route-spec';

function fieldErrors(where: string, error: z.core.$ZodError): FieldError[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Validates one part of the request, collecting its field errors rather than stopping at them. */
function check<S extends Maybe>(
  schema: S | undefined,
  value: unknown,
  where: string,
  errors: FieldError[],
): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (!result.success) errors.push(...fieldErrors(where, result.error));
  return (result.success ? result.data : undefined) as Out<S>;
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw invalid('Send a JSON body with Content-Type: application/json', [
      { path: 'body', message: 'Expected JSON' },
    ]);
  }
  try {
    return await c.req.json();
  } catch {
    throw invalid('The body is not valid JSON', [{ path: 'body', message: 'Not valid JSON' }]);
  }
}

export function defineRoute<E extends Env, P extends Maybe, Q extends Maybe, B extends Maybe>(
  app: Hono<E>,
  registry: Registry,
  spec: RouteSpec<P, Q, B>,
  handler: (c: Context<E>, input: Input<P, Q, B>) => Response | Promise<Response>,
): void {
  registry.push(spec as RouteSpec<Maybe, Maybe, Maybe>);
  const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(spec.method.toUpperCase(), honoPath, async (c) => {
    // Every part is checked, so one answer names every field that needs another look.
    const errors: FieldError[] = [];
    const params = check(spec.params, c.req.param(), 'params', errors);
    const query = check(spec.query, Object.fromEntries(new URL(c.req.url).searchParams), 'query', errors);
    const body = spec.body ? check(spec.body, await readJson(c), 'body', errors) : (undefined as Out<B>);
    check(spec.headers, c.req.header(), 'headers', errors);
    if (errors.length) throw invalid('Some fields need another look', errors.slice(0, 20));
    if (spec.auth !== 'none') {
      const { prefetch } = spec;
      await resolveSession(c as unknown as Ctx, prefetch && ((userId) => prefetch(params, userId)));
    }
    return handler(c as Context<E>, { params, query, body });
  });
}

/** A route on its own: its spec and handler, added to an app when its context is mounted. */
export type Route = (app: Hono<AppEnv>, registry: Registry) => void;

export const route =
  <P extends Maybe, Q extends Maybe, B extends Maybe>(
    spec: RouteSpec<P, Q, B>,
    handler: (c: Ctx, input: Input<P, Q, B>) => Response | Promise<Response>,
  ): Route =>
  (app, registry) =>
    defineRoute(app, registry, spec, handler);

/** Adds each list of routes to the app, in order. */
export function mount(app: Hono<AppEnv>, registry: Registry, ...lists: Route[][]): void {
  for (const list of lists) for (const r of list) r(app, registry);
}
