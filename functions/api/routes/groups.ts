/**
 * Groups: create and edit, the public directory, joining (open, approval, invite), members,
 * roles and invites. Every route checks the caller's membership of the group it touches; a
 * private group is 404 to anyone who is not in it.
 * @module
 */

/**
 * Groups: create and edit, the public directory, joining (open, approval, invite), members,
 * roles and invites. Every route checks the caller's membership of the group it touches; a
 * private group is 404 to anyone who is not in it.
 * @module
 */
import type { Hono } from 'hono';
import { conflict, forbidden, HearthError, notFound } from '../../core/errors';
import {
  canSeeGroup,
  INVITE_HEADER,
  joinOutcome,
  LAST_OWNER,
  removalRefused,
  roleChange,
  sizeBand,
} from '../../core/groups';
import { DEFAULT_REVIEW_MONTHS } from '../../core/resources';
import { ATTENDANCE_MONTHS_DEFAULT } from '../../core/retention';
import { Ok } from '../../core/schemas/common';
import {
  CreatedInvite,
  CreateGroupRequest,
  CreateInviteRequest,
  DirectoryPage,
  DirectoryQuery,
  GroupDetail,
  GroupHeaders,
  GroupParams,
  InviteList,
  InviteParams,
  JoinRequest,
  MemberParams,
  MembersPage,
  MembersQuery,
  MemberView,
  MyGroups,
  MyMembership,
  UpdateGroupRequest,
  UpdateMemberRequest,
} from '../../core/schemas/groups';
import { ESCALATION } from '../../core/support';
import { hashToken, newId, newToken } from '../../store/ids';
import type { GroupRecord, InviteRecord, MemberRecord } from '../../store/repos/group-records';
import { loadGroup, NOT_FOUND } from '../access/groups';
import { type AppEnv, type Ctx, requireAuth } from '../context';
import { feedsChanged, scheduleChanged } from '../feed-stamps';
import { defineRoute } from '../route';
import type { Registry } from '../route-spec';

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

/** A member's places and duties in the group's schedule, given up (see departures.ts, loaded on use). */
async function leavingSchedule(
  c: Ctx,
  group: GroupRecord,
  userId: string,
  what: { places: boolean },
): Promise<void> {
  const { leaveSchedule } = await import('../flows/departures');
  await leaveSchedule(c, group, userId, what);
}

function summaryOf(g: GroupRecord, now: number) {
  const n = g.meets?.starts.findIndex((t) => t > now) ?? -1;
  const next = n >= 0 ? g.meets!.starts[n] : undefined;
  return {
    groupId: g.groupId,
    name: g.name,
    description: g.description,
    focus: g.focus,
    moderationPolicy: g.moderationPolicy,
    tone: g.tone,
    joinPolicy: g.joinPolicy,
    sizeBand: sizeBand(g.memberCount),
    area: g.area ?? null,
    meets: g.meets
      ? {
          inPerson: g.meets.inPerson,
          online: g.meets.online,
          places: g.meets.places,
          next: next === undefined ? null : new Date(next).toISOString(),
          nextMode: next === undefined ? null : (g.meets.modes?.[n] ?? null),
        }
      : null,
  };
}

function membershipOf(m: MemberRecord | null, now: number): MyMembership | null {
  if (!m) return null;
  const silenced = m.silencedUntil && m.silencedUntil > now;
  return {
    role: m.role,
    status: m.status,
    alias: m.alias,
    joinedAt: m.joinedAt,
    hasPosted: !!m.hasPosted,
    silenced: silenced
      ? { until: new Date(m.silencedUntil!).toISOString(), reason: m.silenceReason ?? '' }
      : null,
  };
}

function detailOf(g: GroupRecord, m: MemberRecord | null, now: number): GroupDetail {
  return {
    ...summaryOf(g, now),
    guidelines: g.guidelines,
    timezone: g.timezone,
    visibility: g.visibility,
    checkIn: !!g.checkIn,
    sessionThreadsGoingOnly: !!g.sessionThreadsGoingOnly,
    resourceReviewMonths: g.resourceReviewMonths ?? DEFAULT_REVIEW_MONTHS,
    supportEscalationMinutes: g.supportEscalationMinutes ?? ESCALATION.default,
    discussionMonths: g.discussionMonths ?? null,
    attendanceMonths: g.attendanceMonths ?? ATTENDANCE_MONTHS_DEFAULT,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    membership: membershipOf(m, now),
  };
}

const memberView = (m: MemberRecord, now: number): MemberView => ({
  userId: m.userId,
  displayName: m.displayName,
  role: m.role,
  status: m.status,
  joinedAt: m.joinedAt,
  silencedUntil: m.silencedUntil && m.silencedUntil > now ? new Date(m.silencedUntil).toISOString() : null,
});

async function liveInvite(c: Ctx, groupId: string, token: string | undefined): Promise<InviteRecord | null> {
  if (!token) return null;
  const invite = await c.var.services.groups.getInvite(hashToken(token));
  if (!invite || invite.groupId !== groupId || invite.revoked || invite.expiresAt <= c.var.services.now())
    return null;
  return invite;
}

export function groupRoutes(app: Hono<AppEnv>, registry: Registry): void {
  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
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
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/groups/{groupId}/members',
      tag: 'members',
      summary: 'Join a group, accepting its guidelines, with an optional alias',
      auth: 'required',
      params: GroupParams,
      body: JoinRequest,
      responses: {
        201: { description: 'Joined, or asked to join', schema: MyMembership },
        200: { description: 'Already a member or waiting: your membership', schema: MyMembership },
      },
    },
    async (c, { params, body }) => {
      const auth = requireAuth(c);
      const { groups, accounts, now } = c.var.services;
      const { group, member } = await groups.getGroupWithMember(params.groupId, auth.userId);
      if (!group) throw notFound(NOT_FOUND);
      if (member) return c.json(membershipOf(member, c.var.services.now())!, 200);
      const invite = await liveInvite(c, group.groupId, body.invite);
      if (group.visibility === 'private' && !invite) throw notFound(NOT_FOUND);
      const outcome = joinOutcome(group.joinPolicy, group.visibility, !!invite);
      if ('refused' in outcome) {
        throw forbidden(body.invite ? 'That invite link has expired or was withdrawn' : outcome.refused);
      }
      const user = await accounts.getUser(auth.userId);
      if (!user) throw notFound();
      if (body.alias && !(await groups.claimAlias(group.groupId, body.alias, auth.userId, now()))) {
        throw conflict('Someone in this group already uses that alias', [
          { path: 'body.alias', message: 'Taken' },
        ]);
      }
      const record: MemberRecord = {
        groupId: group.groupId,
        userId: auth.userId,
        role: 'member',
        status: outcome.status,
        alias: body.alias ?? null,
        displayName: body.alias ?? user.handle,
        joinedAt: new Date(now()).toISOString(),
      };
      if (record.status === 'active') await groups.membersChanging(group.groupId, now());
      if (!(await groups.putMember(record))) {
        // A concurrent join by the same person won: answer with what is stored.
        if (body.alias) await groups.releaseAlias(group.groupId, body.alias, auth.userId);
        const existing = await groups.getMember(group.groupId, auth.userId);
        return c.json(membershipOf(existing, c.var.services.now())!, 200);
      }
      if (record.status === 'active') await groups.addToMemberCount(group.groupId, 1);
      return c.json(membershipOf(record, c.var.services.now())!, 201);
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/groups/{groupId}/members',
      tag: 'members',
      summary: 'Members and join requests (moderators and owners)',
      auth: 'required',
      params: GroupParams,
      query: MembersQuery,
      responses: { 200: { description: 'A page of members', schema: MembersPage } },
    },
    async (c, { params, query }) => {
      requireAuth(c);
      const { group } = await loadGroup(c, params.groupId, 'review-members');
      const { groups, now } = c.var.services;
      const page = await groups.listMembers(params.groupId, query);
      // The whole list in one page: its active members are what the count counts.
      if (!query.cursor && !page.nextCursor && query.status !== 'pending')
        await groups.checkMemberCount(group, page.members.filter((m) => m.status === 'active').length, now());
      return c.json({
        items: page.members.map((m) => memberView(m, c.var.services.now())),
        nextCursor: page.nextCursor,
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'patch',
      path: '/groups/{groupId}/members/{userId}',
      tag: 'members',
      summary: 'Approve or decline a request, remove a member (moderators, owners); assign a role (owners)',
      auth: 'required',
      params: MemberParams,
      body: UpdateMemberRequest,
      responses: { 200: { description: 'The member now', schema: MemberView } },
    },
    async (c, { params, body }) => {
      const auth = requireAuth(c);
      const { groups } = c.var.services;
      const { group, member: me } = await loadGroup(
        c,
        params.groupId,
        body.role ? 'assign-roles' : 'review-members',
      );
      const userId = params.userId === 'me' ? auth.userId : params.userId;
      let target = await groups.getMember(group.groupId, userId);
      if (!target) throw notFound('No such member');

      if (body.status === 'removed') {
        const refused = removalRefused(me!, target);
        if (refused) throw refused;
        // Their places and duties first: if this stops half-way, a retry finds them still a member.
        await leavingSchedule(c, group, userId, { places: true });
        await groups.deleteMember(target, c.var.services.now());
        await feedsChanged(c, [userId]);
        return c.json({ ...memberView(target, c.var.services.now()), status: target.status });
      }
      if (body.status === 'active' && target.status === 'pending') {
        await groups.membersChanging(group.groupId, c.var.services.now());
        if (await groups.approveMember(group.groupId, userId)) {
          await groups.addToMemberCount(group.groupId, 1);
          await feedsChanged(c, [userId]);
        }
        target = { ...target, status: 'active' };
      }
      if (body.role && body.role !== target.role) {
        const change = roleChange(target, body.role);
        if (change instanceof HearthError) throw change;
        if (change.becomesOwner) {
          // Role first, then the owner set: a crash between leaves one owner too few, never too many.
          await groups.setRole(group.groupId, userId, 'owner');
          await groups.addOwner(group.groupId, userId);
        } else {
          if (change.stepsDownAsOwner && !(await groups.stepDownOwner(group.groupId, userId))) {
            throw conflict(LAST_OWNER);
          }
          await groups.setRole(group.groupId, userId, body.role);
          if (change.stopsFacilitating) await leavingSchedule(c, group, userId, { places: false });
        }
        target = { ...target, role: body.role };
      }
      return c.json(memberView(target, c.var.services.now()));
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'delete',
      path: '/groups/{groupId}/members/me',
      tag: 'members',
      summary: 'Leave a group, or withdraw a request to join',
      auth: 'required',
      params: GroupParams,
      responses: { 200: { description: 'Left', schema: Ok } },
    },
    async (c, { params }) => {
      const auth = requireAuth(c);
      const { groups } = c.var.services;
      const { group, member } = await loadGroup(c, params.groupId);
      if (!member) throw notFound('You are not a member of this group');
      if (member.role === 'owner' && !(await groups.stepDownOwner(params.groupId, auth.userId))) {
        throw conflict('You are the only owner; make someone else owner before you leave');
      }
      await leavingSchedule(c, group, auth.userId, { places: true });
      await groups.deleteMember(member, c.var.services.now());
      await feedsChanged(c, [auth.userId]);
      return c.json({ ok: true as const });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/groups/{groupId}/invites',
      tag: 'invites',
      summary: 'Create an expiring invite link (moderators and owners); the link is shown once',
      auth: 'required',
      params: GroupParams,
      body: CreateInviteRequest,
      responses: { 201: { description: 'The invite', schema: CreatedInvite } },
    },
    async (c, { params, body }) => {
      const auth = requireAuth(c);
      const { groups, now, config } = c.var.services;
      await loadGroup(c, params.groupId, 'invite');
      const token = newToken();
      const at = now();
      const invite: InviteRecord = {
        inviteId: hashToken(token),
        groupId: params.groupId,
        createdBy: auth.userId,
        createdAt: new Date(at).toISOString(),
        expiresAt: at + body.expiresInHours * 3600_000,
        revoked: false,
      };
      await groups.createInvite(invite.inviteId, invite);
      const origin = config.publicUrl ?? new URL(c.req.url).origin;
      return c.json(
        {
          ...inviteView(invite),
          token,
          url: `${origin}/groups/${params.groupId}#invite=${token}`,
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
      path: '/groups/{groupId}/invites',
      tag: 'invites',
      summary: 'Invites of a group, newest first (moderators and owners)',
      auth: 'required',
      params: GroupParams,
      responses: { 200: { description: 'Invites', schema: InviteList } },
    },
    async (c, { params }) => {
      requireAuth(c);
      await loadGroup(c, params.groupId, 'invite');
      const items = await c.var.services.groups.listInvites(params.groupId);
      return c.json({ items: items.map(inviteView) });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'delete',
      path: '/groups/{groupId}/invites/{inviteId}',
      tag: 'invites',
      summary: 'Withdraw an invite link (moderators and owners)',
      auth: 'required',
      params: InviteParams,
      responses: { 200: { description: 'Withdrawn', schema: Ok } },
    },
    async (c, { params }) => {
      requireAuth(c);
      await loadGroup(c, params.groupId, 'invite');
      if (!(await c.var.services.groups.revokeInvite(params.groupId, params.inviteId)))
        throw notFound('No such invite');
      return c.json({ ok: true as const });
    },
  );
}

function inviteView(i: InviteRecord) {
  return {
    inviteId: i.inviteId,
    createdAt: i.createdAt,
    expiresAt: new Date(i.expiresAt).toISOString(),
    revoked: i.revoked,
  };
}
