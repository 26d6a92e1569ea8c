/**
 * The discussion context: a group's threads and their posts, for the group's active members.
 * Every new post is checked for crisis phrases: the author is shown crisis resources at once and
 * the post is flagged "may need support" to moderators; it is never hidden for it.
 * @module
 */

import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { detectCrisis } from '../../core/crisis';
import { CRISIS_REGIONS } from '../../core/crisis-lines';
import { conflict, forbidden, HearthError, invalid, notFound } from '../../core/errors';
import { can, type Membership } from '../../core/groups';
import { canSeeAttendees } from '../../core/meetups';
import { Ok } from '../../core/schemas/common';
import { GroupParams, MemberParams } from '../../core/schemas/groups';
import {
  AuditPage,
  FollowedThreads,
  FollowRequest,
  LockRequest,
  ModeratorReason,
  MuteList,
  MuteParams,
  MuteRequest,
  NewPost,
  NewReport,
  NewThread,
  PageQuery,
  PinRequest,
  PostAnswer,
  PostCreated,
  PostEdit,
  PostPage,
  PostParams,
  Preferences,
  PreferencesChange,
  ReactionRequest,
  ReportPage,
  SessionThreadRequest,
  SilenceRequest,
  ThreadCreated,
  ThreadPage,
  ThreadParams,
  ThreadView,
  WaitingPage,
} from '../../core/schemas/threads';
import {
  CONTENT_WARNINGS,
  type ContentWarning,
  POST_RATE,
  REACTIONS,
  type Reaction,
} from '../../core/threads';
import { keyOf } from '../../store/batch';
import { newId, scopedId } from '../../store/ids';
import { groupOf, type Key, keys } from '../../store/keys';
import type { GroupRecord, MemberRecord } from '../../store/repos/groups';
import { meetupsRepo } from '../../store/repos/meetups';
import {
  type AuditRecord,
  type FollowRecord,
  type MuteRecord,
  newPostId,
  type PostRecord,
  type Prefs,
  type ReportRecord,
  type ThreadRecord,
  threadsRepo,
} from '../../store/repos/threads';
import { type AppEnv, type Ctx, requireAuth } from '../context';
import type { Prefetch } from '../middleware/session';
import { defineRoute, type Registry } from '../route';
import { loadGroup } from './groups';

const iso = (ms: number) => new Date(ms).toISOString();
const NOT_FOUND = 'No such discussion, or it is in a private group';

/** Moderators, facilitators and owners see which posts may need support. */
const seesSupportFlags = (m: Membership | null) => canSeeAttendees(m);

/** The group and the caller's membership: discussions are for active members only. */
async function loadForDiscussion(c: Ctx, groupId: string) {
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
async function barredSessions(
  c: Ctx,
  group: GroupRecord,
  viewer: { userId: string; member: Membership },
  threadIds: string[],
): Promise<Set<string>> {
  if (!group.sessionThreadsGoingOnly || canSeeAttendees(viewer.member) || !threadIds.length) return new Set();
  const lines = await meetupsRepo(c.var.services.config.db).linesOf(threadIds, viewer.userId);
  return new Set([...lines].filter(([, line]) => !line).map(([id]) => id));
}

const SESSION_ONLY = 'This meetup’s discussion is for the people who RSVP’d to it';

/**
 * The `prefetch` of a thread's routes: its group, the caller's membership, the thread, and the
 * caller's mutes, read state and follow choice, all with the session in one round trip.
 */
const forThread = (params: { threadId: string }, userId: string): Prefetch => ({
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
const prefetched = <T>(c: Ctx, key: Key) => c.var.prefetched.get(keyOf(key)) as T | undefined;

async function names(c: Ctx, groupId: string, userIds: string[]) {
  return c.var.services.groups.getDisplayNames(groupId, userIds);
}

function threadView(t: ThreadRecord, names: Map<string, string>, seen = t.postCount) {
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
const canSeePost = (
  p: Pick<PostRecord, 'hidden' | 'pending' | 'authorId'>,
  viewer: { userId: string; member: Membership },
) => (!p.hidden && !p.pending) || p.authorId === viewer.userId || can(viewer.member, 'moderate');

function postView(p: PostRecord, names: Map<string, string>, viewer: { userId: string; member: Membership }) {
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
const namedIn = (posts: PostRecord[], me: string) => [
  ...posts.map((p) => p.authorId),
  ...posts
    .filter((p) => p.authorId === me)
    .flatMap((p) => Object.values(p.reactions ?? {}).flatMap(Object.keys)),
];

/** In approval groups, a member's posts wait for a moderator until their first is approved. */
const waitsFor = (group: { joinPolicy: string }, member: MemberRecord) =>
  group.joinPolicy === 'approval' && member.role === 'member' && !member.firstPostApproved;

/**
 * What the author of a post that matched a crisis phrase sees at once: a calm message, the lines
 * of the region they chose (null until they choose), the crisis page and the facilitators.
 */
async function signpostFor(c: Ctx, userId: string, body: string, groupId: string) {
  if (!detectCrisis(body).matched) return null;
  const { region } = await threadsRepo(c.var.services.config.db).getPrefs(userId);
  return {
    message:
      'It sounds like things may be really hard right now. You do not have to go through this alone: you can talk to someone now, for free.',
    crisisPage: '/crisis.html',
    reachFacilitators: `/groups/${groupId}`,
    resources: region ? { region, ...CRISIS_REGIONS[region] } : null,
  };
}

/** Refuses a member whose posting a moderator paused, saying until when and why. */
function requireNotSilenced(member: MemberRecord, now: number) {
  if (member.silencedUntil && member.silencedUntil > now) {
    throw forbidden(
      `A moderator has paused your posting in this group until ${new Date(member.silencedUntil).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${member.silenceReason ?? ''}`,
    );
  }
}

async function newPost(
  c: Ctx,
  threadId: string,
  groupId: string,
  member: MemberRecord,
  body: { body: string; contentWarnings: PostRecord['contentWarnings'] },
  /** The post waits for a moderator (a new member's first posts in an approval group). */
  waits: boolean,
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
    mayNeedSupport: detectCrisis(body.body).matched,
    ...(waits ? { pending: true } : {}),
    reactions: Object.fromEntries(Object.keys(REACTIONS).map((k) => [k, {}])),
  };
  return { post, repo, at };
}

export function register(app: Hono<AppEnv>, registry: Registry): void {
  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/groups/{groupId}/threads',
      tag: 'discussion',
      summary: 'A group’s threads, most recently active first (members only)',
      auth: 'required',
      params: GroupParams,
      query: PageQuery,
      responses: { 200: { description: 'A page of threads', schema: ThreadPage } },
    },
    async (c, { params, query }) => {
      const { group, member, userId } = await loadForDiscussion(c, params.groupId);
      const listed = await threadsRepo(c.var.services.config.db).listThreads(group.groupId, query);
      const barred = await barredSessions(
        c,
        group,
        { userId, member },
        listed.items.flatMap((t) => (t.occurrenceId ? [t.threadId] : [])),
      );
      const page = {
        ...listed,
        items: listed.items.filter((t) => canSeePost(t, { userId, member }) && !barred.has(t.threadId)),
      };
      const seen = await threadsRepo(c.var.services.config.db).seenCounts(
        userId,
        page.items.map((t) => t.threadId),
      );
      const who = await names(
        c,
        group.groupId,
        page.items.map((t) => t.authorId),
      );
      return c.json({
        items: page.items.map((t) => threadView(t, who, seen.get(t.threadId) ?? 0)),
        nextCursor: page.nextCursor,
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/groups/{groupId}/threads',
      tag: 'discussion',
      summary: 'Start a thread with its first post',
      auth: 'required',
      params: GroupParams,
      body: NewThread,
      responses: { 201: { description: 'Started', schema: ThreadCreated } },
    },
    async (c, { params, body }) => {
      const { group, member, userId } = await loadForDiscussion(c, params.groupId);
      const threadId = scopedId(group.groupId);
      const waits = waitsFor(group, member);
      const { post, repo, at } = await newPost(c, threadId, group.groupId, member, body, waits);
      const thread: ThreadRecord = {
        threadId,
        groupId: group.groupId,
        title: body.title,
        authorId: userId,
        createdAt: at,
        lastPostAt: at,
        postCount: 1,
        locked: false,
        ...(waits ? { pending: true } : {}),
      };
      await repo.createThread(thread, post);
      await Promise.all([
        repo.markSeen(userId, threadId, 1),
        repo.setFollow(userId, { threadId, groupId: group.groupId, following: true, at }),
        !member.hasPosted && c.var.services.groups.markPosted(group.groupId, userId),
      ]);
      const who = new Map([[userId, member.displayName]]);
      return c.json(
        {
          thread: threadView(thread, who),
          post: postView(post, who, { userId, member }),
          signpost: await signpostFor(c, userId, body.body, group.groupId),
        },
        201,
      );
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/threads/sessions',
      tag: 'discussion',
      summary: 'Open a meetup’s session thread (the same one for everyone; made on first use)',
      auth: 'required',
      body: SessionThreadRequest,
      responses: { 200: { description: 'The session’s thread', schema: ThreadView } },
    },
    async (c, { body }) => {
      const { group, member, userId } = await loadForDiscussion(c, groupOf(body.occurrenceId));
      const occurrence = await meetupsRepo(c.var.services.config.db).getOccurrence(body.occurrenceId);
      if (!occurrence) throw notFound('No such meetup');
      if ((await barredSessions(c, group, { userId, member }, [occurrence.occurrenceId])).size)
        throw forbidden(SESSION_ONLY);
      const at = c.var.services.now();
      const thread = await threadsRepo(c.var.services.config.db).openSessionThread({
        threadId: occurrence.occurrenceId,
        groupId: group.groupId,
        title: `${occurrence.title}, ${occurrence.startLocal.slice(0, 10)}`,
        authorId: userId,
        createdAt: at,
        lastPostAt: at,
        postCount: 0,
        locked: false,
        occurrenceId: occurrence.occurrenceId,
      });
      return c.json(threadView(thread, await names(c, group.groupId, [thread.authorId])));
    },
  );

  const loadThread = async (c: Ctx, threadId: string) => {
    const { group, member, userId } = await loadForDiscussion(c, groupOf(threadId));
    const thread =
      prefetched<ThreadRecord>(c, keys.thread(threadId)) ??
      (await threadsRepo(c.var.services.config.db).getThread(threadId));
    if (!thread || !canSeePost(thread, { userId, member })) throw notFound(NOT_FOUND);
    if (thread.occurrenceId && (await barredSessions(c, group, { userId, member }, [threadId])).size)
      throw forbidden(SESSION_ONLY);
    return { group, thread, member, userId };
  };

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/threads/{threadId}',
      tag: 'discussion',
      summary: 'A thread',
      auth: 'required',
      params: ThreadParams,
      prefetch: forThread,
      responses: { 200: { description: 'The thread', schema: ThreadView } },
    },
    async (c, { params }) => {
      const { thread, userId } = await loadThread(c, params.threadId);
      const [who, following] = await Promise.all([
        names(c, thread.groupId, [thread.authorId]),
        follows(c, userId, thread),
      ]);
      return c.json({ ...threadView(thread, who), following });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/threads/{threadId}/posts',
      tag: 'discussion',
      summary: 'A thread’s posts, oldest first; the cursor is stable while people post',
      auth: 'required',
      params: ThreadParams,
      prefetch: forThread,
      query: PageQuery,
      responses: { 200: { description: 'A page of posts', schema: PostPage } },
    },
    async (c, { params, query }) => {
      const { thread, member, userId } = await loadThread(c, params.threadId);
      const repo = threadsRepo(c.var.services.config.db);
      const page = await repo.listPosts(thread.threadId, query);
      const mutes = prefetched<{ muted?: Record<string, MuteRecord> }>(c, keys.mutes(userId))?.muted ?? {};
      const seen = prefetched<{ seen: number }>(c, keys.readState(userId, thread.threadId))?.seen ?? 0;
      // Posts of members the reader muted in this group are left out, for the reader only.
      const muted = new Set(
        Object.values(mutes)
          .filter((m) => m.groupId === thread.groupId)
          .map((m) => m.userId),
      );
      // Reading to the end of a thread marks it read (a write only when there is something new).
      const [who] = await Promise.all([
        names(c, thread.groupId, namedIn(page.items, userId)),
        !page.nextCursor &&
          seen < thread.postCount &&
          repo.markSeen(userId, thread.threadId, thread.postCount),
      ]);
      const viewer = { userId, member };
      return c.json({
        items: page.items
          .filter((p) => canSeePost(p, viewer) && !muted.has(p.authorId))
          .map((p) => postView(p, who, viewer)),
        nextCursor: page.nextCursor,
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/threads/{threadId}/posts',
      tag: 'discussion',
      summary: 'Reply in a thread',
      auth: 'required',
      params: ThreadParams,
      prefetch: forThread,
      body: NewPost,
      responses: { 201: { description: 'Posted', schema: PostCreated } },
    },
    async (c, { params, body }) => {
      const { group, thread, member, userId } = await loadThread(c, params.threadId);
      if (thread.locked) throw conflict('This thread is locked');
      const replyTo = body.replyTo && (await answered(c, thread.threadId, body.replyTo, { userId, member }));
      const waits = waitsFor(group, member);
      const { post, repo } = await newPost(c, thread.threadId, thread.groupId, member, body, waits);
      if (replyTo) post.replyTo = replyTo;
      // A moderator may pin or unpin the thread meanwhile: read it again and go on.
      let current: ThreadRecord | null = thread;
      for (let tries = 0; !(await repo.addPost(post, !!current.pinned)); tries++) {
        current = await repo.getThread(thread.threadId);
        if (!current || current.locked || tries === 3) throw conflict('This thread is locked');
      }
      // Posting follows the thread, unless the member chose about it before (the prefetch knows).
      await Promise.all([
        repo.markSeen(userId, thread.threadId, current.postCount + 1),
        !member.hasPosted && c.var.services.groups.markPosted(thread.groupId, userId),
        !prefetched(c, keys.follow(userId, thread.threadId)) &&
          repo.setFollow(
            userId,
            { threadId: thread.threadId, groupId: thread.groupId, following: true, at: post.createdAt },
            true,
          ),
      ]);
      const who = new Map([[userId, member.displayName]]);
      return c.json(
        {
          post: postView(post, who, { userId, member }),
          signpost: await signpostFor(c, userId, body.body, thread.groupId),
        },
        201,
      );
    },
  );

  /**
   * Whether a member follows a thread: their own choice if they made one, else yes for the
   * session thread of a meetup they are going to (or waiting for). For routes with `forThread`.
   */
  const follows = async (c: Ctx, userId: string, thread: ThreadRecord): Promise<boolean> => {
    // Read with the session by the thread routes' prefetch (absent: no choice made).
    const chosen = prefetched<FollowRecord>(c, keys.follow(userId, thread.threadId));
    if (chosen) return chosen.following;
    if (!thread.occurrenceId) return false;
    const lines = await meetupsRepo(c.var.services.config.db).linesOf([thread.occurrenceId], userId);
    return !!lines.get(thread.occurrenceId);
  };

  const preferences = (p: Prefs) => ({
    collapse: p.collapse ?? (Object.keys(CONTENT_WARNINGS) as ContentWarning[]),
    region: p.region ?? null,
  });

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/me/preferences',
      tag: 'discussion',
      summary:
        'Your reading preferences: the content warnings whose posts stay folded (all, until you choose), and your region for crisis lines',
      auth: 'required',
      responses: { 200: { description: 'Your preferences', schema: Preferences } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      return c.json(preferences(await threadsRepo(c.var.services.config.db).getPrefs(userId)));
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'patch',
      path: '/me/preferences',
      tag: 'discussion',
      summary: 'Choose the content warnings that always stay folded, or your region for crisis lines',
      auth: 'required',
      body: PreferencesChange,
      responses: { 200: { description: 'Saved', schema: Preferences } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      return c.json(preferences(await threadsRepo(c.var.services.config.db).setPrefs(userId, body)));
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'put',
      path: '/threads/{threadId}/follow',
      tag: 'discussion',
      summary: 'Follow a thread (its new posts show under “Discussions you follow”) or stop',
      auth: 'required',
      params: ThreadParams,
      prefetch: forThread,
      body: FollowRequest,
      responses: { 200: { description: 'Your choice', schema: FollowRequest } },
    },
    async (c, { params, body }) => {
      const { thread, userId } = await loadThread(c, params.threadId);
      await threadsRepo(c.var.services.config.db).setFollow(userId, {
        threadId: thread.threadId,
        groupId: thread.groupId,
        following: body.following,
        at: c.var.services.now(),
      });
      return c.json({ following: body.following });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/me/following',
      tag: 'discussion',
      summary:
        'Discussions you follow, with what is new: those you chose, started or posted in, and the session threads of meetups you are going to',
      auth: 'required',
      responses: { 200: { description: 'Followed threads, latest activity first', schema: FollowedThreads } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      const { groups, config } = c.var.services;
      const repo = threadsRepo(config.db);
      const [chosen, memberships] = await Promise.all([
        repo.listFollows(userId),
        groups.listMembershipsOf(userId),
      ]);
      const active = new Map(memberships.filter((m) => m.status === 'active').map((m) => [m.groupId, m]));
      const choice = new Map(chosen.map((f) => [f.threadId, f.following]));
      // Session threads of the member's groups, followed by going unless they chose otherwise.
      const recent = await Promise.all(
        [...active.keys()].slice(0, 20).map((g) => repo.listThreads(g, { limit: 50 })),
      );
      const sessions = recent
        .flatMap((p) => p.items)
        .filter((t) => t.occurrenceId && !choice.has(t.threadId));
      const lines = await meetupsRepo(config.db).linesOf(
        sessions.map((t) => t.occurrenceId!),
        userId,
      );
      const picked = await repo.getThreads(
        chosen.filter((f) => f.following && active.has(f.groupId)).map((f) => f.threadId),
      );
      const threads = [...picked.values(), ...sessions.filter((t) => lines.get(t.occurrenceId!))].filter(
        (t) => canSeePost(t, { userId, member: active.get(t.groupId)! }),
      );
      // Where a group keeps session discussions to those who RSVP'd, a member who chose to
      // follow one they no longer hold a place for does not see it.
      const barred = new Set<string>();
      for (const [groupId, member] of active) {
        const ids = threads.filter((t) => t.groupId === groupId && t.occurrenceId).map((t) => t.threadId);
        const group = ids.length ? await groups.getGroup(groupId) : null;
        if (group) for (const id of await barredSessions(c, group, { userId, member }, ids)) barred.add(id);
      }
      const shown = threads
        .filter((t) => !barred.has(t.threadId))
        .sort((a, b) => b.lastPostAt - a.lastPostAt);
      const [seen, who] = await Promise.all([
        repo.seenCounts(
          userId,
          shown.map((t) => t.threadId),
        ),
        Promise.all(shown.map((t) => names(c, t.groupId, [t.authorId]))),
      ]);
      return c.json({
        items: shown.map((t, i) => ({
          ...threadView(t, who[i]!, seen.get(t.threadId) ?? 0),
          following: true,
        })),
      });
    },
  );

  /**
   * The post a reply goes under: the one named, or the post it answers itself (one level).
   * It must be in the same thread, visible to the replier, and not deleted.
   */
  const answered = async (
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
  const loadPost = async (c: Ctx, postId: string) => {
    const { group, member, userId } = await loadForDiscussion(c, groupOf(postId));
    const post = await threadsRepo(c.var.services.config.db).getPost(postId);
    if (!post || !canSeePost(post, { userId, member })) throw notFound('No such post');
    if ((await barredSessions(c, group, { userId, member }, [post.threadId])).size)
      throw forbidden(SESSION_ONLY);
    return { post, member, userId };
  };
  const requireModerator = (member: Membership) => {
    if (!can(member, 'moderate')) throw forbidden('Only moderators and owners can do that');
  };
  const audit = (c: Ctx, entry: Omit<AuditRecord, 'at'>) =>
    threadsRepo(c.var.services.config.db).addAudit({ ...entry, at: c.var.services.now() });

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/posts/{postId}/reports',
      tag: 'moderation',
      summary: 'Report a post to the group’s moderators',
      auth: 'required',
      params: PostParams,
      body: NewReport,
      responses: { 201: { description: 'Reported', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { post, userId } = await loadPost(c, params.postId);
      const report: ReportRecord = {
        reportId: newId(),
        groupId: post.groupId,
        postId: post.postId,
        threadId: post.threadId,
        reporterId: userId,
        reason: body.reason,
        note: body.note,
        createdAt: c.var.services.now(),
      };
      await threadsRepo(c.var.services.config.db).addReport(report);
      return c.json({ ok: true as const }, 201);
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/groups/{groupId}/reports',
      tag: 'moderation',
      summary: 'The moderator queue: reported posts, newest first (moderators and owners)',
      auth: 'required',
      params: GroupParams,
      query: PageQuery,
      responses: { 200: { description: 'Reports', schema: ReportPage } },
    },
    async (c, { params, query }) => {
      const { group, member } = await loadForDiscussion(c, params.groupId);
      requireModerator(member);
      const repo = threadsRepo(c.var.services.config.db);
      const page = await repo.listLog<ReportRecord>(group.groupId, 'REPORT', query);
      const posts = await Promise.all(page.items.map((r) => repo.getPost(r.postId)));
      const who = await names(
        c,
        group.groupId,
        posts.flatMap((p) => (p ? [p.authorId] : [])),
      );
      // Reporters are not named: a report is safe to make.
      return c.json({
        items: page.items.map((r, i) => ({
          reportId: r.reportId,
          postId: r.postId,
          threadId: r.threadId,
          reason: r.reason as 'other',
          note: r.note,
          createdAt: iso(r.createdAt),
          post: posts[i]
            ? {
                body: posts[i]!.body,
                author: { displayName: who.get(posts[i]!.authorId) ?? 'Former member' },
                hidden: !!posts[i]!.hidden,
              }
            : null,
        })),
        nextCursor: page.nextCursor,
      });
    },
  );

  for (const action of ['hide', 'restore'] as const) {
    defineRoute(
      app,
      registry,
      {
        method: 'post',
        path: `/posts/{postId}/${action}`,
        tag: 'moderation',
        summary:
          action === 'hide'
            ? 'Hide a post (its author and moderators still see it, with the reason)'
            : 'Restore a hidden post',
        auth: 'required',
        params: PostParams,
        body: ModeratorReason,
        responses: { 200: { description: 'Done', schema: Ok } },
      },
      async (c, { params, body }) => {
        const { post, member, userId } = await loadPost(c, params.postId);
        requireModerator(member);
        const at = c.var.services.now();
        await threadsRepo(c.var.services.config.db).setHidden(
          post.postId,
          action === 'hide' ? { by: userId, reason: body.reason, at } : null,
        );
        await audit(c, {
          groupId: post.groupId,
          actorId: userId,
          action,
          target: post.postId,
          reason: body.reason,
        });
        return c.json({ ok: true as const });
      },
    );
  }

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/groups/{groupId}/waiting',
      tag: 'moderation',
      summary: 'New members’ posts waiting for a moderator, oldest first (moderators and owners)',
      auth: 'required',
      params: GroupParams,
      query: PageQuery,
      responses: { 200: { description: 'Waiting posts', schema: WaitingPage } },
    },
    async (c, { params, query }) => {
      const { group, member, userId } = await loadForDiscussion(c, params.groupId);
      requireModerator(member);
      const repo = threadsRepo(c.var.services.config.db);
      const page = await repo.listLog<{ postId: string }>(group.groupId, 'WAIT', query);
      const posts = await repo.getPosts(page.items.map((w) => w.postId));
      // Approved, deleted or hidden meanwhile: no longer waiting.
      const waiting = [...posts.values()].filter((p) => p.pending && !p.deleted && !p.hidden);
      const threads = await repo.getThreads([...new Set(waiting.map((p) => p.threadId))]);
      const who = await names(
        c,
        group.groupId,
        waiting.map((p) => p.authorId),
      );
      return c.json({
        items: waiting.map((p) => ({
          post: postView(p, who, { userId, member }),
          thread: { threadId: p.threadId, title: threads.get(p.threadId)?.title ?? '' },
        })),
        nextCursor: page.nextCursor,
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/posts/{postId}/approve',
      tag: 'moderation',
      summary: 'Let a new member’s waiting post be seen (their later posts no longer wait)',
      auth: 'required',
      params: PostParams,
      responses: { 200: { description: 'Approved', schema: Ok } },
    },
    async (c, { params }) => {
      const { post, member, userId } = await loadPost(c, params.postId);
      requireModerator(member);
      const repo = threadsRepo(c.var.services.config.db);
      await repo.approvePost(post);
      await c.var.services.groups.markFirstPostApproved(post.groupId, post.authorId);
      await audit(c, {
        groupId: post.groupId,
        actorId: userId,
        action: 'approve',
        target: post.postId,
        reason: 'First post',
      });
      return c.json({ ok: true as const });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/threads/{threadId}/lock',
      tag: 'moderation',
      summary: 'Lock a thread (no new posts) or unlock it',
      auth: 'required',
      params: ThreadParams,
      prefetch: forThread,
      body: LockRequest,
      responses: { 200: { description: 'Done', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { thread, member, userId } = await loadThread(c, params.threadId);
      requireModerator(member);
      await threadsRepo(c.var.services.config.db).setLocked(thread.threadId, body.locked);
      await audit(c, {
        groupId: thread.groupId,
        actorId: userId,
        action: body.locked ? 'lock' : 'unlock',
        target: thread.threadId,
        reason: body.reason,
      });
      return c.json({ ok: true as const });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/threads/{threadId}/pin',
      tag: 'moderation',
      summary: 'Pin a thread to the top of its group’s list, or unpin it',
      auth: 'required',
      params: ThreadParams,
      prefetch: forThread,
      body: PinRequest,
      responses: { 200: { description: 'Done', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { thread, member, userId } = await loadThread(c, params.threadId);
      requireModerator(member);
      const repo = threadsRepo(c.var.services.config.db);
      // Posts move the thread in the list; pin it where its latest post put it.
      let current: ThreadRecord | null = thread;
      for (
        let tries = 0;
        !(await repo.setPinned(current.threadId, body.pinned, current.lastPostAt));
        tries++
      ) {
        current = await repo.getThread(thread.threadId);
        if (!current || tries === 3) throw conflict('The thread was busy; please try again');
      }
      await audit(c, {
        groupId: thread.groupId,
        actorId: userId,
        action: body.pinned ? 'pin' : 'unpin',
        target: thread.threadId,
        reason: body.reason,
      });
      return c.json({ ok: true as const });
    },
  );

  for (const action of ['silence', 'unsilence'] as const) {
    defineRoute(
      app,
      registry,
      {
        method: 'post',
        path: `/groups/{groupId}/members/{userId}/${action}`,
        tag: 'moderation',
        summary:
          action === 'silence'
            ? 'Pause a member’s posting in the group for some hours (they still read), with a reason'
            : 'Let a paused member post again',
        auth: 'required',
        params: MemberParams,
        body: action === 'silence' ? SilenceRequest : ModeratorReason,
        responses: { 200: { description: 'Done', schema: Ok } },
      },
      async (c, { params, body }) => {
        const { group, member, userId } = await loadForDiscussion(c, params.groupId);
        requireModerator(member);
        const target = await c.var.services.groups.getMember(group.groupId, params.userId);
        if (!target || target.status !== 'active') throw notFound('No such member');
        if (target.userId === userId || can(target, 'moderate'))
          throw forbidden('Moderators and owners cannot be paused');
        const at = c.var.services.now();
        const hours = 'hours' in body ? (body.hours as number) : 0;
        await c.var.services.groups.setSilence(
          group.groupId,
          target.userId,
          action === 'silence' ? { at: at + hours * 3_600_000, reason: body.reason } : null,
        );
        await audit(c, {
          groupId: group.groupId,
          actorId: userId,
          action,
          target: target.displayName,
          reason: action === 'silence' ? `${hours} h: ${body.reason}` : body.reason,
        });
        return c.json({ ok: true as const });
      },
    );
  }

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/groups/{groupId}/audit',
      tag: 'moderation',
      summary: 'Every moderator action, newest first (owners)',
      auth: 'required',
      params: GroupParams,
      query: PageQuery,
      responses: { 200: { description: 'The log', schema: AuditPage } },
    },
    async (c, { params, query }) => {
      const { group, member } = await loadForDiscussion(c, params.groupId);
      if (!can(member, 'read-audit')) throw forbidden('The moderation log is for owners');
      const page = await threadsRepo(c.var.services.config.db).listLog<AuditRecord>(
        group.groupId,
        'AUDIT',
        query,
      );
      const who = await names(
        c,
        group.groupId,
        page.items.map((a) => a.actorId),
      );
      return c.json({
        items: page.items.map((a) => ({
          action: a.action,
          actor: { displayName: who.get(a.actorId) ?? 'Former member' },
          target: a.target,
          reason: a.reason,
          at: iso(a.at),
        })),
        nextCursor: page.nextCursor,
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'patch',
      path: '/posts/{postId}',
      tag: 'discussion',
      summary: 'Edit your post (marked edited)',
      auth: 'required',
      params: PostParams,
      body: PostEdit,
      responses: { 200: { description: 'The post', schema: PostAnswer } },
    },
    async (c, { params, body }) => {
      const { post, member, userId } = await loadPost(c, params.postId);
      if (post.authorId !== userId) throw forbidden('Only its author can edit a post');
      requireNotSilenced(member, c.var.services.now());
      const edited = await threadsRepo(c.var.services.config.db).editPost(post.postId, userId, {
        body: body.body,
        contentWarnings: body.contentWarnings && [...new Set(body.contentWarnings)],
        mayNeedSupport: post.mayNeedSupport || detectCrisis(body.body).matched,
        at: c.var.services.now(),
      });
      if (!edited) throw conflict('This post was deleted');
      const who = await names(c, post.groupId, namedIn([edited], userId));
      return c.json({
        post: postView(edited, who, { userId, member }),
        signpost: await signpostFor(c, userId, body.body, post.groupId),
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'delete',
      path: '/posts/{postId}',
      tag: 'discussion',
      summary: 'Delete your post: its text is erased; “Post deleted” keeps the thread’s shape',
      auth: 'required',
      params: PostParams,
      responses: { 200: { description: 'Deleted', schema: Ok } },
    },
    async (c, { params }) => {
      const { post, userId } = await loadPost(c, params.postId);
      if (post.authorId !== userId) throw forbidden('Only its author can delete a post');
      const repo = threadsRepo(c.var.services.config.db);
      await repo.deletePost(post.postId, userId, c.var.services.now());
      if (post.pending) await repo.leaveQueue(post);
      return c.json({ ok: true as const });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/posts/{postId}/reactions',
      tag: 'discussion',
      summary: 'Send (or take back) a support reaction',
      auth: 'required',
      params: PostParams,
      body: ReactionRequest,
      responses: { 200: { description: 'The post', schema: PostAnswer } },
    },
    async (c, { params, body }) => {
      const { post, member, userId } = await loadPost(c, params.postId);
      const after = await threadsRepo(c.var.services.config.db).react(
        post.postId,
        userId,
        body.kind,
        body.reacted,
        c.var.services.now(),
      );
      if (!after) throw conflict('This post was deleted');
      const who = await names(c, post.groupId, namedIn([after], userId));
      return c.json({ post: postView(after, who, { userId, member }), signpost: null });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/me/mutes',
      tag: 'discussion',
      summary: 'Mute the author of a post: their posts in that group are hidden from you alone',
      auth: 'required',
      body: MuteRequest,
      responses: { 201: { description: 'Muted', schema: MuteList } },
    },
    async (c, { body }) => {
      const { post, userId } = await loadPost(c, body.postId);
      if (post.authorId === userId)
        throw invalid('You cannot mute yourself', [{ path: 'body.postId', message: 'Your own post' }]);
      const repo = threadsRepo(c.var.services.config.db);
      await repo.setMute(userId, muteIdOf(post.groupId, post.authorId), {
        groupId: post.groupId,
        userId: post.authorId,
        at: c.var.services.now(),
      });
      return c.json(await muteList(c, userId), 201);
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/me/mutes',
      tag: 'discussion',
      summary: 'Whom you have muted',
      auth: 'required',
      responses: { 200: { description: 'Mutes', schema: MuteList } },
    },
    async (c) => c.json(await muteList(c, requireAuth(c).userId)),
  );

  defineRoute(
    app,
    registry,
    {
      method: 'delete',
      path: '/me/mutes/{muteId}',
      tag: 'discussion',
      summary: 'Unmute',
      auth: 'required',
      params: MuteParams,
      responses: { 200: { description: 'Mutes', schema: MuteList } },
    },
    async (c, { params }) => {
      const { userId } = requireAuth(c);
      await threadsRepo(c.var.services.config.db).setMute(userId, params.muteId, null);
      return c.json(await muteList(c, userId));
    },
  );
}

/** A mute's id: opaque, and reveals no user id. */
const muteIdOf = (groupId: string, userId: string) =>
  createHash('sha256').update(`${groupId}:${userId}`).digest('base64url').slice(0, 22);

async function muteList(c: Ctx, userId: string) {
  const mutes = Object.entries(await threadsRepo(c.var.services.config.db).getMutes(userId));
  const items = await Promise.all(
    mutes.map(async ([muteId, m]) => ({
      muteId,
      groupId: m.groupId,
      displayName: (await names(c, m.groupId, [m.userId])).get(m.userId) ?? 'Former member',
    })),
  );
  return { items };
}
