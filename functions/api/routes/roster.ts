/**
 * Facilitator rosters: the roster of a date range with its gaps, duties given by hand or proposed
 * by auto-fill, confirmed or declined, and a facilitator's own duties. Rosters are for a group's
 * organisers (owners and facilitators) and moderators; owners staff them. Profiles and
 * availability are facilitators.ts; cover is cover.ts.
 * @module
 */

import { conflict, invalid, notFound } from '../../core/errors';
import { notice } from '../../core/i18n/notices';
import { localStart } from '../../core/meetups';
import {
  autofill,
  type Duty,
  defaultStaffing,
  isUnconfirmed,
  profileOf,
  ROLE_ORDER,
  type Staffing,
  staffingGap,
} from '../../core/roster';
import { Ok } from '../../core/schemas/common';
import { GroupParams } from '../../core/schemas/groups';
import {
  AssignmentParams,
  AssignRequest,
  AutofillAnswer,
  AutofillRequest,
  DutyList,
  RoleParams,
  RosterPage,
  RosterQuery,
} from '../../core/schemas/roster';
import { iso } from '../../core/time';
import { groupOf } from '../../store/keys';
import { meetupsRepo } from '../../store/repos/meetups';
import { rosterRepo } from '../../store/repos/roster';
import { dutyKey } from '../../store/repos/roster-records';
import { loadAssignment, loadRoster } from '../access/roster';
import { requireAuth } from '../context';
import { feedsChanged } from '../feed-stamps';
import { dayStart, freeDuty, giveDuty, type Rostered, rosterIn } from '../flows/duties';
import { notifyPeople, startOf } from '../flows/notices';
import { type Route, route } from '../route';

export const rosterRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/roster',
      tag: 'roster',
      summary: 'The roster between two dates (default: the next four weeks), with each meetup’s gaps',
      auth: 'required',
      params: GroupParams,
      query: RosterQuery,
      responses: { 200: { description: 'The roster', schema: RosterPage } },
    },
    async (c, { params, query }) => {
      const { group } = await loadRoster(c, params.groupId);
      const now = c.var.services.now();
      const from = query.from ? dayStart(query.from, group.timezone) : now;
      const to = query.to ? dayStart(query.to, group.timezone) + 86_400_000 : from + 28 * 86_400_000;
      if (to <= from || to - from > 120 * 86_400_000)
        throw invalid('Ask for up to 120 days at a time', [
          { path: 'query.to', message: 'After "from", within 120 days' },
        ]);
      const rows = await rosterIn(c, group, from, to);
      const holders = rows.flatMap((o) => Object.values(o.roster).map((s) => s!.userId));
      const names = await c.var.services.groups.getDisplayNames(group.groupId, [...new Set(holders)]);
      return c.json({ items: rows.map((o) => rosterEntry(o, names)) });
    },
  ),
  route(
    {
      method: 'put',
      path: '/occurrences/{occurrenceId}/roster/{role}',
      tag: 'roster',
      summary: 'Give a duty to a facilitator by hand (owners)',
      auth: 'required',
      params: RoleParams,
      body: AssignRequest,
      responses: { 200: { description: 'Given', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { userId } = await loadRoster(c, groupOf(params.occurrenceId), true);
      const o = await c.var.services.repo(meetupsRepo).getOccurrence(params.occurrenceId);
      if (o?.status !== 'scheduled') throw notFound('No such meetup');
      const roster = o.roster ?? {};
      if (roster[params.role]?.userId === body.userId) return c.json({ ok: true as const });
      if (roster[params.role]) throw conflict('Someone holds that duty: take it off them first');
      await giveDuty(
        c,
        { ...o, staffing: o.staffing ?? defaultStaffing(o.mode), roster },
        params.role,
        body.userId,
        userId,
      );
      await notifyPeople(
        c,
        [body.userId],
        o,
        notice('dutyAssigned', { role: { role: params.role }, title: o.title, when: startOf(o) }),
        'duties',
      );
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'delete',
      path: '/occurrences/{occurrenceId}/roster/{role}',
      tag: 'roster',
      summary: 'Take a duty off whoever holds it (owners)',
      auth: 'required',
      params: RoleParams,
      responses: { 200: { description: 'Taken off', schema: Ok } },
    },
    async (c, { params }) => {
      await loadRoster(c, groupOf(params.occurrenceId), true);
      const o = await c.var.services.repo(meetupsRepo).getOccurrence(params.occurrenceId);
      const slot = o?.roster?.[params.role];
      if (!o || !slot) return c.json({ ok: true as const });
      if (await c.var.services.repo(rosterRepo).clearSlot(o.occurrenceId, params.role, slot.userId))
        await freeDuty(c, o.groupId, slot, dutyKey(o.occurrenceId, params.role));
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'post',
      path: '/groups/{groupId}/roster/autofill',
      tag: 'roster',
      summary:
        'Propose who takes each open duty between two dates, with the reasons; with `apply`, give them (owners)',
      auth: 'required',
      params: GroupParams,
      body: AutofillRequest,
      responses: { 200: { description: 'The proposals', schema: AutofillAnswer } },
    },
    async (c, { params, body }) => {
      const { group, userId } = await loadRoster(c, params.groupId, true);
      const { groups, now } = c.var.services;
      const from = Math.max(now(), dayStart(body.from, group.timezone));
      const to = dayStart(body.to, group.timezone) + 86_400_000;
      if (to <= from || to - from > 120 * 86_400_000)
        throw invalid('Fill up to 120 days ahead at a time', [
          { path: 'body.to', message: 'After "from", within 120 days' },
        ]);
      const repo = c.var.services.repo(rosterRepo);
      const [rows, members, stored] = await Promise.all([
        rosterIn(c, group, from, to),
        groups.activeMembers(group.groupId),
        repo.listFacilitators(group.groupId),
      ]);
      const byId = new Map(stored.map((f) => [f.userId, f]));
      const facilitators = members.flatMap((m) => profileOf(m, byId.get(m.userId), now()) ?? []);
      // Every duty they hold anywhere (each one's list is one item): one BatchGet for them all.
      const lists = await repo.getDutiesOf(facilitators.map((f) => f.userId));
      const duties: Duty[] = [...lists].flatMap(([userId, l]) =>
        Object.values(l).map((d) => ({ userId, ...d })),
      );
      const scheduled = rows.filter((o) => o.status === 'scheduled');
      const result = autofill({
        zone: group.timezone,
        facilitators,
        duties,
        slots: scheduled.map((o) => ({
          occurrenceId: o.occurrenceId,
          groupId: o.groupId,
          startAt: o.startAt,
          endAt: o.endAt,
          mode: o.mode,
          staffing: o.staffing,
          filled: Object.fromEntries(Object.entries(o.roster).map(([r, s]) => [r, s!.userId])),
        })),
      });
      let applied = 0;
      if (body.apply) {
        const rowById = new Map(scheduled.map((o) => [o.occurrenceId, o]));
        // One notice per person, pointing at their first new duty and counting those they got.
        const firsts = new Map<string, { occurrenceId: string; n: number }>();
        for (const p of result.proposals) {
          const o = rowById.get(p.occurrenceId)!;
          try {
            await giveDuty(c, o, p.role, p.userId, userId, { later: true });
          } catch {
            continue; // taken meanwhile, or their availability changed: it shows as a gap
          }
          o.roster = {
            ...o.roster,
            [p.role]: { userId: p.userId, status: 'assigned', assignedBy: userId, at: now() },
          };
          applied++;
          const seen = firsts.get(p.userId);
          firsts.set(p.userId, { occurrenceId: seen?.occurrenceId ?? p.occurrenceId, n: (seen?.n ?? 0) + 1 });
        }
        await feedsChanged(c, [...firsts.keys()]);
        for (const [u, { occurrenceId, n }] of firsts) {
          await notifyPeople(
            c,
            [u],
            { occurrenceId, groupId: group.groupId },
            notice('dutiesAssigned', { count: n, group: group.name }),
            'duties',
          );
        }
      }
      const names = new Map(members.map((m) => [m.userId, m.displayName]));
      const info = new Map(scheduled.map((o) => [o.occurrenceId, o]));
      return c.json({
        proposals: result.proposals.map((p) => ({
          ...p,
          title: info.get(p.occurrenceId)!.title,
          startLocal: localStart(info.get(p.occurrenceId)!),
          displayName: names.get(p.userId) ?? 'Former member',
        })),
        unfilled: result.unfilled.map((u) => ({
          ...u,
          title: info.get(u.occurrenceId)!.title,
          startLocal: localStart(info.get(u.occurrenceId)!),
        })),
        applied,
      });
    },
  ),
  ...(['confirm', 'decline'] as const).map((action) =>
    route(
      {
        method: 'post',
        path: `/assignments/{assignmentId}/${action}`,
        tag: 'roster',
        summary:
          action === 'confirm' ? 'Confirm a duty of yours' : 'Decline a duty of yours (it becomes a gap)',
        auth: 'required',
        params: AssignmentParams,
        responses: { 200: { description: 'Done', schema: Ok } },
      },
      async (c, { params }) => {
        const { userId, o, role } = await loadAssignment(c, params.assignmentId);
        const repo = c.var.services.repo(rosterRepo);
        if (action === 'confirm') {
          if (!(await repo.updateSlot(o.occurrenceId, role, userId, { status: 'confirmed' })))
            throw conflict('That duty is no longer yours');
          await feedsChanged(c, [userId]); // their calendar no longer asks them to confirm it
        } else if (await repo.clearSlot(o.occurrenceId, role, userId)) {
          await freeDuty(c, o.groupId, o.roster![role]!, dutyKey(o.occurrenceId, role));
        }
        return c.json({ ok: true as const });
      },
    ),
  ),
  route(
    {
      method: 'get',
      path: '/me/duties',
      tag: 'roster',
      summary: 'Your upcoming duties in every group',
      auth: 'required',
      responses: { 200: { description: 'Your duties, earliest first', schema: DutyList } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      const { now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
      const { duties } = await c.var.services.repo(rosterRepo).getDuties(userId);
      const ahead = Object.values(duties).filter((d) => d.endAt > now());
      const occurrences = new Map(
        (await meetups.getOccurrences([...new Set(ahead.map((d) => d.occurrenceId))])).map((o) => [
          o.occurrenceId,
          o,
        ]),
      );
      // What the meetups hold is the truth: a claim whose meetup write never landed is left out.
      const held = ahead
        .map((d) => ({
          d,
          o: occurrences.get(d.occurrenceId),
          slot: occurrences.get(d.occurrenceId)?.roster?.[d.role],
        }))
        .filter((x) => x.o?.status === 'scheduled' && x.slot?.userId === userId)
        .sort((a, b) => a.d.startAt - b.d.startAt);
      return c.json({
        items: held.map(({ d, o, slot }) => ({
          assignmentId: dutyKey(d.occurrenceId, d.role),
          occurrenceId: d.occurrenceId,
          groupId: d.groupId,
          role: d.role,
          title: o!.title,
          startLocal: localStart(o!),
          startAt: iso(d.startAt),
          status: slot!.status,
          coverRequestId: slot!.coverRequestId ?? null,
        })),
      });
    },
  ),
];

function rosterEntry(o: Rostered, names: Map<string, string>) {
  const gap = staffingGap(o.staffing as Staffing, o.roster);
  return {
    occurrenceId: o.occurrenceId,
    title: o.title,
    startLocal: localStart(o),
    startAt: iso(o.startAt),
    mode: o.mode,
    status: o.status,
    staffing: o.staffing,
    slots: Object.fromEntries(
      ROLE_ORDER.filter((r) => o.staffing.roles.includes(r)).map((r) => {
        const s = o.roster[r];
        return [
          r,
          s
            ? {
                assignmentId: dutyKey(o.occurrenceId, r),
                userId: s.userId,
                displayName: names.get(s.userId) ?? 'Former member',
                status: s.status,
                coverRequestId: s.coverRequestId ?? null,
              }
            : null,
        ];
      }),
    ),
    understaffed: o.status === 'scheduled' && gap.understaffed,
    unconfirmed: Object.values(o.roster).filter(isUnconfirmed).length,
  };
}
