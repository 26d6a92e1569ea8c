/**
 * A member's own wellbeing check-ins (the WHO-5, at most weekly): theirs alone to see; counted,
 * anonymously, in the groups they choose.
 * @module
 */
import { conflict, invalid } from '../../core/errors';
import { bandOf, quarterIn, WHO5_EVERY_DAYS, who5Score } from '../../core/outcomes';
import { CheckedIn, CheckInBody, SharingBody, WellbeingView } from '../../core/schemas/outcomes';
import { iso } from '../../core/time';
import type { GroupRecord } from '../../store/repos/group-records';
import { type WellbeingState, wellbeingRepo } from '../../store/repos/wellbeing';
import type { Ctx } from '../context';
import { requireAuth } from '../context';
import { type Route, route } from '../route';

const WEEK = WHO5_EVERY_DAYS * 86_400_000;

/** The groups the member is in now, by id. */
async function myGroups(c: Ctx, userId: string): Promise<Map<string, GroupRecord>> {
  const { groups } = c.var.services;
  const active = (await groups.listMembershipsOf(userId)).filter((m) => m.status === 'active');
  return new Map((await groups.getGroups(active.map((m) => m.groupId))).map((g) => [g.groupId, g]));
}

/** Counts the member's latest band in a group's current quarter (null: stops counting it). */
async function countIn(
  c: Ctx,
  s: WellbeingState,
  group: GroupRecord,
  latest: { at: number; score: number } | null,
) {
  const quarter = quarterIn(c.var.services.now(), group.timezone);
  const current = latest && quarterIn(latest.at, group.timezone) === quarter;
  await c.var.services
    .repo(wellbeingRepo)
    .count(s.salt, group.groupId, quarter, current ? bandOf(latest.score) : null);
}

export const wellbeingRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/me/wellbeing',
      tag: 'outcomes',
      summary: 'Your WHO-5 check-ins (yours alone), when you may check in next, and whom you let count them',
      auth: 'required',
      responses: { 200: { description: 'Your check-ins', schema: WellbeingView } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      const repo = c.var.services.repo(wellbeingRepo);
      const [state, checkIns, groups] = await Promise.all([
        repo.state(userId),
        repo.checkIns(userId),
        myGroups(c, userId),
      ]);
      const now = c.var.services.now();
      return c.json({
        checkIns: checkIns.map((i) => ({ at: iso(i.at), score: i.score })),
        nextAt: state.lastAt !== null && state.lastAt + WEEK > now ? iso(state.lastAt + WEEK) : null,
        sharing: state.sharing.filter((g) => groups.has(g)),
        groups: [...groups.values()].map((g) => ({
          groupId: g.groupId,
          name: g.name,
          researchShare: !!g.researchShare,
        })),
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/me/wellbeing',
      tag: 'outcomes',
      summary: 'Check in: the five WHO-5 statements, each 0–5; once a week at most',
      auth: 'required',
      body: CheckInBody,
      responses: { 201: { description: 'Your score, 0–100', schema: CheckedIn } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const at = c.var.services.now();
      const score = who5Score(body);
      const state = await c.var.services.repo(wellbeingRepo).checkIn(userId, { at, score, answers: body });
      if (!state) throw conflict('You can check in once a week');
      const groups = await myGroups(c, userId);
      for (const g of state.sharing) {
        const group = groups.get(g);
        if (group) await countIn(c, state, group, { at, score });
      }
      return c.json({ score, nextAt: iso(at + WEEK) }, 201);
    },
  ),
  route(
    {
      method: 'put',
      path: '/me/wellbeing/sharing',
      tag: 'outcomes',
      summary: 'Choose the groups whose figures count your check-ins, anonymously (none: nobody sees them)',
      auth: 'required',
      body: SharingBody,
      responses: { 200: { description: 'Whom you let count them', schema: WellbeingView.shape.sharing } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const groups = await myGroups(c, userId);
      const outside = body.groups.findIndex((g) => !groups.has(g));
      if (outside >= 0)
        throw invalid('Choose groups you belong to', [
          { path: `body.groups.${outside}`, message: 'Not a group you belong to' },
        ]);
      const repo = c.var.services.repo(wellbeingRepo);
      const [before, checkIns] = await Promise.all([repo.state(userId), repo.checkIns(userId)]);
      const chosen = [...new Set(body.groups)];
      const after = await repo.setSharing(userId, chosen);
      const latest = checkIns.at(-1) ?? null;
      for (const g of chosen.filter((g) => !before.sharing.includes(g)))
        await countIn(c, after, groups.get(g)!, latest);
      for (const g of before.sharing.filter((g) => !chosen.includes(g) && groups.has(g)))
        await countIn(c, after, groups.get(g)!, null);
      return c.json(chosen);
    },
  ),
];
