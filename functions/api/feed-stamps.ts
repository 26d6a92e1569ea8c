/**
 * Keeping calendar feeds' validators true. Whatever changes what a member's feed holds bumps
 * the version on their feed item (members without a feed cost a read, not a write), and a
 * schedule change bumps the group's too; so a calendar app's poll is answered 304 from one read.
 * @module
 */
import { feedsRepo } from '../store/repos/feeds';
import type { Ctx } from './context';

/** These members' RSVPs or memberships changed. */
export async function feedsChanged(c: Ctx, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  const { config, now } = c.var.services;
  await feedsRepo(config.db).touchMany(userIds, now());
}

/** A group's schedule changed (a meetup added, moved, edited or cancelled; the group renamed). */
export async function scheduleChanged(c: Ctx, groupId: string): Promise<number> {
  const { groups, config, now } = c.var.services;
  const at = now();
  const version = await groups.touchSchedule(groupId, at);
  const feeds = feedsRepo(config.db);
  let cursor: string | undefined;
  do {
    const page = await groups.listMembers(groupId, { status: 'active', limit: 100, cursor });
    await feeds.touchMany(
      page.members.map((m) => m.userId),
      at,
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return version;
}
