/**
 * The resource directory: a global one (platform admins) and one per group (owners, moderators
 * and verified professionals), searched by facet without scanning; listings added, changed and
 * removed. Suggestions, reports and verification are resource-review.ts; professionals'
 * applications are professionals.ts.
 * @module
 */

import { forbidden, invalid, notFound } from '../../core/errors';
import { canCurate, canReview, searchable } from '../../core/resources';
import { Ok } from '../../core/schemas/common';
import { GroupParams } from '../../core/schemas/groups';
import {
  NewResource,
  ResourceChange,
  ResourcePage,
  ResourceParams,
  ResourceQuery,
  ResourceView,
} from '../../core/schemas/resources';
import { newId, scopedId } from '../../store/ids';
import { type ResourceRecord, scopeOfResource } from '../../store/repos/resource-records';
import { facetFor, resourcesRepo } from '../../store/repos/resources';
import { loadGroup } from '../access/groups';
import { actorIn, kind, loadListing } from '../access/resources';
import { type Ctx, requireAuth } from '../context';
import { recordFrom, save } from '../flows/resources';
import { type Route, route } from '../route';
import { namesFor, people, resourceView, show } from '../views/resources';

const add = async (c: Ctx, scope: string, body: typeof NewResource._zod.output) => {
  const { userId } = requireAuth(c);
  const actor = await actorIn(c, scope);
  if (!canCurate(kind(scope), actor))
    throw forbidden(
      scope === 'global'
        ? 'The global directory is kept by platform admins'
        : 'Owners, moderators and professionals keep a group’s directory',
    );
  const now = c.var.services.now();
  const r = recordFrom(body, {
    resourceId: scope === 'global' ? newId() : scopedId(scope),
    scope,
    status: 'listed',
    addedBy: userId,
    now,
    months: actor.months,
  });
  await c.var.services.repo(resourcesRepo).put(r);
  return c.json(resourceView(r, await namesFor(c, scope, [userId]), now), 201);
};

export const resourceRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/resources',
      tag: 'resources',
      summary:
        'Search a directory (the global one, or a group’s) by text, category, region, cost and language, by title',
      auth: 'optional',
      query: ResourceQuery,
      responses: { 200: { description: 'A page of listings', schema: ResourcePage } },
    },
    async (c, { query }) => {
      const { scope } = query;
      if (scope !== 'global') await loadGroup(c, scope, 'read', 'Join the group to see its directory');
      const repo = c.var.services.repo(resourcesRepo);
      const page = await repo.search(
        scope,
        facetFor(query),
        {
          category: query.category,
          country: query.region,
          cost: query.cost,
          lang: query.lang,
          q: query.q && searchable(query.q),
        },
        { limit: query.limit, cursor: query.cursor },
      );
      const names = await namesFor(c, scope, people(page.items));
      const now = c.var.services.now();
      return c.json({
        items: page.items.map((r) => resourceView(r, names, now)),
        nextCursor: page.nextCursor,
      });
    },
  ),
  route(
    {
      method: 'get',
      path: '/resources/{resourceId}',
      tag: 'resources',
      summary: 'One listing, with who added it and who verified it when',
      auth: 'optional',
      params: ResourceParams,
      responses: { 200: { description: 'The listing', schema: ResourceView } },
    },
    async (c, { params }) => {
      const scope = scopeOfResource(params.resourceId);
      const [member, r] = await Promise.all([
        scope === 'global' ? null : loadGroup(c, scope).then((g) => g.member),
        c.var.services.repo(resourcesRepo).get(params.resourceId),
      ]);
      if (scope !== 'global' && member?.status !== 'active') throw notFound('No such listing');
      if (!r) throw notFound('No such listing');
      // A suggestion is for its directory's reviewers and whoever suggested it.
      if (r.status === 'suggested') {
        const actor = await actorIn(c, scope);
        if (!canReview(kind(scope), actor) && r.addedBy !== actor.userId) throw notFound('No such listing');
      }
      return c.json(await show(c, r));
    },
  ),
  route(
    {
      method: 'post',
      path: '/resources',
      tag: 'resources',
      summary: 'Add a listing to the global directory (platform admins)',
      auth: 'required',
      body: NewResource,
      responses: { 201: { description: 'Listed', schema: ResourceView } },
    },
    async (c, { body }) => add(c, 'global', body),
  ),
  route(
    {
      method: 'post',
      path: '/groups/{groupId}/resources',
      tag: 'resources',
      summary: 'Add a listing to a group’s directory (owners, moderators, professionals)',
      auth: 'required',
      params: GroupParams,
      body: NewResource,
      responses: { 201: { description: 'Listed', schema: ResourceView } },
    },
    async (c, { params, body }) => add(c, params.groupId, body),
  ),
  route(
    {
      method: 'patch',
      path: '/resources/{resourceId}',
      tag: 'resources',
      summary: 'Change a listing (those who keep its directory); a suggestion is listed by changing it',
      auth: 'required',
      params: ResourceParams,
      body: ResourceChange,
      responses: { 200: { description: 'The listing', schema: ResourceView } },
    },
    async (c, { params, body }) => {
      const { r, scope, actor } = await loadListing(c, params.resourceId);
      if (!canCurate(kind(scope), actor))
        throw forbidden('Only those who keep this directory change its listings');
      const now = c.var.services.now();
      const merged = { ...r };
      for (const [k, v] of Object.entries(body)) {
        if (v === null) delete (merged as Record<string, unknown>)[k];
        else if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
      }
      if (!merged.url && !merged.phone && !merged.sms)
        throw invalid('Give a link, a number to call or a number to text', [
          { path: 'body.url', message: 'Needed' },
        ]);
      const after: ResourceRecord = {
        ...merged,
        status: 'listed',
        updatedAt: now,
        search: searchable(merged.title, merged.description, merged.tags.join(' '), merged.audience),
      };
      return c.json(await save(c, r, after));
    },
  ),
  route(
    {
      method: 'delete',
      path: '/resources/{resourceId}',
      tag: 'resources',
      summary: 'Take a listing (or a suggestion) out of its directory',
      auth: 'required',
      params: ResourceParams,
      responses: { 200: { description: 'Removed', schema: Ok } },
    },
    async (c, { params }) => {
      const { r, scope, actor } = await loadListing(c, params.resourceId);
      if (!canCurate(kind(scope), actor))
        throw forbidden('Only those who keep this directory remove its listings');
      await c.var.services.repo(resourcesRepo).remove(r);
      return c.json({ ok: true as const });
    },
  ),
];
