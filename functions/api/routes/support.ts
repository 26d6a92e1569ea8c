/**
 * The support queue: a group's support requests for its facilitators, moderators and owners.
 * Someone takes a request ("I'm on it": one wins, the others see who), records what was done,
 * and closes it; each step goes to the moderation log. To anyone else a request does not exist.
 * @module
 */

import { conflict, HearthError, notFound } from '../../core/errors';
import type { LogAction } from '../../core/moderation-log';
import { GroupParams } from '../../core/schemas/groups';
import {
  SupportActionRequest,
  SupportPage,
  SupportParams,
  SupportQuery,
  SupportRequestView,
} from '../../core/schemas/support';
import { SUPPORT_ACTIONS, seesSupport } from '../../core/support';
import { groupOf } from '../../store/keys';
import { supportRepo } from '../../store/repos/support';
import type { SupportRecord } from '../../store/repos/support-records';
import { threadsRepo } from '../../store/repos/threads';
import { loadGroup } from '../access/groups';
import { type Ctx, requireAuth } from '../context';
import { type Route, route } from '../route';

const NOT_FOUND = 'No such support request';
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
/** How many of a request's posts the queue shows (newest first), with their opening words. */
const POSTS_SHOWN = 3;

/** A request's newest posts: a post id ends with its time (after the thread's 33 characters). */
const newestPosts = (ids: Set<string>) =>
  [...ids].sort((a, b) => b.slice(33).localeCompare(a.slice(33))).slice(0, POSTS_SHOWN);

/** The caller's group, if they see its support requests; 404 otherwise, as for a missing one. */
async function loadSupportGroup(c: Ctx, groupId: string) {
  requireAuth(c);
  const { group, member } = await loadGroup(c, groupId).catch((e) => {
    throw e instanceof HearthError && e.code === 'not_found' ? notFound(NOT_FOUND) : e;
  });
  if (!seesSupport(member)) throw notFound(NOT_FOUND);
  return { group, member: member! };
}

/** Views of requests: the people named and the newest posts' opening words, read at once. */
async function views(c: Ctx, groupId: string, requests: SupportRecord[]): Promise<SupportRequestView[]> {
  const shown = new Map(requests.map((r) => [r.requestId, newestPosts(r.postIds)]));
  const people = requests.flatMap((r) => [
    r.memberId,
    r.takenBy ?? '',
    ...(r.actions ?? []).map((a) => a.by),
  ]);
  const [names, posts] = await Promise.all([
    c.var.services.groups.getDisplayNames(groupId, [...new Set(people.filter(Boolean))]),
    c.var.services.repo(threadsRepo).getPosts([...shown.values()].flat()),
  ]);
  const nameOf = (u: string) => ({ displayName: names.get(u) ?? 'Former member' });
  return requests.map((r) => ({
    requestId: r.requestId,
    groupId: r.groupId,
    member: nameOf(r.memberId),
    status: r.status,
    openedAt: iso(r.openedAt)!,
    lastMatchAt: iso(r.lastMatchAt)!,
    matchCount: r.matchCount,
    posts: shown.get(r.requestId)!.map((postId) => {
      const p = posts.get(postId);
      const threadId = postId.slice(0, 33);
      return {
        postId,
        threadId,
        at: iso(p?.createdAt ?? r.openedAt)!,
        href: `/threads/${threadId}#post-${postId}`,
        excerpt: p && !p.deleted ? p.body.slice(0, 280) : null,
      };
    }),
    takenBy: r.takenBy ? nameOf(r.takenBy) : null,
    takenAt: iso(r.takenAt),
    escalatesAt: iso(r.escalateAt)!,
    escalatedAt: iso(r.escalatedAt),
    actions: (r.actions ?? []).map((a) => ({
      by: nameOf(a.by),
      action: a.action,
      note: a.note,
      at: iso(a.at)!,
    })),
    conversationId: r.conversationId ?? null,
    closedAt: iso(r.closedAt),
  }));
}

/** A request the caller may see, with their membership. */
async function loadRequest(c: Ctx, requestId: string) {
  const { group, member } = await loadSupportGroup(c, groupOf(requestId));
  const request = await c.var.services.repo(supportRepo).get(requestId);
  if (!request) throw notFound(NOT_FOUND);
  return { group, member, request };
}

/** Logs a step for owners and answers with the request as it now is (one read of names for both). */
async function loggedView(c: Ctx, r: SupportRecord, action: LogAction, reason: string) {
  const { userId } = requireAuth(c);
  const [view] = await views(c, r.groupId, [r]);
  await c.var.services.repo(threadsRepo).addAudit({
    groupId: r.groupId,
    actorId: userId,
    action,
    target: view!.member.displayName,
    reason,
    at: c.var.services.now(),
  });
  return view!;
}

export const supportRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/support',
      tag: 'support',
      summary:
        'The group’s support requests, open or closed, newest first (facilitators, moderators, owners)',
      auth: 'required',
      params: GroupParams,
      query: SupportQuery,
      responses: { 200: { description: 'A page of requests', schema: SupportPage } },
    },
    async (c, { params, query }) => {
      const { group } = await loadSupportGroup(c, params.groupId);
      const page = await c.var.services.repo(supportRepo).list(group.groupId, query.status, query);
      return c.json({ items: await views(c, group.groupId, page.items), nextCursor: page.nextCursor });
    },
  ),
  route(
    {
      method: 'get',
      path: '/support/{requestId}',
      tag: 'support',
      summary: 'A support request',
      auth: 'required',
      params: SupportParams,
      responses: { 200: { description: 'The request', schema: SupportRequestView } },
    },
    async (c, { params }) => {
      const { request } = await loadRequest(c, params.requestId);
      return c.json((await views(c, request.groupId, [request]))[0]!);
    },
  ),
  route(
    {
      method: 'post',
      path: '/support/{requestId}/take',
      tag: 'support',
      summary: '“I’m on it”: take a request nobody has taken (the others see who did)',
      auth: 'required',
      params: SupportParams,
      responses: { 200: { description: 'Taken by you', schema: SupportRequestView } },
    },
    async (c, { params }) => {
      const { userId } = requireAuth(c);
      const { request } = await loadRequest(c, params.requestId);
      if (request.status === 'closed') throw conflict('This request is closed');
      const repo = c.var.services.repo(supportRepo);
      const taken = await repo.take(request.requestId, userId, c.var.services.now());
      if (!taken) {
        const now = await repo.get(request.requestId);
        const [view] = await views(c, request.groupId, now ? [now] : [request]);
        throw conflict(
          now?.status === 'closed'
            ? 'This request is closed'
            : `${view?.takenBy?.displayName ?? 'Someone'} has already taken this request`,
        );
      }
      return c.json(await loggedView(c, taken, 'support_taken', 'I’m on it'));
    },
  ),
  ...(['actions', 'close'] as const).map((step) =>
    route(
      {
        method: 'post',
        path: `/support/{requestId}/${step}`,
        tag: 'support',
        summary:
          step === 'actions'
            ? 'Record what was done for the person'
            : 'Close the request with what was done last',
        auth: 'required',
        params: SupportParams,
        body: SupportActionRequest,
        responses: { 200: { description: 'The request', schema: SupportRequestView } },
      },
      async (c, { params, body }) => {
        const { userId } = requireAuth(c);
        const { request } = await loadRequest(c, params.requestId);
        if (request.status === 'closed') throw conflict('This request is closed');
        const repo = c.var.services.repo(supportRepo);
        const entry = { by: userId, action: body.action, note: body.note, at: c.var.services.now() };
        const after =
          step === 'close'
            ? await repo.close(request.requestId, entry)
            : await repo.record(request.requestId, entry);
        if (!after)
          throw conflict(
            step === 'close'
              ? 'This request is closed'
              : 'This request is closed or has as many notes as it keeps',
          );
        return c.json(
          await loggedView(
            c,
            after,
            step === 'close' ? 'support_closed' : 'support_action',
            [SUPPORT_ACTIONS[body.action], body.note].filter(Boolean).join(': '),
          ),
        );
      },
    ),
  ),
];
