/**
 * Writing in a group's discussions: a new post (waiting for a moderator where the group says so,
 * matched against crisis phrases, its author signposted and the people on duty told), whether a
 * member follows a thread, and whether a waiting question was answered.
 * @module
 */

import { CRISIS_REGIONS, REGIONS_BY_LANGUAGE } from '../../core/crisis-lines';
import { HearthError, invalid } from '../../core/errors';
import type { Membership } from '../../core/groups';
import { askedLocale, type Locale } from '../../core/i18n/locales';
import { canSeePost, POST_RATE, REACTIONS } from '../../core/threads';
import { keys } from '../../store/keys';
import type { MemberRecord } from '../../store/repos/group-records';
import { meetupsRepo } from '../../store/repos/meetups';
import {
  type FollowRecord,
  newPostId,
  type PostRecord,
  type Prefs,
  type ThreadRecord,
} from '../../store/repos/thread-records';
import { threadsRepo } from '../../store/repos/threads';
import { prefetched, requireNotSilenced } from '../access/discussions';
import type { Ctx } from '../context';

/**
 * What the author of a post that matched a crisis phrase sees at once: a calm message, the lines
 * of the region they chose (null until they choose), the crisis page, their safety plan, and the
 * group, whose facilitators they may ask to reach out. Reads their preferences unless the route's
 * prefetch did.
 */
export async function signpostFor(
  c: Ctx,
  userId: string,
  /** The post's words matched a crisis phrase (core/crisis). */
  matched: boolean,
  groupId: string,
  /** The route's prefetch read the preferences (absent from it: none chosen). */
  prefsRead: boolean,
  /** The post's language: until the author says where they are, its regions' lines are offered. */
  language: Locale,
) {
  if (!matched) return null;
  const { region } =
    prefetched<Prefs>(c, keys.prefs(userId)) ??
    (prefsRead ? {} : await c.var.services.repo(threadsRepo).getPrefs(userId));
  return {
    message:
      'It sounds like things may be really hard right now. You do not have to go through this alone: you can talk to someone now, for free.',
    crisisPage: '/crisis.html',
    reachFacilitators: `/groups/${groupId}`,
    groupId,
    safetyPlan: '/me/safety-plan',
    resources: region ? { region, ...CRISIS_REGIONS[region] } : null,
    suggested: region ? [] : [...(REGIONS_BY_LANGUAGE[language] ?? [])],
  };
}

/**
 * The language a post is written in: the one its author chose, else the one their browser asks
 * for (`Accept-Language`), else English. Its crisis phrases are read in it.
 */
export const postLanguage = (c: Ctx, chosen: Locale | undefined): Locale =>
  chosen ?? askedLocale(c.req.header('accept-language'));

export async function newPost(
  c: Ctx,
  threadId: string,
  groupId: string,
  member: MemberRecord,
  body: { body: string; language: Locale; contentWarnings: PostRecord['contentWarnings'] },
  /** The post waits for a moderator (a new member's first posts in an approval group). */
  waits: boolean,
  /** Its words matched a crisis phrase (read once by the route). */
  matched: boolean,
) {
  const { now } = c.var.services;
  const { userId } = member;
  const repo = c.var.services.repo(threadsRepo);
  const at = now();
  requireNotSilenced(member, at);
  if (!(await repo.takePostSlot(userId, at, POST_RATE))) {
    throw new HearthError(
      'rate_limited',
      `You have posted ${POST_RATE.posts} times in the last few minutes. Take a breath; you can post again shortly.`,
    );
  }
  const post: PostRecord = {
    postId: newPostId(threadId, at),
    threadId,
    groupId,
    authorId: userId,
    body: body.body,
    language: body.language,
    contentWarnings: [...new Set(body.contentWarnings)],
    createdAt: at,
    mayNeedSupport: matched,
    ...(waits ? { pending: true } : {}),
    reactions: Object.fromEntries(Object.keys(REACTIONS).map((k) => [k, {}])),
  };
  return { post, repo, at };
}

/**
 * Whether a member follows a thread: their own choice if they made one, else yes for the
 * session thread of a meetup they are going to (or waiting for). For routes with `forThread`.
 */
export const follows = async (c: Ctx, userId: string, thread: ThreadRecord): Promise<boolean> => {
  // Read with the session by the thread routes' prefetch (absent: no choice made).
  const chosen = prefetched<FollowRecord>(c, keys.follow(userId, thread.threadId));
  if (chosen) return chosen.following;
  if (!thread.occurrenceId) return false;
  const lines = await c.var.services.repo(meetupsRepo).linesOf([thread.occurrenceId], userId);
  return !!lines.get(thread.occurrenceId);
};

/**
 * The post a reply goes under: the one named, or the post it answers itself (one level).
 * It must be in the same thread, visible to the replier, and not deleted.
 */
export const answered = async (
  c: Ctx,
  threadId: string,
  postId: string,
  viewer: { userId: string; member: Membership },
): Promise<string> => {
  const named = postId.startsWith(threadId) ? await c.var.services.repo(threadsRepo).getPost(postId) : null;
  if (!named || !canSeePost(named, viewer) || named.deleted) {
    throw invalid('That post is not in this thread', [
      { path: 'body.replyTo', message: 'Reply to a post of this thread' },
    ]);
  }
  return named.replyTo ?? named.postId;
};
