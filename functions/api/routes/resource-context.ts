/** The resource directory's context: listings, reviews, and professionals' verification. */
import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { mount } from '../route';
import type { Registry } from '../route-spec';
import { professionalRoutes } from './professionals';
import { resourceReviewRoutes } from './resource-review';
import { resourceRoutes } from './resources';

export function register(app: Hono<AppEnv>, registry: Registry): void {
  mount(app, registry, resourceRoutes, professionalRoutes, resourceReviewRoutes);
}
