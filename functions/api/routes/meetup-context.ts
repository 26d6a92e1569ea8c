/** The meetups context: scheduling, the schedule, RSVPs and notifications, loaded together. */
import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import type { Registry } from '../route';
import { meetupRoutes } from './meetups';
import { rsvpRoutes } from './rsvps';

export function register(app: Hono<AppEnv>, registry: Registry): void {
  meetupRoutes(app, registry);
  rsvpRoutes(app, registry);
}
