/**
 * Reports: a member reports a post to the group's moderators (reporting it again replaces their
 * own report); moderators and owners are told of a newly reported post at once, see one row per
 * post with the count and reasons, and settle it (hidden, talked to the member, no breach) or
 * dismiss it; the reporters are told, without detail, that it was handled. Hiding a post settles
 * its report too.
 * @module
 */

import { conflict, invalid } from '../../core/errors';
import { notice } from '../../core/i18n/notices';
import { Ok } from '../../core/schemas/common';
import { GroupParams } from '../../core/schemas/groups';
import { SettleReport } from '../../core/schemas/support';
import { NewReport, PageQuery, PostParams, ReportPage } from '../../core/schemas/threads';
import { escalationRecipients } from '../../core/support';
import type { ReportReason } from '../../core/threads';
import { iso } from '../../core/time';
import { notificationsRepo } from '../../store/repos/notifications';
import { reportsRepo } from '../../store/repos/reports';
import { threadsRepo } from '../../store/repos/threads';
import { loadForDiscussion, loadPost, requireModerator } from '../access/discussions';
import { audit } from '../flows/audit';
import { settleReport } from '../flows/reports';
import { crisisPosted, onDutyNow, staffOf } from '../flows/support';
import { type Route, route } from '../route';
import { names } from '../views/discussions';

export const reportRoutes: Route[] = [
  route(
    {
      method: 'post',
      path: '/posts/{postId}/reports',
      tag: 'moderation',
      summary: 'Report a post to the group’s moderators (again: replaces your earlier report of it)',
      auth: 'required',
      params: PostParams,
      body: NewReport,
      responses: { 201: { description: 'Reported', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { group, post, userId } = await loadPost(c, params.postId);
      if (post.authorId === userId)
        throw invalid('You cannot report your own post', [
          { path: 'params.postId', message: 'Your own post' },
        ]);
      const { now } = c.var.services;
      const at = now();
      const { fresh } = await c.var.services.repo(reportsRepo).report(post, userId, {
        reason: body.reason,
        note: body.note,
        at,
      });
      // "Someone may be in crisis" is a person's word for what the phrases may have missed: the
      // author's support request opens (or the post joins it), as for a post that matched.
      const author =
        body.reason === 'crisis' ? await c.var.services.groups.getMember(group.groupId, post.authorId) : null;
      if (author?.status === 'active')
        await crisisPosted(c, {
          group,
          member: author,
          postId: post.postId,
          duty: onDutyNow(c, group),
        });
      if (fresh) {
        const staff = await staffOf(c, group);
        await c.var.services.repo(notificationsRepo).notify(
          escalationRecipients(staff, userId).map((to) => ({
            userId: to,
            kind: 'report' as const,
            notice: notice('reported', { group: group.name, reason: body.reason }),
            groupId: group.groupId,
            page: 'moderation' as const,
          })),
          at,
        );
      }
      return c.json({ ok: true as const }, 201);
    },
  ),
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/reports',
      tag: 'moderation',
      summary: 'Reported posts waiting for a moderator: one row per post (moderators and owners)',
      auth: 'required',
      params: GroupParams,
      query: PageQuery,
      responses: { 200: { description: 'Reports', schema: ReportPage } },
    },
    async (c, { params, query }) => {
      const { group, member } = await loadForDiscussion(c, params.groupId);
      requireModerator(member);
      const page = await c.var.services.repo(reportsRepo).listOpen(group.groupId, query);
      const posts = await c.var.services.repo(threadsRepo).getPosts(page.items.map((r) => r.postId));
      const who = await names(
        c,
        group.groupId,
        [...posts.values()].map((p) => p.authorId),
      );
      // Reporters are not named: a report is safe to make.
      return c.json({
        items: page.items
          .sort((a, b) => b.lastAt - a.lastAt)
          .map((r) => {
            const entries = [...r.reporters.values()];
            const counts = new Map<ReportReason, number>();
            for (const e of entries)
              counts.set(e.reason as ReportReason, (counts.get(e.reason as ReportReason) ?? 0) + 1);
            const p = posts.get(r.postId);
            return {
              postId: r.postId,
              threadId: r.threadId,
              count: entries.length,
              reasons: [...counts].map(([reason, count]) => ({ reason, count })),
              notes: entries.map((e) => e.note).filter(Boolean),
              firstAt: iso(r.firstAt),
              lastAt: iso(r.lastAt),
              post: p
                ? {
                    body: p.body,
                    author: { displayName: who.get(p.authorId) ?? 'Former member' },
                    hidden: !!p.hidden,
                  }
                : null,
            };
          }),
        nextCursor: page.nextCursor,
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/posts/{postId}/reports/settle',
      tag: 'moderation',
      summary:
        'Settle a post’s report: hidden (hides the post), talked to the member, no breach, or dismissed',
      auth: 'required',
      params: PostParams,
      body: SettleReport,
      responses: { 200: { description: 'Settled', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { group, post, member, userId } = await loadPost(c, params.postId);
      requireModerator(member);
      const open = await c.var.services.repo(reportsRepo).get(post.postId);
      if (open?.status !== 'open') throw conflict('This report was settled already');
      if (body.outcome === 'hidden' && !post.hidden) {
        if (body.reason.length < 3)
          throw invalid('Say why the post is hidden: its author sees the reason', [
            { path: 'body.reason', message: 'Use at least 3 characters' },
          ]);
        const at = c.var.services.now();
        await c.var.services.repo(threadsRepo).setHidden(post, {
          by: userId,
          reason: body.reason,
          at,
        });
        await audit(c, {
          groupId: group.groupId,
          actorId: userId,
          action: 'hide',
          target: post.postId,
          reason: body.reason,
        });
      }
      if (!(await settleReport(c, group, post, body.outcome, userId, body.reason)))
        throw conflict('This report was settled already');
      return c.json({ ok: true as const });
    },
  ),
];
