/**
 * What the discussion routes share: loading the group, a thread or a post for the caller, the
 * views of threads and posts, and the rules for who sees and writes what.
 * @module
 */
import { CRISIS_REGIONS } from '../../core/crisis-lines';
import { forbidden, HearthError, invalid, notFound } from '../../core/errors';
import { can, type Membership } from '../../core/groups';
import { canSeeAttendees } from '../../core/meetups';
import {
  CONTENT_WARNINGS,
  type ContentWarning,
  POST_RATE,
  REACTIONS,
  type Reaction,
} from '../../core/threads';
import { keyOf } from '../../store/batch';
import { groupOf, type Key, keys } from '../../store/keys';
import type { GroupRecord, MemberRecord } from '../../store/repos/groups';
import { meetupsRepo } from '../../store/repos/meetups';
import {
  type AuditRecord,
  type FollowRecord,
  newPostId,
  type PostRecord,
  type Prefs,
  type ThreadRecord,
  threadsRepo,
} from '../../store/repos/threads';
import { type Ctx, requireAuth } from '../context';
import type { Prefetch } from '../middleware/session';
import { loadGroup } from './groups';

export const iso = (ms: number) => new Date(ms).toISOString();
const NOT_FOUND = 'No such discussion, or it is in a private group';

/** Moderators, facilitators and owners see which posts may need support. */
const seesSupportFlags = (m: Membership | null) => canSeeAttendees(m);

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
  if (!group.sessionThreadsGoingOnly || canSeeAttendees(viewer.member) || !threadIds.length) return new Set();
  const lines = await meetupsRepo(c.var.services.config.db).linesOf(threadIds, viewer.userId);
  return new Set([...lines].filter(([, line]) => !line).map(([id]) => id));
}

export const SESSION_ONLY = 'This meetup’s discussion is for the people who RSVP’d to it';

/**
 * The `prefetch` of a thread's routes: its group, the caller's membership, the thread, and the
 * caller's mutes, read state and follow choice, all with the session in one round trip.
 */
export const forThread = (params: { threadId: string }, userId: string): Prefetch => ({
  keys: [
    keys.group(groupOf(params.threadId)),
    keys.member(groupOf(params.threadId), userId),
    keys.thread(params.threadId),
    keys.mutes(userId),
    keys.readState(userId, params.threadId),
    keys.follow(userId, params.threadId),
  ],
});

/** An item the route's prefetch read (undefined when it does not exist or was not asked for). */
export const prefetched = <T>(c: Ctx, key: Key) => c.var.prefetched.get(keyOf(key)) as T | undefined;

export async function names(c: Ctx, groupId: string, userIds: string[]) {
  return c.var.services.groups.getDisplayNames(groupId, userIds);
}

export function threadView(t: ThreadRecord, names: Map<string, string>, seen = t.postCount) {
  return {
    threadId: t.threadId,
    groupId: t.groupId,
    title: t.title,
    author: { displayName: names.get(t.authorId) ?? 'Former member' },
    postCount: t.postCount,
    createdAt: iso(t.createdAt),
    lastPostAt: iso(t.lastPostAt),
    locked: t.locked,
    pinned: !!t.pinned,
    occurrenceId: t.occurrenceId ?? null,
    unread: Math.max(0, t.postCount - seen),
  };
}

/**
 * Hidden posts (with the reason) and posts waiting for a moderator are seen only by their author
 * and by moderators; so are threads started by a waiting post.
 */
export const canSeePost = (
  p: Pick<PostRecord, 'hidden' | 'pending' | 'authorId'>,
  viewer: { userId: string; member: Membership },
) => (!p.hidden && !p.pending) || p.authorId === viewer.userId || can(viewer.member, 'moderate');

export function postView(
  p: PostRecord,
  names: Map<string, string>,
  viewer: { userId: string; member: Membership },
) {
  return {
    postId: p.postId,
    threadId: p.threadId,
    author: { displayName: names.get(p.authorId) ?? 'Former member' },
    mine: p.authorId === viewer.userId,
    body: p.body,
    contentWarnings: p.contentWarnings,
    createdAt: iso(p.createdAt),
    ...(seesSupportFlags(viewer.member) ? { mayNeedSupport: p.mayNeedSupport } : {}),
    hidden: p.hidden ? { reason: p.hidden.reason } : null,
    editedAt: p.editedAt ? iso(p.editedAt) : null,
    replyTo: p.replyTo ?? null,
    contextNotes: (p.contextNotes ?? []).map((n) => ({
      by: names.get(n.by) ?? 'A verified professional',
      body: n.body,
      at: iso(n.at),
    })),
    deleted: !!p.deleted,
    pending: !!p.pending,
    reactions: reactionsView(p, viewer.userId, names),
  };
}

/** Counts for everyone, my own, and who reacted for the post's author alone. */
function reactionsView(p: PostRecord, me: string, names: Map<string, string>) {
  const kinds = Object.keys(REACTIONS) as Reaction[];
  const by = (k: Reaction) => Object.keys(p.reactions?.[k] ?? {});
  return {
    counts: Object.fromEntries(kinds.map((k) => [k, by(k).length])) as Record<Reaction, number>,
    mine: kinds.filter((k) => by(k).includes(me)),
    ...(p.authorId === me
      ? {
          who: Object.fromEntries(
            kinds.map((k) => [k, by(k).map((u) => names.get(u) ?? 'Former member')]),
          ) as Record<Reaction, string[]>,
        }
      : {}),
  };
}

/** Everyone a page of posts names: authors, and for the viewer's own posts those who reacted. */
export const namedIn = (posts: PostRecord[], me: string) => [
  ...posts.map((p) => p.authorId),
  ...posts.flatMap((p) => (p.contextNotes ?? []).map((n) => n.by)),
  ...posts
    .filter((p) => p.authorId === me)
    .flatMap((p) => Object.values(p.reactions ?? {}).flatMap(Object.keys)),
];

/** In approval groups, a member's posts wait for a moderator until their first is approved. */
export const waitsFor = (group: { joinPolicy: string }, member: MemberRecord) =>
  group.joinPolicy === 'approval' && member.role === 'member' && !member.firstPostApproved;

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
  prefsRead = false,
) {
  if (!matched) return null;
  const { region } =
    prefetched<Prefs>(c, keys.prefs(userId)) ??
    (prefsRead ? {} : await threadsRepo(c.var.services.config.db).getPrefs(userId));
  return {
    message:
      'It sounds like things may be really hard right now. You do not have to go through this alone: you can talk to someone now, for free.',
    crisisPage: '/crisis.html',
    reachFacilitators: `/groups/${groupId}`,
    groupId,
    safetyPlan: '/me/safety-plan',
    resources: region ? { region, ...CRISIS_REGIONS[region] } : null,
  };
}

/** Refuses a member whose posting a moderator paused, saying until when and why. */
export function requireNotSilenced(member: MemberRecord, now: number) {
  if (member.silencedUntil && member.silencedUntil > now) {
    throw forbidden(
      `A moderator has paused your posting in this group until ${new Date(member.silencedUntil).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${member.silenceReason ?? ''}`,
    );
  }
}

export async function newPost(
  c: Ctx,
  threadId: string,
  groupId: string,
  member: MemberRecord,
  body: { body: string; contentWarnings: PostRecord['contentWarnings'] },
  /** The post waits for a moderator (a new member's first posts in an approval group). */
  waits: boolean,
  /** Its words matched a crisis phrase (read once by the route). */
  matched: boolean,
) {
  const { now } = c.var.services;
  const { userId } = member;
  const repo = threadsRepo(c.var.services.config.db);
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
    contentWarnings: [...new Set(body.contentWarnings)],
    createdAt: at,
    mayNeedSupport: matched,
    ...(waits ? { pending: true } : {}),
    reactions: Object.fromEntries(Object.keys(REACTIONS).map((k) => [k, {}])),
  };
  return { post, repo, at };
}

export const loadThread = async (c: Ctx, threadId: string) => {
  const { group, member, userId } = await loadForDiscussion(c, groupOf(threadId));
  const thread =
    prefetched<ThreadRecord>(c, keys.thread(threadId)) ??
    (await threadsRepo(c.var.services.config.db).getThread(threadId));
  if (!thread || !canSeePost(thread, { userId, member })) throw notFound(NOT_FOUND);
  if (thread.occurrenceId && (await barredSessions(c, group, { userId, member }, [threadId])).size)
    throw forbidden(SESSION_ONLY);
  return { group, thread, member, userId };
};

/**
 * Whether a member follows a thread: their own choice if they made one, else yes for the
 * session thread of a meetup they are going to (or waiting for). For routes with `forThread`.
 */
export const follows = async (c: Ctx, userId: string, thread: ThreadRecord): Promise<boolean> => {
  // Read with the session by the thread routes' prefetch (absent: no choice made).
  const chosen = prefetched<FollowRecord>(c, keys.follow(userId, thread.threadId));
  if (chosen) return chosen.following;
  if (!thread.occurrenceId) return false;
  const lines = await meetupsRepo(c.var.services.config.db).linesOf([thread.occurrenceId], userId);
  return !!lines.get(thread.occurrenceId);
};

export const preferences = (p: Prefs) => ({
  collapse: p.collapse ?? (Object.keys(CONTENT_WARNINGS) as ContentWarning[]),
  region: p.region ?? null,
});

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
  const named = postId.startsWith(threadId)
    ? await threadsRepo(c.var.services.config.db).getPost(postId)
    : null;
  if (!named || !canSeePost(named, viewer) || named.deleted) {
    throw invalid('That post is not in this thread', [
      { path: 'body.replyTo', message: 'Reply to a post of this thread' },
    ]);
  }
  return named.replyTo ?? named.postId;
};

/** A post the caller may see, and their membership of its group. */
export const loadPost = async (c: Ctx, postId: string) => {
  const { group, member, userId } = await loadForDiscussion(c, groupOf(postId));
  const post = await threadsRepo(c.var.services.config.db).getPost(postId);
  if (!post || !canSeePost(post, { userId, member })) throw notFound('No such post');
  if ((await barredSessions(c, group, { userId, member }, [post.threadId])).size)
    throw forbidden(SESSION_ONLY);
  return { group, post, member, userId };
};
export const requireModerator = (member: Membership) => {
  if (!can(member, 'moderate')) throw forbidden('Only moderators and owners can do that');
};
export const audit = (c: Ctx, entry: Omit<AuditRecord, 'at'>) =>
  threadsRepo(c.var.services.config.db).addAudit({ ...entry, at: c.var.services.now() });
