/**
 * A group's threads and a meetup's session thread: listing and starting them, reading and
 * replying. Every new post is checked for crisis phrases: the author is shown crisis resources at
 * once and the post is flagged "may need support" to moderators; it is never hidden for it. One
 * post's edits, deletion, notes and reactions are posts.ts.
 * @module
 */

import { detectCrisis } from '../../core/crisis';
import { conflict, forbidden, notFound } from '../../core/errors';
import { localStart } from '../../core/meetups';
import { GroupParams } from '../../core/schemas/groups';
import {
  NewPost,
  NewThread,
  PageQuery,
  PostCreated,
  PostPage,
  SessionThreadRequest,
  ThreadCreated,
  ThreadPage,
  ThreadParams,
  ThreadView,
} from '../../core/schemas/threads';
import { canSeePost, namedIn, SESSION_ONLY, waitsFor } from '../../core/threads';
import { sayLocal } from '../../core/time';
import { scopedId } from '../../store/ids';
import { groupOf, keys } from '../../store/keys';
import type { GroupRecord, MemberRecord } from '../../store/repos/group-records';
import { meetupsRepo } from '../../store/repos/meetups';
import { postingKeys } from '../../store/repos/support-records';
import {
  forThread,
  type MuteRecord,
  type PostRecord,
  postItems,
  type ThreadRecord,
} from '../../store/repos/thread-records';
import { threadsRepo } from '../../store/repos/threads';
import { barredSessions, loadForDiscussion, loadThread, prefetched } from '../access/discussions';
import type { Ctx } from '../context';
import { answered, follows, newPost, postLanguage, signpostFor } from '../flows/posting';
import { crisisPosted, dutyFor, liveOf } from '../flows/support';
import { type Route, route } from '../route';
import { names, postView, threadView } from '../views/discussions';

/**
 * Writes a new post (already counted on its thread). One that matched a crisis phrase goes with
 * its support request's notices, in one batch (api/flows/support).
 */
function storePost(
  c: Ctx,
  p: { group: GroupRecord; member: MemberRecord; post: PostRecord; duty: Promise<string[]> | null },
) {
  if (!p.duty) return c.var.services.repo(threadsRepo).putPost(p.post);
  return crisisPosted(c, {
    group: p.group,
    member: p.member,
    postId: p.post.postId,
    duty: p.duty,
    live: liveOf(c, p.member),
    postItems: postItems(p.post),
  });
}

export const threadRoutes: Route[] = [
  route(
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
      const listed = await c.var.services.repo(threadsRepo).listThreads(group.groupId, query);
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
      const seen = await c.var.services.repo(threadsRepo).seenCounts(
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
  ),
  route(
    {
      method: 'post',
      path: '/groups/{groupId}/threads',
      tag: 'discussion',
      summary: 'Start a thread with its first post',
      auth: 'required',
      params: GroupParams,
      prefetch: (params, userId) => ({
        keys: [
          keys.group(params.groupId),
          keys.member(params.groupId, userId),
          ...postingKeys(params.groupId, userId),
        ],
      }),
      body: NewThread,
      responses: { 201: { description: 'Started', schema: ThreadCreated } },
    },
    async (c, { params, body }) => {
      const { group, member, userId } = await loadForDiscussion(c, params.groupId);
      const language = postLanguage(c, body.language);
      const matched = detectCrisis(body.body, language).matched;
      const duty = dutyFor(c, group, matched);
      const threadId = scopedId(group.groupId);
      const waits = waitsFor(group, member);
      const { post, repo, at } = await newPost(
        c,
        threadId,
        group.groupId,
        member,
        { ...body, language },
        waits,
        matched,
      );
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
      // The opening post first, then the thread that lists it: a crash between leaves a post
      // nothing points to, never a listed thread without its post.
      const [signpost] = await Promise.all([
        signpostFor(c, userId, matched, group.groupId, true, language),
        storePost(c, { group, member, post, duty }),
        repo.markSeen(userId, threadId, 1),
        repo.setFollow(userId, { threadId, groupId: group.groupId, following: true, at }),
        !member.hasPosted && c.var.services.groups.markPosted(group.groupId, userId),
      ]);
      await repo.putThread(thread);
      const who = new Map([[userId, member.displayName]]);
      return c.json(
        { thread: threadView(thread, who), post: postView(post, who, { userId, member }), signpost },
        201,
      );
    },
  ),
  route(
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
      const occurrence = await c.var.services.repo(meetupsRepo).getOccurrence(body.occurrenceId);
      if (!occurrence) throw notFound('No such meetup');
      if ((await barredSessions(c, group, { userId, member }, [occurrence.occurrenceId])).size)
        throw forbidden(SESSION_ONLY);
      const at = c.var.services.now();
      const thread = await c.var.services.repo(threadsRepo).openSessionThread({
        threadId: occurrence.occurrenceId,
        groupId: group.groupId,
        title: `${occurrence.title}, ${sayLocal(localStart(occurrence), { time: false })}`,
        authorId: userId,
        createdAt: at,
        lastPostAt: at,
        postCount: 0,
        locked: false,
        occurrenceId: occurrence.occurrenceId,
      });
      return c.json(threadView(thread, await names(c, group.groupId, [thread.authorId])));
    },
  ),
  route(
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
  ),
  route(
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
      const repo = c.var.services.repo(threadsRepo);
      const page = await repo.listPosts(thread.threadId, query);
      const mutes = prefetched<{ muted?: Record<string, MuteRecord> }>(c, keys.mutes(userId))?.muted ?? {};
      const seen = prefetched<{ seen: number }>(c, keys.readState(userId, thread.threadId))?.seen ?? 0;
      // Posts of members the reader muted in this group are left out, for the reader only.
      const muted = new Set(
        Object.values(mutes)
          .filter((m) => m.groupId === thread.groupId)
          .map((m) => m.userId),
      );
      // Reading to the end of a thread checks its count against its posts (repairing what a crash
      // between the two writes of a post left apart) and marks it read, when there is something new.
      const newest = page.nextCursor ? undefined : page.items.at(-1);
      const [who] = await Promise.all([
        names(c, thread.groupId, namedIn(page.items, userId)),
        newest &&
          repo.checkCount(thread, newest, c.var.services.now()).then(async (count) => {
            if (seen < count) await repo.markSeen(userId, thread.threadId, count);
          }),
      ]);
      const viewer = { userId, member };
      return c.json({
        items: page.items
          .filter((p) => canSeePost(p, viewer) && !muted.has(p.authorId))
          .map((p) => postView(p, who, viewer)),
        nextCursor: page.nextCursor,
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/threads/{threadId}/posts',
      tag: 'discussion',
      summary: 'Reply in a thread',
      auth: 'required',
      params: ThreadParams,
      prefetch: (params, userId) => ({
        keys: [...forThread(params, userId).keys, ...postingKeys(groupOf(params.threadId), userId)],
      }),
      body: NewPost,
      responses: { 201: { description: 'Posted', schema: PostCreated } },
    },
    async (c, { params, body }) => {
      const { group, thread, member, userId } = await loadThread(c, params.threadId);
      if (thread.locked) throw conflict('This thread is locked');
      const language = postLanguage(c, body.language);
      const matched = detectCrisis(body.body, language).matched;
      const duty = dutyFor(c, group, matched);
      const replyTo = body.replyTo && (await answered(c, thread.threadId, body.replyTo, { userId, member }));
      const waits = waitsFor(group, member);
      const { post, repo } = await newPost(
        c,
        thread.threadId,
        thread.groupId,
        member,
        { ...body, language },
        waits,
        matched,
      );
      if (replyTo) post.replyTo = replyTo;
      // A moderator may pin or unpin the thread meanwhile: read it again and go on.
      let current: ThreadRecord | null = thread;
      for (let tries = 0; !(await repo.countPost(post, !!current.pinned)); tries++) {
        current = await repo.getThread(thread.threadId);
        if (!current || current.locked || tries === 3) throw conflict('This thread is locked');
      }
      // Posting follows the thread, unless the member chose about it before (the prefetch knows).
      const [signpost] = await Promise.all([
        signpostFor(c, userId, matched, thread.groupId, true, language),
        storePost(c, { group, member, post, duty }),
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
      return c.json({ post: postView(post, who, { userId, member }), signpost }, 201);
    },
  ),
];
