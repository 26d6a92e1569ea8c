/** The resource directory's context: listings, reviews, and professionals' verification. */
import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import type { Registry } from '../route-spec';
import { resourceRoutes } from './resources';

export function register(app: Hono<AppEnv>, registry: Registry): void {
  resourceRoutes(app, registry);
}
