/**
 * A reader’s own choices in discussions: threads they follow and what is new there, content
 * warnings kept folded, their region for crisis lines, and whom they muted.
 * @module
 */
import { createHash } from 'node:crypto';
import { invalid } from '../../core/errors';
import {
  FollowedThreads,
  FollowRequest,
  MuteList,
  MuteParams,
  MuteRequest,
  Preferences,
  PreferencesChange,
  ThreadParams,
} from '../../core/schemas/threads';
import { canSeePost } from '../../core/threads';
import { meetupsRepo } from '../../store/repos/meetups';
import { forThread } from '../../store/repos/thread-records';
import { threadsRepo } from '../../store/repos/threads';
import { barredSessions, loadPost, loadThread } from '../access/discussions';
import { type Ctx, requireAuth } from '../context';
import { type Route, route } from '../route';
import { names, preferences, threadView } from '../views/discussions';

export const readingRoutes: Route[] = [
  route(
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
      return c.json(preferences(await c.var.services.repo(threadsRepo).getPrefs(userId)));
    },
  ),
  route(
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
      return c.json(preferences(await c.var.services.repo(threadsRepo).setPrefs(userId, body)));
    },
  ),
  route(
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
      await c.var.services.repo(threadsRepo).setFollow(userId, {
        threadId: thread.threadId,
        groupId: thread.groupId,
        following: body.following,
        at: c.var.services.now(),
      });
      return c.json({ following: body.following });
    },
  ),
  route(
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
      const { groups } = c.var.services;
      const repo = c.var.services.repo(threadsRepo);
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
      const lines = await c.var.services.repo(meetupsRepo).linesOf(
        sessions.map((t) => t.occurrenceId!),
        userId,
      );
      const followed = chosen.filter((f) => f.following && active.has(f.groupId)).map((f) => f.threadId);
      const picked = await repo.getThreads(followed);
      // A followed thread its group no longer keeps (core/retention) leaves the member's list too.
      const gone = followed.filter((id) => !picked.has(id));
      if (gone.length) await repo.forgetThreads(userId, gone);
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
  ),
  route(
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
      const repo = c.var.services.repo(threadsRepo);
      await repo.setMute(userId, muteIdOf(post.groupId, post.authorId), {
        groupId: post.groupId,
        userId: post.authorId,
        at: c.var.services.now(),
      });
      return c.json(await muteList(c, userId), 201);
    },
  ),
  route(
    {
      method: 'get',
      path: '/me/mutes',
      tag: 'discussion',
      summary: 'Whom you have muted',
      auth: 'required',
      responses: { 200: { description: 'Mutes', schema: MuteList } },
    },
    async (c) => c.json(await muteList(c, requireAuth(c).userId)),
  ),
  route(
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
      await c.var.services.repo(threadsRepo).setMute(userId, params.muteId, null);
      return c.json(await muteList(c, userId));
    },
  ),
];

/** A mute's id: opaque, and reveals no user id. */
const muteIdOf = (groupId: string, userId: string) =>
  createHash('sha256').update(`${groupId}:${userId}`).digest('base64url').slice(0, 22);

async function muteList(c: Ctx, userId: string) {
  const mutes = Object.entries(await c.var.services.repo(threadsRepo).getMutes(userId));
  const groupIds = [...new Set(mutes.map(([, m]) => m.groupId))];
  const [groups, ...named] = await Promise.all([
    c.var.services.groups.getGroups(groupIds),
    ...groupIds.map((g) =>
      names(
        c,
        g,
        mutes.filter(([, m]) => m.groupId === g).map(([, m]) => m.userId),
      ),
    ),
  ]);
  const groupName = new Map(groups.map((g) => [g.groupId, g.name]));
  const nameIn = new Map(groupIds.map((g, i) => [g, named[i]!]));
  return {
    items: mutes.map(([muteId, m]) => ({
      muteId,
      groupId: m.groupId,
      groupName: groupName.get(m.groupId) ?? 'A former group',
      displayName: nameIn.get(m.groupId)?.get(m.userId) ?? 'Former member',
    })),
  };
}
