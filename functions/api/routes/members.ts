/**
 * A group's members: joining (open, by approval, by invite), the member list, approving,
 * removing and roles, leaving; and invite links.
 * @module
 */

import { conflict, forbidden, HearthError, notFound } from '../../core/errors';
import { joinOutcome, LAST_OWNER, removalRefused, roleChange } from '../../core/groups';
import { Ok } from '../../core/schemas/common';
import {
  CreatedInvite,
  CreateInviteRequest,
  GroupParams,
  InviteList,
  InviteParams,
  JoinRequest,
  MemberParams,
  MembersPage,
  MembersQuery,
  MemberView,
  MyMembership,
  UpdateMemberRequest,
} from '../../core/schemas/groups';
import { hashToken, newToken } from '../../store/ids';
import type { InviteRecord, MemberRecord } from '../../store/repos/group-records';
import { liveInvite, loadGroup, NOT_FOUND } from '../access/groups';
import { requireAuth } from '../context';
import { feedsChanged } from '../feed-stamps';
import { leavingSchedule } from '../flows/leaving';
import { type Route, route } from '../route';
import { inviteView, membershipOf, memberView } from '../views/groups';

export const memberRoutes: Route[] = [
  route(
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
  ),
  route(
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
  ),
  route(
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
  ),
  route(
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
  ),
  route(
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
  ),
  route(
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
  ),
  route(
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
  ),
];
