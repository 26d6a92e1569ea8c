/**
 * Moderation: reports and the queue of waiting posts, hiding, restoring and approving posts,
 * locking and pinning threads, pausing a member's posting, and the log of it all that owners read.
 * @module
 */

import { conflict, forbidden, notFound } from '../../core/errors';
import { can } from '../../core/groups';
import { askedLocale } from '../../core/i18n/locales';
import { notice, sayNotice } from '../../core/i18n/notices';
import { HEARTH_ACTOR } from '../../core/moderation-log';
import { Ok } from '../../core/schemas/common';
import { GroupParams, MemberParams } from '../../core/schemas/groups';
import {
  AuditPage,
  LockRequest,
  ModeratorReason,
  PageQuery,
  PinRequest,
  PostParams,
  SilenceRequest,
  ThreadParams,
  WaitingPage,
} from '../../core/schemas/threads';
import { iso } from '../../core/time';
import type { AuditRecord, ThreadRecord } from '../../store/repos/thread-records';
import { forThread } from '../../store/repos/thread-records';
import { threadsRepo } from '../../store/repos/threads';
import { loadForDiscussion, loadPost, loadThread, requireModerator } from '../access/discussions';
import { audit } from '../flows/audit';
import { settleReport } from '../flows/reports';
import { type Route, route } from '../route';
import { names, postView } from '../views/discussions';

export const moderationRoutes: Route[] = [
  // A hidden post's report is settled with it (its reporters are told it was handled).
  ...(['hide', 'restore'] as const).map((action) =>
    route(
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
        const { group, post, member, userId } = await loadPost(c, params.postId);
        requireModerator(member);
        const at = c.var.services.now();
        await c.var.services
          .repo(threadsRepo)
          .setHidden(post, action === 'hide' ? { by: userId, reason: body.reason, at } : null);
        await Promise.all([
          audit(c, {
            groupId: post.groupId,
            actorId: userId,
            action,
            target: post.postId,
            reason: body.reason,
          }),
          // A hidden post's report is settled with it (its reporters are told it was handled).
          action === 'hide' && settleReport(c, group, post, 'hidden', userId, body.reason),
        ]);
        return c.json({ ok: true as const });
      },
    ),
  ),
  route(
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
      const repo = c.var.services.repo(threadsRepo);
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
  ),
  route(
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
      const repo = c.var.services.repo(threadsRepo);
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
  ),
  route(
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
      await c.var.services.repo(threadsRepo).setLocked(thread.threadId, body.locked);
      await audit(c, {
        groupId: thread.groupId,
        actorId: userId,
        action: body.locked ? 'lock' : 'unlock',
        target: thread.threadId,
        reason: body.reason,
      });
      return c.json({ ok: true as const });
    },
  ),
  route(
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
      const repo = c.var.services.repo(threadsRepo);
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
  ),
  ...(['silence', 'unsilence'] as const).map((action) =>
    route(
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
        if (target?.status !== 'active') throw notFound('No such member');
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
    ),
  ),
  route(
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
      const page = await c.var.services.repo(threadsRepo).listLog<AuditRecord>(group.groupId, 'AUDIT', query);
      const who = await names(
        c,
        group.groupId,
        page.items.map((a) => a.actorId),
      );
      const locale = askedLocale(c.req.header('accept-language'));
      return c.json({
        items: page.items.map((a) => ({
          action: a.action,
          actor: {
            displayName:
              a.actorId === HEARTH_ACTOR
                ? 'Hearth'
                : (who.get(a.actorId) ?? sayNotice(locale, notice('logFormerMember'))),
          },
          target: a.target,
          reason: a.said ? sayNotice(locale, a.said) : a.reason,
          at: iso(a.at),
        })),
        nextCursor: page.nextCursor,
      });
    },
  ),
];
