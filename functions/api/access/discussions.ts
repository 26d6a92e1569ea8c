/**
 * Loading a group's discussions, a thread or a post for the caller, and the reads a thread's
 * routes ask for with the session; refusing a member whose posting is paused.
 * @module
 */
import { forbidden, notFound } from '../../core/errors';
import { can, type Membership } from '../../core/groups';
import { canSeePost, SESSION_ONLY, sessionsKeptFrom } from '../../core/threads';
import { keyOf } from '../../store/batch';
import { groupOf, type Key, keys } from '../../store/keys';
import type { GroupRecord, MemberRecord } from '../../store/repos/group-records';
import { meetupsRepo } from '../../store/repos/meetups';
import type { ThreadRecord } from '../../store/repos/thread-records';
import { threadsRepo } from '../../store/repos/threads';
import { type Ctx, requireAuth } from '../context';
import { loadGroup } from './groups';

/** The group and the caller's membership: discussions are for active members only. */
export async function loadForDiscussion(c: Ctx, groupId: string) {
  const { userId } = requireAuth(c);
  const { group, member } = await loadGroup(
    c,
    groupId,
    'read',
    'Join the group to read and write in its discussions',
  );
  return { group, member: member!, userId };
}

/**
 * Session threads the viewer may not enter: where the group keeps a meetup's discussion to those
 * who RSVP'd, the ones of meetups they hold no place for (organisers and moderators enter all).
 * Ids that are not meetups' are regular threads, open to every member.
 */
export async function barredSessions(
  c: Ctx,
  group: GroupRecord,
  viewer: { userId: string; member: Membership },
  threadIds: string[],
): Promise<Set<string>> {
  if (!sessionsKeptFrom(group, viewer.member) || !threadIds.length) return new Set();
  const lines = await c.var.services.repo(meetupsRepo).linesOf(threadIds, viewer.userId);
  return new Set([...lines].filter(([, line]) => !line).map(([id]) => id));
}

/** An item the route's prefetch read (undefined when it does not exist or was not asked for). */
export const prefetched = <T>(c: Ctx, key: Key) => c.var.prefetched.get(keyOf(key)) as T | undefined;

/** Refuses a member whose posting a moderator paused, saying until when and why. */
export function requireNotSilenced(member: MemberRecord, now: number) {
  if (member.silencedUntil && member.silencedUntil > now) {
    throw forbidden(
      `A moderator has paused your posting in this group until ${new Date(member.silencedUntil).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${member.silenceReason ?? ''}`,
    );
  }
}

export const loadThread = async (c: Ctx, threadId: string) => {
  const { group, member, userId } = await loadForDiscussion(c, groupOf(threadId));
  const thread =
    prefetched<ThreadRecord>(c, keys.thread(threadId)) ??
    (await c.var.services.repo(threadsRepo).getThread(threadId));
  if (!thread || !canSeePost(thread, { userId, member })) throw notFound(NOT_FOUND);
  if (thread.occurrenceId && (await barredSessions(c, group, { userId, member }, [threadId])).size)
    throw forbidden(SESSION_ONLY);
  return { group, thread, member, userId };
};

/** A post the caller may see, and their membership of its group. */
export const loadPost = async (c: Ctx, postId: string) => {
  const { group, member, userId } = await loadForDiscussion(c, groupOf(postId));
  const post = await c.var.services.repo(threadsRepo).getPost(postId);
  if (!post || !canSeePost(post, { userId, member })) throw notFound('No such post');
  if ((await barredSessions(c, group, { userId, member }, [post.threadId])).size)
    throw forbidden(SESSION_ONLY);
  return { group, post, member, userId };
};

export const requireModerator = (member: Membership) => {
  if (!can(member, 'moderate')) throw forbidden('Only moderators and owners can do that');
};

export const NOT_FOUND = 'No such discussion, or it is in a private group';
