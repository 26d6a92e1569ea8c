/**
 * Cover: a facilitator who cannot make a duty asks for someone to take it. Those who could take
 * it are told at once, or, when nobody can, the asker and the group's owners are; the first to
 * accept takes it; the asker may withdraw the request while it is open.
 * @module
 */

import { conflict, forbidden, notFound } from '../../core/errors';
import { nameOr, notice } from '../../core/i18n/notices';
import { localStart } from '../../core/meetups';
import {
  canFacilitate,
  coverCandidates,
  type Duty,
  defaultStaffing,
  profileOf,
  type RosterRole,
  whyNotCover,
} from '../../core/roster';
import { Ok } from '../../core/schemas/common';
import { GroupParams } from '../../core/schemas/groups';
import {
  AssignmentParams,
  CoverAsk,
  CoverCreated,
  CoverParams,
  CoverRequestList,
} from '../../core/schemas/roster';
import { iso } from '../../core/time';
import { scopedId } from '../../store/ids';
import { groupOf } from '../../store/keys';
import type { GroupRecord } from '../../store/repos/group-records';
import type { OccurrenceRecord } from '../../store/repos/meetup-records';
import { meetupsRepo } from '../../store/repos/meetups';
import { rosterRepo } from '../../store/repos/roster';
import { type DutyEntry, dutyKey } from '../../store/repos/roster-records';
import { loadGroup } from '../access/groups';
import { loadAssignment, loadRoster } from '../access/roster';
import { type Ctx, requireAuth } from '../context';
import { dropDuty, giveDuty } from '../flows/duties';
import { notifyPeople, startOf } from '../flows/notices';
import { type Route, route } from '../route';

const heldBy = (userId: string, duties: Record<string, DutyEntry> | undefined): Duty[] =>
  Object.values(duties ?? {}).map((d) => ({ userId, ...d }));

/** The group's facilitators who could take `role` at `o` now, by their profiles and duties. */
async function whoCanCover(
  c: Ctx,
  group: GroupRecord,
  o: OccurrenceRecord,
  role: RosterRole,
  askerId: string,
) {
  const { groups, now } = c.var.services;
  const repo = c.var.services.repo(rosterRepo);
  const [members, stored] = await Promise.all([
    groups.activeMembers(group.groupId),
    repo.listFacilitators(group.groupId),
  ]);
  const byId = new Map(stored.map((f) => [f.userId, f]));
  const candidates = members.flatMap((m) => {
    // The asker is never asked: their duties are not read.
    const profile = m.userId !== askerId && profileOf(m, byId.get(m.userId), now());
    return profile ? [{ userId: m.userId, profile }] : [];
  });
  const lists = await repo.getDutiesOf(candidates.map((m) => m.userId));
  return coverCandidates(
    candidates.map((m) => ({ ...m, duties: heldBy(m.userId, lists.get(m.userId)) })),
    { askerId, role },
    { ...o, roster: o.roster ?? {} },
    group.timezone,
  );
}

export const coverRoutes: Route[] = [
  route(
    {
      method: 'post',
      path: '/assignments/{assignmentId}/cover-requests',
      tag: 'roster',
      summary:
        'Ask for cover, with a note: those who could take the duty are told (or, if nobody can, you and the owners)',
      auth: 'required',
      params: AssignmentParams,
      body: CoverAsk,
      responses: { 201: { description: 'Asked', schema: CoverCreated } },
    },
    async (c, { params, body }) => {
      const { group, userId, o, role, slot } = await loadAssignment(c, params.assignmentId);
      const { groups, now } = c.var.services;
      const repo = c.var.services.repo(rosterRepo);
      const asked = slot.coverRequestId && (await repo.getCover(group.groupId, slot.coverRequestId));
      if (asked && asked.status !== 'withdrawn') {
        // Taken, yet the duty is still the asker's: the acceptance stopped half-way (a crash):
        // the request is open again for anyone to take.
        if (asked.status === 'taken' && asked.takenBy)
          await repo.reopenCover(group.groupId, asked.coverRequestId, asked.takenBy);
        return c.json({ coverRequestId: asked.coverRequestId, notified: 0 }, 201);
      }
      // (A withdrawn request a crash left on the duty is simply replaced by the new one.)
      const coverRequestId = scopedId(group.groupId);
      const note = body.note || undefined;
      await repo.putCover({
        coverRequestId,
        groupId: group.groupId,
        occurrenceId: o.occurrenceId,
        role,
        askerId: userId,
        ...(note ? { note } : {}),
        status: 'open',
        createdAt: now(),
      });
      await repo.updateSlot(o.occurrenceId, role, userId, { coverRequestId });
      const duty = { role: { role }, title: o.title, when: startOf(o) };
      const eligible = await whoCanCover(c, group, o, role, userId);
      const owners = [...group.owners].filter((u) => u !== userId);
      // Recorded first: if the asker withdraws, the same people hear that it is no longer needed.
      await repo.noteTold(group.groupId, coverRequestId, eligible.length ? eligible : owners);
      if (eligible.length) {
        await notifyPeople(
          c,
          eligible,
          o,
          note ? notice('coverAskedNote', { ...duty, note }) : notice('coverAsked', duty),
          'roster',
          coverRequestId,
        );
      } else {
        // Nobody can take it: nobody waits for an answer that will not come.
        const asker = nameOr(
          (await groups.getDisplayNames(group.groupId, [userId])).get(userId),
          'facilitator',
        );
        await notifyPeople(c, [userId], o, notice('coverNobodyYou', duty), 'roster', coverRequestId);
        await notifyPeople(
          c,
          owners,
          o,
          notice('coverNobody', { ...duty, name: asker }),
          'roster',
          coverRequestId,
        );
      }
      return c.json({ coverRequestId, notified: eligible.length }, 201);
    },
  ),
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/cover-requests',
      tag: 'roster',
      summary: 'Open requests for cover in the group, and whether you could take each (its organisers)',
      auth: 'required',
      params: GroupParams,
      responses: { 200: { description: 'Open requests', schema: CoverRequestList } },
    },
    async (c, { params }) => {
      const { group, member, userId } = await loadRoster(c, params.groupId);
      const { groups, now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
      const repo = c.var.services.repo(rosterRepo);
      const open = await repo.listCovers(group.groupId);
      const [occurrences, names, profile, mine] = await Promise.all([
        meetups.getOccurrences(open.map((r) => r.occurrenceId)),
        groups.getDisplayNames(
          group.groupId,
          open.map((r) => r.askerId),
        ),
        repo.getFacilitator(group.groupId, userId),
        repo.getDuties(userId),
      ]);
      const byId = new Map(occurrences.map((o) => [o.occurrenceId, o]));
      const me = profileOf({ ...member, userId, groupId: group.groupId }, profile, now());
      const held = heldBy(userId, mine.duties);
      return c.json({
        items: open.flatMap((r) => {
          const o = byId.get(r.occurrenceId);
          if (o?.status !== 'scheduled') return [];
          return [
            {
              coverRequestId: r.coverRequestId,
              occurrenceId: r.occurrenceId,
              role: r.role,
              title: o.title,
              startLocal: localStart(o),
              askedBy: names.get(r.askerId) ?? 'Former member',
              note: r.note ?? null,
              createdAt: iso(r.createdAt),
              mine: r.askerId === userId,
              whyNot: whyNotCover(userId, r, me, { ...o, roster: o.roster ?? {} }, group.timezone, held),
            },
          ];
        }),
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/cover-requests/{coverRequestId}/accept',
      tag: 'roster',
      summary: 'Take a duty someone asked cover for: the first to accept gets it, and the asker is released',
      auth: 'required',
      params: CoverParams,
      responses: { 200: { description: 'The duty is yours', schema: Ok } },
    },
    async (c, { params }) => {
      const { userId } = requireAuth(c);
      const groupId = groupOf(params.coverRequestId);
      const { member } = await loadGroup(c, groupId, 'read', 'Join the group first');
      if (!canFacilitate(member)) throw forbidden('Cover is for the group’s facilitators');
      const repo = c.var.services.repo(rosterRepo);
      const request = await repo.getCover(groupId, params.coverRequestId);
      if (!request) throw notFound('No such request');
      if (request.askerId === userId) throw conflict('You cannot cover your own duty');
      const o = await c.var.services.repo(meetupsRepo).getOccurrence(request.occurrenceId);
      // Taken by this very person, and still the asker's: their acceptance stopped half-way (a
      // crash after the request closed); accepting again finishes it.
      const unfinished = request.status === 'taken' && request.takenBy === userId;
      if (request.status === 'withdrawn')
        throw conflict('They no longer need cover: the request was withdrawn');
      if (request.status !== 'open' && !unfinished) throw conflict('Someone has already taken this duty');
      if (!o || o.roster?.[request.role]?.userId !== request.askerId)
        throw conflict('This duty has changed meanwhile');
      // The request closes first (only one acceptance can close it), then the duty is given
      // (checked against the taker's duties); if it cannot be, the request opens again.
      if (
        !unfinished &&
        !(await repo.closeCover(groupId, request.coverRequestId, { status: 'taken', takenBy: userId }))
      )
        throw conflict('Someone has already taken this duty');
      try {
        await giveDuty(
          c,
          { ...o, staffing: o.staffing ?? defaultStaffing(o.mode), roster: o.roster ?? {} },
          request.role,
          userId,
          request.askerId,
          { from: request.askerId },
        );
      } catch (e) {
        // They could not take it after all (another duty then, their most this month): reopen it.
        await repo.reopenCover(groupId, request.coverRequestId, userId);
        throw e;
      }
      await dropDuty(c, request.askerId, dutyKey(o.occurrenceId, request.role));
      await notifyPeople(
        c,
        [request.askerId],
        o,
        notice('covered', { role: { role: request.role }, title: o.title, when: startOf(o) }),
      );
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'delete',
      path: '/cover-requests/{coverRequestId}',
      tag: 'roster',
      summary: 'Withdraw your request for cover while nobody has taken it: the duty stays yours',
      auth: 'required',
      params: CoverParams,
      responses: { 200: { description: 'Withdrawn', schema: Ok } },
    },
    async (c, { params }) => {
      const { userId } = requireAuth(c);
      const groupId = groupOf(params.coverRequestId);
      await loadGroup(c, groupId, 'read', 'Join the group first');
      const repo = c.var.services.repo(rosterRepo);
      const request = await repo.getCover(groupId, params.coverRequestId);
      if (!request || request.askerId !== userId) throw notFound('No such request of yours');
      if (request.status === 'taken') throw conflict('Someone has already taken this duty');
      const closed =
        request.status === 'open' &&
        (await repo.closeCover(groupId, request.coverRequestId, { status: 'withdrawn' }));
      const after = await repo.getCover(groupId, request.coverRequestId);
      if (after?.status === 'taken') throw conflict('Someone has already taken this duty');
      await repo.clearCoverOf(request.occurrenceId, request.role, userId, request.coverRequestId);
      // Those who were asked (or told nobody could) hear it is no longer needed: nobody acts on it.
      const o = closed && (await c.var.services.repo(meetupsRepo).getOccurrence(request.occurrenceId));
      if (o && after?.told?.length) {
        const asker = nameOr(
          (await c.var.services.groups.getDisplayNames(groupId, [userId])).get(userId),
          'facilitator',
        );
        await notifyPeople(
          c,
          after.told,
          o,
          notice('coverWithdrawn', {
            name: asker,
            role: { role: request.role },
            title: o.title,
            when: startOf(o),
          }),
          'roster',
        );
      }
      return c.json({ ok: true as const });
    },
  ),
];
