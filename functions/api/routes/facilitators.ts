/**
 * A group's facilitators: the list, a facilitator's profile and training (owners), and their
 * own availability.
 * @module
 */

import { forbidden, invalid, notFound } from '../../core/errors';
import { nameOr, notice } from '../../core/i18n/notices';
import {
  canFacilitate,
  canStaff,
  defaultProfile,
  type Facilitator,
  profileOf,
  unavailable,
} from '../../core/roster';
import { GroupParams } from '../../core/schemas/groups';
import {
  AvailabilityRequest,
  AvailabilitySaved,
  FacilitatorList,
  FacilitatorParams,
  FacilitatorUpdate,
  FacilitatorView,
} from '../../core/schemas/roster';
import { iso } from '../../core/time';
import { rosterRepo } from '../../store/repos/roster';
import type { DutyEntry, FacilitatorRecord } from '../../store/repos/roster-records';
import { loadGroup } from '../access/groups';
import { loadRoster } from '../access/roster';
import { requireAuth } from '../context';
import { notifyPeople } from '../flows/notices';
import { type Route, route } from '../route';
import { facilitatorView } from '../views/roster';

export const facilitatorRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/facilitators',
      tag: 'roster',
      summary: 'The group’s facilitators: training, availability and the most duties they want a month',
      auth: 'required',
      params: GroupParams,
      responses: { 200: { description: 'Facilitators', schema: FacilitatorList } },
    },
    async (c, { params }) => {
      const { group } = await loadRoster(c, params.groupId);
      const { groups, now } = c.var.services;
      const members = await groups.activeMembers(group.groupId);
      const stored = new Map(
        (await c.var.services.repo(rosterRepo).listFacilitators(group.groupId)).map((f) => [f.userId, f]),
      );
      const all = members.flatMap((m) => profileOf(m, stored.get(m.userId), now()) ?? []);
      const names = new Map(members.map((m) => [m.userId, m.displayName]));
      for (const f of all)
        if (f.trainedBy && !names.has(f.trainedBy)) names.set(f.trainedBy, 'Former member');
      return c.json({ items: all.map((f) => facilitatorView(f, names)) });
    },
  ),
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/facilitators/{userId}',
      tag: 'roster',
      summary: 'A facilitator’s profile (owners, and the facilitator)',
      auth: 'required',
      params: FacilitatorParams,
      responses: { 200: { description: 'The profile', schema: FacilitatorView } },
    },
    async (c, { params }) => {
      const { userId } = requireAuth(c);
      const { group, member } = await loadGroup(c, params.groupId, 'read', 'Join the group first');
      const target = params.userId === 'me' ? userId : params.userId;
      if (target !== userId && !canStaff(member))
        throw forbidden('Profiles are for owners and the facilitator');
      const { groups, now } = c.var.services;
      const m = await groups.getMember(group.groupId, target);
      if (!canFacilitate(m)) throw notFound('No such facilitator');
      const f =
        (await c.var.services.repo(rosterRepo).getFacilitator(group.groupId, target)) ??
        defaultProfile(group.groupId, target, now());
      const names = await groups.getDisplayNames(group.groupId, [
        target,
        ...(f.trainedBy ? [f.trainedBy] : []),
      ]);
      return c.json(facilitatorView(f, names));
    },
  ),
  route(
    {
      method: 'put',
      path: '/groups/{groupId}/facilitators/{userId}',
      tag: 'roster',
      summary:
        'Change a facilitator’s profile: owners record training and set active; a facilitator sets their own most per month and modes',
      auth: 'required',
      params: FacilitatorParams,
      body: FacilitatorUpdate,
      responses: { 200: { description: 'The profile', schema: FacilitatorView } },
    },
    async (c, { params, body }) => {
      const { userId } = requireAuth(c);
      const { group, member } = await loadGroup(c, params.groupId, 'read', 'Join the group first');
      const target = params.userId === 'me' ? userId : params.userId;
      const owner = canStaff(member);
      if (!owner && target !== userId) throw forbidden('Only owners change another’s profile');
      if (!owner && (body.active !== undefined || body.trainedOn !== undefined))
        throw forbidden('Only owners record training and who is active');
      const { groups, now } = c.var.services;
      const m = await groups.getMember(group.groupId, target);
      if (!canFacilitate(m)) {
        throw invalid('That person is not one of this group’s facilitators', [
          { path: 'params.userId', message: 'Make them a facilitator first' },
        ]);
      }
      const repo = c.var.services.repo(rosterRepo);
      const before =
        (await repo.getFacilitator(group.groupId, target)) ?? defaultProfile(group.groupId, target, now());
      const after: FacilitatorRecord = {
        ...before,
        ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
        ...(body.trainedOn !== undefined ? { trainedBy: body.trainedOn ? userId : null } : {}),
        updatedAt: iso(now()),
      };
      await repo.putFacilitator(after);
      const names = await groups.getDisplayNames(group.groupId, [
        target,
        ...(after.trainedBy ? [after.trainedBy] : []),
      ]);
      return c.json(facilitatorView(after, names));
    },
  ),
  route(
    {
      method: 'put',
      path: '/groups/{groupId}/facilitators/me/availability',
      tag: 'roster',
      summary: 'Your availability in this group: weekly windows (none: any time) and dates away',
      auth: 'required',
      params: GroupParams,
      body: AvailabilityRequest,
      responses: {
        200: { description: 'Your profile, and duties it no longer fits', schema: AvailabilitySaved },
      },
    },
    async (c, { params, body }) => {
      const { userId } = requireAuth(c);
      const { group, member } = await loadGroup(c, params.groupId, 'read', 'Join the group first');
      if (!canFacilitate(member)) throw forbidden('Availability is for the group’s facilitators');
      const { groups, now } = c.var.services;
      const repo = c.var.services.repo(rosterRepo);
      const at = now();
      const before =
        (await repo.getFacilitator(group.groupId, userId)) ?? defaultProfile(group.groupId, userId, at);
      const after = { ...before, weekly: body.weekly, away: body.away, updatedAt: iso(at) };
      await repo.putFacilitator(after);
      // Duties already held stay held; those the new availability does not fit are said, and
      // owners hear of the ones that did fit before, so no meetup is short without anyone knowing.
      const held = Object.values((await repo.getDuties(userId)).duties).filter(
        (d) => d.groupId === group.groupId && d.startAt > at,
      );
      const clash = (f: Facilitator, d: DutyEntry) => {
        const why = unavailable(f, d, d.role, group.timezone, []);
        return why === 'away' || why === 'outside' ? why : null;
      };
      const conflicts = held
        .filter((d) => clash(after, d))
        .sort((a, b) => a.startAt - b.startAt)
        .map((d) => ({
          assignmentId: `${d.occurrenceId}.${d.role}`,
          occurrenceId: d.occurrenceId,
          role: d.role,
          startAt: iso(d.startAt),
          reason: clash(after, d)!,
        }));
      // Whoever recorded their training is named too (not "Former member").
      const names = await groups.getDisplayNames(group.groupId, [
        userId,
        ...(after.trainedBy ? [after.trainedBy] : []),
      ]);
      const fresh = held
        .filter((d) => clash(after, d) && !clash(before, d))
        .sort((a, b) => a.startAt - b.startAt);
      const owners = [...group.owners].filter((o) => o !== userId);
      if (fresh.length && owners.length) {
        const first = fresh[0]!;

        await notifyPeople(
          c,
          owners,
          { occurrenceId: first.occurrenceId, groupId: group.groupId },
          notice('cantMake', {
            name: nameOr(names.get(userId), 'facilitator'),
            role: { role: first.role },
            when: { at: first.startAt, zone: group.timezone },
            more: fresh.length - 1,
          }),
          'roster',
        );
      }
      return c.json({ ...facilitatorView(after, names), conflicts });
    },
  ),
];
