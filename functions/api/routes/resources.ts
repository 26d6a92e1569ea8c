/**
 * The resource directory: a global one (platform admins) and one per group (owners, moderators
 * and verified professionals), searched by facet without scanning; members suggest listings and
 * report problems; verified professionals verify listings, which then show who and when until
 * the review period makes them "needs review". Professionals apply with their credentials and
 * platform admins (configured at deploy) decide.
 * @module
 */
import type { Hono } from 'hono';
import { normaliseHandle } from '../../core/accounts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import {
  ago,
  canCurate,
  canReview,
  canVerify,
  countries,
  DEFAULT_REVIEW_MONTHS,
  type ResourceActor,
  reviewDueAt,
  searchable,
} from '../../core/resources';
import { Ok } from '../../core/schemas/common';
import { GroupParams } from '../../core/schemas/groups';
import {
  NewResource,
  ProfessionalApplication,
  ProfessionalDecision,
  ProfessionalQueue,
  ProfessionalView,
  ResourceChange,
  ResourcePage,
  ResourceParams,
  ResourceQuery,
  ResourceReport,
  ResourceView,
  ReviewQuery,
  ReviewQueue,
  Suggestion,
  UserParams,
} from '../../core/schemas/resources';
import { newId, scopedId } from '../../store/ids';
import { notificationsRepo } from '../../store/repos/notifications';
import { facetFor, type ResourceRecord, resourcesRepo, scopeOfResource } from '../../store/repos/resources';
import { loadGroup } from '../access/groups';
import { type AppEnv, type Ctx, requireAuth } from '../context';
import { defineRoute } from '../route';
import type { Registry } from '../route-spec';

const iso = (ms: number) => new Date(ms).toISOString();

/** Whether the signed-in person is a platform admin (by handle, as configured at deploy). */
async function isAdmin(c: Ctx, userId: string): Promise<boolean> {
  const admins = c.var.services.config.admins ?? [];
  if (!admins.length) return false;
  const user = await c.var.services.accounts.getUser(userId);
  return !!user && admins.map(normaliseHandle).includes(normaliseHandle(user.handle));
}

/**
 * What the caller may do in a directory (global, or a group's, which they must be able to see),
 * and the directory's review period.
 */
async function actorIn(
  c: Ctx,
  scope: string,
): Promise<ResourceActor & { userId: string | null; months: number }> {
  const auth = c.get('auth');
  const userId = auth?.userId ?? null;
  const repo = c.var.services.repo(resourcesRepo);
  const [group, professional, admin] = await Promise.all([
    scope === 'global' ? null : loadGroup(c, scope),
    userId ? repo.getProfessional(userId).then((p) => p?.status === 'verified') : false,
    userId ? isAdmin(c, userId) : false,
  ]);
  return {
    userId,
    member: group?.member ?? null,
    professional,
    admin,
    months: group?.group.resourceReviewMonths ?? DEFAULT_REVIEW_MONTHS,
  };
}

const kind = (scope: string) => (scope === 'global' ? 'global' : 'group');

/** Who added and who verified listings, as the directory names people. */
async function namesFor(c: Ctx, scope: string, userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  return scope === 'global'
    ? c.var.services.accounts.handlesOf(ids)
    : c.var.services.groups.getDisplayNames(scope, ids);
}

function resourceView(r: ResourceRecord, names: Map<string, string>, now: number) {
  return {
    resourceId: r.resourceId,
    scope: r.scope,
    title: r.title,
    description: r.description,
    category: r.category,
    tags: r.tags,
    url: r.url ?? null,
    phone: r.phone ?? null,
    sms: r.sms ?? null,
    hours: r.hours ?? null,
    languages: r.languages,
    cost: r.cost,
    region:
      r.region === 'online'
        ? ('online' as const)
        : {
            country: r.region.country,
            countryName: countries().get(r.region.country) ?? r.region.country,
            subdivision: r.region.subdivision ?? null,
          },
    address: r.address ?? null,
    accessNotes: r.accessNotes ?? null,
    audience: r.audience ?? null,
    status: r.status,
    addedBy: r.addedBy ? (names.get(r.addedBy) ?? 'Former member') : 'Hearth',
    source: r.source ?? null,
    createdAt: iso(r.createdAt),
    verified:
      r.verifiedBy && r.verifiedAt
        ? {
            by: names.get(r.verifiedBy) ?? 'Former member',
            at: iso(r.verifiedAt),
            ago: ago(r.verifiedAt, now),
          }
        : null,
    needsReview: r.status === 'listed' && r.reviewDueAt <= now,
    reviewDueAt: iso(r.reviewDueAt),
  };
}

const people = (rs: ResourceRecord[]) =>
  rs.flatMap((r) => [r.addedBy, r.verifiedBy].filter((u): u is string => !!u));

function recordFrom(
  body: Omit<typeof NewResource._zod.output, never>,
  meta: {
    resourceId: string;
    scope: string;
    status: ResourceRecord['status'];
    addedBy: string;
    now: number;
    months: number;
  },
): ResourceRecord {
  return {
    resourceId: meta.resourceId,
    scope: meta.scope,
    ...body,
    status: meta.status,
    addedBy: meta.addedBy,
    createdAt: meta.now,
    updatedAt: meta.now,
    reviewDueAt: reviewDueAt(meta.now, meta.months),
    search: searchable(body.title, body.description, body.tags.join(' '), body.audience),
    version: 1,
  };
}

/** A listing as the directory shows it, names and all. */
async function show(c: Ctx, r: ResourceRecord) {
  return resourceView(r, await namesFor(c, r.scope, people([r])), c.var.services.now());
}

/** Writes a listing as changed from what was read (409 if someone changed it meanwhile), and shows it. */
async function save(c: Ctx, before: ResourceRecord, after: ResourceRecord) {
  if (!(await c.var.services.repo(resourcesRepo).replace(before, after)))
    throw conflict('The listing was being changed by someone else; please try again');
  return show(c, { ...after, version: before.version + 1 });
}

export function resourceRoutes(app: Hono<AppEnv>, registry: Registry): void {
  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

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

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  /** A listing and what the caller may do with it. */
  const loadListing = async (c: Ctx, resourceId: string) => {
    const { userId } = requireAuth(c);
    const scope = scopeOfResource(resourceId);
    const actor = await actorIn(c, scope);
    if (scope !== 'global' && actor.member?.status !== 'active') throw notFound('No such listing');
    const r = await c.var.services.repo(resourcesRepo).get(resourceId);
    if (!r) throw notFound('No such listing');
    return { r, scope, actor, userId };
  };

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/me/professional',
      tag: 'resources',
      summary: 'Your verification as a professional, if you applied',
      auth: 'required',
      responses: { 200: { description: 'Where it stands', schema: ProfessionalView } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      const p = await c.var.services.repo(resourcesRepo).getProfessional(userId);
      return c.json({
        admin: await isAdmin(c, userId),
        status: p?.status ?? ('none' as const),
        licenceType: p?.licenceType ?? null,
        jurisdiction: p?.jurisdiction ?? null,
        decidedAt: p?.decidedAt ? iso(p.decidedAt) : null,
        reason: p?.status === 'declined' ? p.reason || null : null,
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/me/professional-application',
      tag: 'resources',
      summary: 'Apply to be a verified professional, with your credentials (platform admins decide)',
      auth: 'required',
      body: ProfessionalApplication,
      responses: { 201: { description: 'Applied', schema: ProfessionalView } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const repo = c.var.services.repo(resourcesRepo);
      const before = await repo.getProfessional(userId);
      if (before?.status === 'verified') throw conflict('You are already a verified professional');
      const now = c.var.services.now();
      await repo.putProfessional({ userId, status: 'pending', ...body, appliedAt: now });
      return c.json(
        {
          status: 'pending' as const,
          licenceType: body.licenceType,
          jurisdiction: body.jurisdiction,
          decidedAt: null,
        },
        201,
      );
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/admin/professionals',
      tag: 'resources',
      summary: 'Applications waiting for a platform admin',
      auth: 'required',
      responses: { 200: { description: 'Waiting', schema: ProfessionalQueue } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      if (!(await isAdmin(c, userId))) throw forbidden('For platform admins');
      const waiting = await c.var.services.repo(resourcesRepo).pendingProfessionals();
      const handles = await c.var.services.accounts.handlesOf(waiting.map((p) => p.userId));
      return c.json({
        items: waiting.map((p) => ({
          userId: p.userId,
          handle: handles.get(p.userId) ?? '',
          licenceType: p.licenceType,
          licenceNumber: p.licenceNumber,
          jurisdiction: p.jurisdiction,
          note: p.note,
          appliedAt: iso(p.appliedAt),
        })),
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/admin/professionals/{userId}/verify',
      tag: 'resources',
      summary: 'Verify (or decline) a professional’s application (platform admins)',
      auth: 'required',
      params: UserParams,
      body: ProfessionalDecision,
      responses: { 200: { description: 'Decided', schema: ProfessionalView } },
    },
    async (c, { params, body }) => {
      const { userId } = requireAuth(c);
      if (!(await isAdmin(c, userId))) throw forbidden('For platform admins');
      const repo = c.var.services.repo(resourcesRepo);
      const p = await repo.getProfessional(params.userId);
      if (!p) throw notFound('No application from them');
      const now = c.var.services.now();
      const status = body.verified ? ('verified' as const) : ('declined' as const);
      await repo.putProfessional({ ...p, status, decidedAt: now, decidedBy: userId, reason: body.reason });
      // The applicant hears of it where they are, not only on their next look at the page.
      await c.var.services.repo(notificationsRepo).notify(
        [
          {
            userId: params.userId,
            kind: 'professional',
            groupId: '',
            page: 'professional',
            text: body.verified
              ? 'You are now a verified professional: you can verify listings and add notes under posts.'
              : `Your application to be a verified professional was declined${body.reason ? `: ${body.reason.replace(/[.!?]$/, '')}.` : '.'} You may apply again.`,
          },
        ],
        now,
        `professional:${params.userId}:${status}:${now}`,
      );
      return c.json({
        status,
        licenceType: p.licenceType,
        jurisdiction: p.jurisdiction,
        decidedAt: iso(now),
      });
    },
  );
}
