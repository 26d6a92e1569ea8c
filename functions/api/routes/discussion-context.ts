/** The discussion context: threads and posts, moderation, and a reader's own choices, loaded together. */
import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { mount } from '../route';
import type { Registry } from '../route-spec';
import { moderationRoutes } from './moderation';
import { postRoutes } from './posts';
import { readingRoutes } from './reading';
import { reportRoutes } from './reports';
import { threadRoutes } from './threads';

export function register(app: Hono<AppEnv>, registry: Registry): void {
  mount(app, registry, threadRoutes, postRoutes, moderationRoutes, readingRoutes, reportRoutes);
}
