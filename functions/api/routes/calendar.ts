/**
 * The member's private calendar feed: make it (or give it a new secret), change what it shows,
 * revoke it. The URL holds a 256-bit secret, stored only as its hash and shown once.
 * @module
 */
import type { Hono } from 'hono';
import { notFound } from '../../core/errors';
import { DEFAULT_FEED_SETTINGS, FEED_AHEAD_MS } from '../../core/feeds';
import { Ok } from '../../core/schemas/common';
import { FeedAnswer, FeedSettingsChange } from '../../core/schemas/feeds';
import { hashToken, newToken } from '../../store/ids';
import { type FeedRecord, feedsRepo } from '../../store/repos/feeds';
import { meetupsRepo } from '../../store/repos/meetups';
import { type AppEnv, requireAuth, type Services } from '../context';
import { defineRoute } from '../route';
import type { Registry } from '../route-spec';

const viewOf = (f: FeedRecord, path: string | null = null) => ({
  scope: f.scope,
  discreet: f.discreet,
  alarms: f.alarms ?? [],
  dutyAlarms: f.dutyAlarms ?? [],
  createdAt: new Date(f.createdAt).toISOString(),
  path,
});

async function upcomingRsvps(services: Services, userId: string, now: number) {
  const meetups = services.repo(meetupsRepo);
  const memberships = (await services.groups.listMembershipsOf(userId)).filter((m) => m.status === 'active');
  const ids = await Promise.all(
    memberships.map((m) =>
      meetups.listScheduleIds(m.groupId, { from: now, to: now + FEED_AHEAD_MS, limit: 500 }),
    ),
  );
  return meetups.ticketsIn(ids.flat(), userId);
}

export function register(app: Hono<AppEnv>, registry: Registry): void {
  const repo = (s: Services) => s.repo(feedsRepo);

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/me/feed',
      tag: 'calendar',
      summary: 'Your calendar feed’s settings (its URL was shown once, when made)',
      auth: 'required',
      responses: { 200: { description: 'The feed, or null', schema: FeedAnswer } },
    },
    async (c) => {
      const auth = requireAuth(c);
      const feed = await repo(c.var.services).getFeed(auth.userId);
      return c.json({ feed: feed ? viewOf(feed) : null });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/me/feed',
      tag: 'calendar',
      summary: 'Make your calendar feed, or give it a new URL (the old one stops working)',
      auth: 'required',
      responses: {
        201: { description: 'The feed, with its URL path (shown this once)', schema: FeedAnswer },
      },
    },
    async (c) => {
      const auth = requireAuth(c);
      const feeds = repo(c.var.services);
      const at = c.var.services.now();
      const before = await feeds.getFeed(auth.userId);
      const secret = newToken();
      // A new feed starts from the member's RSVPs to what is ahead; later RSVPs are noted as made.
      const rsvps = before?.rsvps ?? (await upcomingRsvps(c.var.services, auth.userId, at));
      const feed: FeedRecord = {
        userId: auth.userId,
        tokenHash: hashToken(secret),
        scope: before?.scope ?? DEFAULT_FEED_SETTINGS.scope,
        discreet: before?.discreet ?? DEFAULT_FEED_SETTINGS.discreet,
        alarms: before?.alarms ?? DEFAULT_FEED_SETTINGS.alarms,
        dutyAlarms: before?.dutyAlarms ?? DEFAULT_FEED_SETTINGS.dutyAlarms,
        language: before?.language ?? (await c.var.services.accounts.getUser(auth.userId))?.language ?? 'en',
        createdAt: at,
        changedAt: at,
        version: (before?.version ?? 0) + 1,
        stampAt: at,
        rsvps,
        // A new URL keeps what the feed knew: the versions its answers were read at, and the
        // RSVPs begun and not yet noted.
        seen: before?.seen ?? {},
        ...(before?.unsure?.size ? { unsure: before.unsure } : {}),
      };
      await feeds.putFeed(feed);
      return c.json({ feed: viewOf(feed, `/feeds/${auth.userId}.${secret}.ics`) }, 201);
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'patch',
      path: '/me/feed',
      tag: 'calendar',
      summary: 'Change what your feed shows: your meetups or all of your groups’, discreetly or in full',
      auth: 'required',
      body: FeedSettingsChange,
      responses: { 200: { description: 'The feed', schema: FeedAnswer } },
    },
    async (c, { body }) => {
      const auth = requireAuth(c);
      const feed = await repo(c.var.services).updateSettings(auth.userId, body, c.var.services.now());
      if (!feed) throw notFound('You have no calendar feed yet');
      return c.json({ feed: viewOf(feed) });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'delete',
      path: '/me/feed',
      tag: 'calendar',
      summary: 'Revoke your calendar feed: its URL stops working at once',
      auth: 'required',
      responses: { 200: { description: 'Revoked', schema: Ok } },
    },
    async (c) => {
      const auth = requireAuth(c);
      await repo(c.var.services).deleteFeed(auth.userId);
      return c.json({ ok: true as const });
    },
  );
}
