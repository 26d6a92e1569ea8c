/** The meetups context: scheduling, the schedule, RSVPs, rosters and notifications, loaded together. */
import type { Hono } from 'hono';
import type { AppEnv } from '../context';
import { mount } from '../route';
import type { Registry } from '../route-spec';
import { coverRoutes } from './cover';
import { facilitatorRoutes } from './facilitators';
import { meetupRoutes } from './meetups';
import { rosterRoutes } from './roster';
import { rsvpRoutes } from './rsvps';
import { seriesRoutes } from './series';

export function register(app: Hono<AppEnv>, registry: Registry): void {
  mount(app, registry, meetupRoutes, seriesRoutes, rsvpRoutes, rosterRoutes, facilitatorRoutes, coverRoutes);
}
