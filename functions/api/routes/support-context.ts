/**
 * The safety context: the support queue, members' conversations with the facilitators, and each
 * member's own safety plan, loaded together on first use.
 * @module
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { mount } from '../route';
import type { Registry } from '../route-spec';
import { conversationRoutes } from './conversations';
import { safetyPlanRoutes } from './safety-plan';
import { supportRoutes } from './support';

export function register(app: Hono<AppEnv>, registry: Registry): void {
  mount(app, registry, supportRoutes, conversationRoutes, safetyPlanRoutes);
}
