/**
 * Keeping a directory true: verifying and listing a suggestion, reports of a listing, the
 * suggestions and the review queue.
 * @module
 */

import { forbidden } from '../../core/errors';
import { canCurate, canReview, canVerify, DEFAULT_REVIEW_MONTHS, reviewDueAt } from '../../core/resources';
import { Ok } from '../../core/schemas/common';
import {
  ResourceParams,
  ResourceReport,
  ResourceView,
  ReviewQuery,
  ReviewQueue,
  Suggestion,
} from '../../core/schemas/resources';
import { iso } from '../../core/time';
import { newId, scopedId } from '../../store/ids';
import type { ResourceRecord } from '../../store/repos/resource-records';
import { resourcesRepo } from '../../store/repos/resources';
import { loadGroup } from '../access/groups';
import { actorIn, kind, loadListing } from '../access/resources';
import { requireAuth } from '../context';
import { recordFrom, save } from '../flows/resources';
import { type Route, route } from '../route';
import { namesFor, people, resourceView, show } from '../views/resources';

export const resourceReviewRoutes: Route[] = [
  route(
    {
      method: 'post',
      path: '/resources/{resourceId}/verify',
      tag: 'resources',
      summary:
        'Verify a listing as a verified professional: it shows who and when, until it needs review again',
      auth: 'required',
      params: ResourceParams,
      responses: { 200: { description: 'Verified', schema: ResourceView } },
    },
    async (c, { params }) => {
      const { r, scope, actor, userId } = await loadListing(c, params.resourceId);
      if (!canVerify(kind(scope), actor)) throw forbidden('Only verified professionals verify listings');
      const now = c.var.services.now();
      const after: ResourceRecord = {
        ...r,
        status: 'listed',
        verifiedBy: userId,
        verifiedAt: now,
        reviewDueAt: reviewDueAt(now, actor.months),
        updatedAt: now,
      };
      return c.json(await save(c, r, after));
    },
  ),
  route(
    {
      method: 'post',
      path: '/resources/{resourceId}/list',
      tag: 'resources',
      summary:
        'List a suggestion as it is (those who keep the directory); a professional can still verify it',
      auth: 'required',
      params: ResourceParams,
      responses: { 200: { description: 'Listed', schema: ResourceView } },
    },
    async (c, { params }) => {
      const { r, scope, actor } = await loadListing(c, params.resourceId);
      if (!canCurate(kind(scope), actor))
        throw forbidden('Only those who keep this directory list suggestions');
      const now = c.var.services.now();
      const after: ResourceRecord = { ...r, status: 'listed', updatedAt: now };
      return c.json(r.status === 'listed' ? await show(c, r) : await save(c, r, after));
    },
  ),
  route(
    {
      method: 'post',
      path: '/resources/{resourceId}/reports',
      tag: 'resources',
      summary: 'Report a problem with a listing (a wrong number, closed, harmful) to its reviewers',
      auth: 'required',
      params: ResourceParams,
      body: ResourceReport,
      responses: { 201: { description: 'Reported', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { r, scope, userId } = await loadListing(c, params.resourceId);
      await c.var.services.repo(resourcesRepo).addReport({
        reportId: newId(),
        resourceId: r.resourceId,
        scope,
        problem: body.problem,
        note: body.note,
        reporterId: userId,
        createdAt: c.var.services.now(),
      });
      return c.json({ ok: true as const }, 201);
    },
  ),
  route(
    {
      method: 'post',
      path: '/resource-suggestions',
      tag: 'resources',
      summary: 'Suggest a listing: it waits for a reviewer (in a group, members of it suggest)',
      auth: 'required',
      body: Suggestion,
      responses: { 201: { description: 'Suggested', schema: ResourceView } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const { scope, ...fields } = body;
      const group =
        scope === 'global'
          ? null
          : await loadGroup(c, scope, 'read', 'Join the group to suggest for its directory');
      const now = c.var.services.now();
      const r = recordFrom(fields, {
        resourceId: scope === 'global' ? newId() : scopedId(scope),
        scope,
        status: 'suggested',
        addedBy: userId,
        now,
        months: group?.group.resourceReviewMonths ?? DEFAULT_REVIEW_MONTHS,
      });
      await c.var.services.repo(resourcesRepo).put(r);
      return c.json(resourceView(r, await namesFor(c, scope, [userId]), now), 201);
    },
  ),
  route(
    {
      method: 'get',
      path: '/review-queue',
      tag: 'resources',
      summary:
        'What a directory’s reviewers have to do: suggestions, listings due for review, reported problems',
      auth: 'required',
      query: ReviewQuery,
      responses: { 200: { description: 'The queue', schema: ReviewQueue } },
    },
    async (c, { query }) => {
      requireAuth(c);
      const actor = await actorIn(c, query.scope);
      if (!canReview(kind(query.scope), actor))
        throw forbidden('The review queue is for this directory’s reviewers');
      const repo = c.var.services.repo(resourcesRepo);
      const now = c.var.services.now();
      const [{ due, suggested }, reports] = await Promise.all([
        repo.queue(query.scope, now),
        repo.reports(query.scope),
      ]);
      const names = await namesFor(c, query.scope, people([...due, ...suggested]));
      const titles = new Map([...due, ...suggested].map((r) => [r.resourceId, r.title]));
      const missing = reports.filter((r) => !titles.has(r.resourceId));
      for (const r of await Promise.all(missing.map((m) => repo.get(m.resourceId))))
        if (r) titles.set(r.resourceId, r.title);
      return c.json({
        suggested: suggested.map((r) => resourceView(r, names, now)),
        needsReview: due.map((r) => resourceView(r, names, now)),
        reports: reports
          .filter((r) => titles.has(r.resourceId))
          .map((r) => ({
            reportId: r.reportId,
            resourceId: r.resourceId,
            title: titles.get(r.resourceId)!,
            problem: r.problem,
            note: r.note,
            createdAt: iso(r.createdAt),
          })),
      });
    },
  ),
];
