/**
 * Cross-site request forgery guard: a request that changes something is served only when it
 * comes from Hearth's own pages. Browsers say where a request comes from in `Sec-Fetch-Site`
 * (every current engine) and `Origin`; a request that says it comes from another site — or from
 * another port of this one, which is "same-site" and so carries the SameSite=Lax session cookie —
 * is refused with 403 before any route runs. Requests that carry neither header (calendar apps,
 * curl, the tests' API client) are not from a page and pass: the session cookie is what
 * authenticates them, and a browser always sends one of the two on a state-changing request.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { forbidden } from '../../core/errors';
import type { AppConfig, AppEnv } from '../context';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const FOREIGN_REQUEST =
  'This request came from another website, so Hearth did not act on it. Open Hearth itself and try again.';

export function sameOriginOnly(config: AppConfig): MiddlewareHandler<AppEnv> {
  const publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : undefined;
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      if (site !== undefined) {
        // 'none' is a person's own action (a bookmark, the address bar), never another page's.
        if (site !== 'same-origin' && site !== 'none') throw forbidden(FOREIGN_REQUEST);
      } else if (origin !== undefined) {
        const ours = [new URL(c.req.url).origin, publicOrigin, config.viewerOrigin?.(c)];
        if (!ours.includes(origin)) throw forbidden(FOREIGN_REQUEST);
      }
    }
    await next();
  };
}
