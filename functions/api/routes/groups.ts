/**
 * Groups: create and edit, the public directory, joining (open, approval, invite), members,
 * roles and invites. Every route checks the caller's membership of the group it touches; a
 * private group is 404 to anyone who is not in it.
 * @module
 */

import { conflict, notFound } from '../../core/errors';
import { canSeeGroup, INVITE_HEADER } from '../../core/groups';
import {
  CreateGroupRequest,
  DirectoryPage,
  DirectoryQuery,
  GroupDetail,
  GroupHeaders,
  GroupParams,
  MyGroups,
  UpdateGroupRequest,
} from '../../core/schemas/groups';
import { newId } from '../../store/ids';
import type { GroupRecord, MemberRecord } from '../../store/repos/group-records';
import { liveInvite, loadGroup, NOT_FOUND } from '../access/groups';
import { type Ctx, requireAuth } from '../context';
import { scheduleChanged } from '../feed-stamps';
import { type Route, route } from '../route';
import { detailOf, summaryOf } from '../views/groups';

/** Whether any meetup of the group is still to come (the meetups store loaded on use). */
async function hasUpcomingMeetups(c: Ctx, groupId: string): Promise<boolean> {
  const { meetupsRepo } = await import('../../store/repos/meetups');
  const meetups = c.var.services.repo(meetupsRepo);
  const at = c.var.services.now();
  let cursor: string | undefined;
  do {
    const page = await meetups.listSchedule(groupId, {
      from: at,
      to: at + 400 * 86_400_000,
      limit: 50,
      cursor,
    });
    if (page.items.some((o) => o.status === 'scheduled')) return true;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return false;
}

export const groupRoutes: Route[] = [
  route(
    {
      method: 'post',
      path: '/groups',
      tag: 'groups',
      summary: 'Create a group; you become its owner',
      auth: 'required',
      body: CreateGroupRequest,
      responses: { 201: { description: 'Created', schema: GroupDetail } },
    },
    async (c, { body }) => {
      const auth = requireAuth(c);
      const { groups, accounts, now } = c.var.services;
      const user = await accounts.getUser(auth.userId);
      if (!user) throw notFound();
      const at = new Date(now()).toISOString();
      const { alias, ...fields } = body;
      const groupId = newId();
      if (alias) await groups.claimAlias(groupId, alias, auth.userId, now());
      const group: GroupRecord = {
        ...fields,
        groupId,
        memberCount: 1,
        owners: new Set([auth.userId]),
        staff: { [auth.userId]: 'owner' },
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      const owner: MemberRecord = {
        groupId,
        userId: auth.userId,
        role: 'owner',
        status: 'active',
        alias: alias ?? null,
        displayName: alias ?? user.handle,
        joinedAt: at,
      };
      await groups.createGroup(group, owner);
      return c.json(detailOf(group, owner, c.var.services.now()), 201);
    },
  ),
  route(
    {
      method: 'get',
      path: '/groups',
      tag: 'groups',
      summary: 'The directory of public groups: search, filter, page',
      auth: 'none',
      query: DirectoryQuery,
      responses: { 200: { description: 'A page of groups', schema: DirectoryPage } },
    },
    async (c, { query }) => {
      const page = await c.var.services.groups.listDirectory(query);
      return c.json({
        items: page.groups.map((g) => summaryOf(g, c.var.services.now())),
        nextCursor: page.nextCursor,
      });
    },
  ),
  route(
    {
      method: 'get',
      path: '/me/groups',
      tag: 'groups',
      summary: 'Groups you belong to or have asked to join',
      auth: 'required',
      responses: { 200: { description: 'Your groups', schema: MyGroups } },
    },
    async (c) => {
      const auth = requireAuth(c);
      const { groups } = c.var.services;
      const memberships = await groups.listMembershipsOf(auth.userId);
      const found = await groups.getGroups(memberships.map((m) => m.groupId));
      const byId = new Map(found.map((g) => [g.groupId, g]));
      const items = memberships.flatMap((m) => {
        const g = byId.get(m.groupId);
        return g ? [{ groupId: g.groupId, name: g.name, role: m.role, status: m.status }] : [];
      });
      items.sort((a, b) => a.name.localeCompare(b.name));
      return c.json({ items });
    },
  ),
  route(
    {
      method: 'get',
      path: '/groups/{groupId}',
      tag: 'groups',
      summary:
        'A group: about, guidelines, policies and your membership (a private one with a live invite in the hearth-invite header)',
      auth: 'optional',
      params: GroupParams,
      headers: GroupHeaders,
      responses: { 200: { description: 'The group', schema: GroupDetail } },
    },
    async (c, { params }) => {
      const auth = c.get('auth');
      const { group, member } = await c.var.services.groups.getGroupWithMember(
        params.groupId,
        auth?.userId ?? null,
      );
      if (!group) throw notFound(NOT_FOUND);
      const invited =
        group.visibility === 'private' &&
        !member &&
        !!(await liveInvite(c, group.groupId, c.req.header(INVITE_HEADER)));
      if (!canSeeGroup(group.visibility, member, invited)) throw notFound(NOT_FOUND);
      return c.json(detailOf(group, member, c.var.services.now()));
    },
  ),
  route(
    {
      method: 'patch',
      path: '/groups/{groupId}',
      tag: 'groups',
      summary: 'Edit a group (owners)',
      auth: 'required',
      params: GroupParams,
      body: UpdateGroupRequest,
      responses: { 200: { description: 'The updated group', schema: GroupDetail } },
    },
    async (c, { params, body }) => {
      requireAuth(c);
      const { groups, now } = c.var.services;
      for (let attempt = 0; attempt < 3; attempt++) {
        const { group, member } = await loadGroup(c, params.groupId, 'edit');
        if (body.timezone && body.timezone !== group.timezone && (await hasUpcomingMeetups(c, group.groupId)))
          throw conflict(
            `Upcoming meetups are set in ${group.timezone}; a new time zone would move them. Cancel them first, or keep the zone.`,
            [{ path: 'body.timezone', message: 'Upcoming meetups are set in this zone' }],
          );
        const after = await groups.updateGroup(group, { ...body, updatedAt: new Date(now()).toISOString() });
        if (after) {
          await scheduleChanged(c, group.groupId); // feeds show the group's name
          return c.json(detailOf(after, member, c.var.services.now()));
        }
      }
      throw conflict('The group was being edited by someone else; please try again');
    },
  ),
];
