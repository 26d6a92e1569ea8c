/**
 * The outcomes context: session feedback, the figures facilitators see, and members' own
 * wellbeing check-ins, loaded together on first use.
 * @module
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { mount } from '../route';
import type { Registry } from '../route-spec';
import { outcomeRoutes } from './outcomes';
import { qaRoutes } from './qa';
import { wellbeingRoutes } from './wellbeing';

export function register(app: Hono<AppEnv>, registry: Registry): void {
  mount(app, registry, outcomeRoutes, wellbeingRoutes, qaRoutes);
}
