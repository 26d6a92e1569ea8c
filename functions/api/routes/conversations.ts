/**
 * "Talk to a facilitator": a member's private conversation with their group's facilitators (and
 * owners, who facilitate too). The member starts it, from the group's page at any time or from
 * the crisis panel; either side may close it. Moderators read it only once the support request it
 * belongs to was escalated. There are no member-to-member messages. To anyone else a conversation
 * does not exist (404, as for a missing one).
 * @module
 */

import { conflict, HearthError, notFound } from '../../core/errors';
import { type NoticeWords, nameOr, notice } from '../../core/i18n/notices';
import { GroupParams } from '../../core/schemas/groups';
import {
  ConversationPage,
  ConversationParams,
  ConversationStart,
  ConversationView,
  MessagePage,
  MessageRequest,
  MessageView,
  PageQuery,
} from '../../core/schemas/support';
import { canSeeConversation, conversationRecipients, talksForGroup } from '../../core/support';
import { iso } from '../../core/time';
import { groupOf } from '../../store/keys';
import type { ConversationRecord, MessageRecord } from '../../store/repos/conversation-records';
import { conversationsRepo } from '../../store/repos/conversations';
import type { GroupRecord } from '../../store/repos/group-records';
import { notificationsRepo } from '../../store/repos/notifications';
import { supportRepo } from '../../store/repos/support';
import { threadsRepo } from '../../store/repos/threads';
import { loadGroup } from '../access/groups';
import { type Ctx, requireAuth } from '../context';
import { contactAsked, onDutyNow, staffOf } from '../flows/support';
import { type Route, route } from '../route';

const NOT_FOUND = 'No such conversation';

const view = (
  c: ConversationRecord,
  groupName: string,
  memberName: string,
  me: string,
): ConversationView => ({
  conversationId: c.conversationId,
  groupId: c.groupId,
  groupName,
  member: { displayName: memberName },
  mine: c.memberId === me,
  status: c.status,
  createdAt: iso(c.createdAt),
  lastMessageAt: iso(c.lastMessageAt),
  messageCount: c.messageCount,
  lastFrom: c.lastFrom,
  escalated: !!c.escalated,
});

const messageView = (
  m: MessageRecord,
  c: ConversationRecord,
  names: Map<string, string>,
  me: string,
): MessageView => ({
  messageId: m.messageId,
  author: { displayName: names.get(m.authorId) ?? 'Former member' },
  fromGroup: m.authorId !== c.memberId,
  mine: m.authorId === me,
  body: m.body,
  at: iso(m.at),
});

/** The group, when the caller is one of its active members; 404 as for a missing conversation. */
async function memberOf(c: Ctx, groupId: string) {
  const { userId } = requireAuth(c);
  const { group, member } = await loadGroup(c, groupId).catch((e) => {
    throw e instanceof HearthError && e.code === 'not_found' ? notFound(NOT_FOUND) : e;
  });
  if (member?.status !== 'active') throw notFound(NOT_FOUND);
  return { group, member, userId };
}

/** A conversation the caller may read, with its group and their membership. */
async function loadConversation(c: Ctx, conversationId: string) {
  const { group, member, userId } = await memberOf(c, groupOf(conversationId));
  const conversation = await c.var.services.repo(conversationsRepo).get(conversationId);
  if (!conversation || !canSeeConversation({ userId, member }, conversation)) throw notFound(NOT_FOUND);
  return { group, member, userId, conversation };
}

/** Tells the other side of a new message: the member, or those of the group who answered (else the facilitators). */
async function tellOtherSide(c: Ctx, group: GroupRecord, conv: ConversationRecord, from: string) {
  const { now } = c.var.services;
  const at = now();
  let told: string[];
  let words: NoticeWords;
  if (from !== conv.memberId) {
    told = [conv.memberId];
    words = notice('wroteToMember', { group: group.name });
  } else {
    const helpers = [...(conv.helpers ?? [])].filter((u) => u !== from);
    told = helpers.length
      ? helpers
      : conversationRecipients(await staffOf(c, group), await onDutyNow(c, group), from);
    const names = await c.var.services.groups.getDisplayNames(group.groupId, [from]);
    words = notice('wroteToStaff', { group: group.name, name: nameOr(names.get(from), 'member') });
  }
  await c.var.services.repo(notificationsRepo).notify(
    told.map((userId) => ({
      userId,
      kind: 'conversation' as const,
      notice: words,
      groupId: group.groupId,
      page: 'conversation' as const,
      ref: conv.conversationId,
    })),
    at,
  );
}

export const conversationRoutes: Route[] = [
  route(
    {
      method: 'post',
      path: '/groups/{groupId}/conversations',
      tag: 'conversations',
      summary:
        'Ask the group’s facilitators to reach out: opens your private conversation with them (or your open one)',
      auth: 'required',
      params: GroupParams,
      body: ConversationStart,
      responses: { 201: { description: 'Your conversation', schema: ConversationView } },
    },
    async (c, { params, body }) => {
      const { group, member, userId } = await memberOf(c, params.groupId);
      const { now } = c.var.services;
      const support = c.var.services.repo(supportRepo);
      const open = await support.openFor(group.groupId, userId);
      const repo = c.var.services.repo(conversationsRepo);
      const { conversation, created } = await repo.open(group.groupId, userId, now(), open?.requestId);
      // Asking while a support request is open links the two (whichever came first), so whoever
      // takes the request finds the conversation, and moderators may read it if it escalates.
      const link = open && open.conversationId !== conversation.conversationId;
      await Promise.all([
        created && contactAsked(c, group, member, conversation.conversationId),
        link && support.linkConversation(open.requestId, conversation.conversationId),
        link && repo.linkRequest(conversation.conversationId, open.requestId, !!open.escalatedAt),
      ]);
      let after = conversation;
      if (body.message) {
        const m = await repo.addMessage(conversation.conversationId, {
          authorId: userId,
          body: body.message,
          at: now(),
          from: 'member',
        });
        if (!m) throw conflict('This conversation was closed meanwhile; please try again');
        after = {
          ...conversation,
          messageCount: conversation.messageCount + 1,
          lastFrom: 'member',
          lastMessageAt: m.at,
        };
        if (!created) await tellOtherSide(c, group, conversation, userId);
      }
      return c.json(view(after, group.name, member.displayName, userId), 201);
    },
  ),
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/conversations',
      tag: 'conversations',
      summary:
        'Members’ conversations with the facilitators, newest first (facilitators and owners; moderators see escalated ones)',
      auth: 'required',
      params: GroupParams,
      query: PageQuery,
      responses: { 200: { description: 'A page of conversations', schema: ConversationPage } },
    },
    async (c, { params, query }) => {
      const { group, member, userId } = await memberOf(c, params.groupId);
      if (!talksForGroup(member) && member.role !== 'moderator') throw notFound(NOT_FOUND);
      const page = await c.var.services.repo(conversationsRepo).listForGroup(group.groupId, query);
      const seen = page.items.filter((conv) => canSeeConversation({ userId, member }, conv));
      const names = await c.var.services.groups.getDisplayNames(
        group.groupId,
        seen.map((conv) => conv.memberId),
      );
      return c.json({
        items: seen.map((conv) =>
          view(conv, group.name, names.get(conv.memberId) ?? 'Former member', userId),
        ),
        nextCursor: page.nextCursor,
      });
    },
  ),
  route(
    {
      method: 'get',
      path: '/me/conversations',
      tag: 'conversations',
      summary: 'Your conversations with facilitators, in every group, newest first',
      auth: 'required',
      query: PageQuery,
      responses: { 200: { description: 'A page of conversations', schema: ConversationPage } },
    },
    async (c, { query }) => {
      const { userId } = requireAuth(c);
      const { groups } = c.var.services;
      const page = await c.var.services.repo(conversationsRepo).listForMember(userId, query);
      const found = await groups.getGroups([...new Set(page.items.map((conv) => conv.groupId))]);
      const byId = new Map(found.map((g) => [g.groupId, g]));
      const mine = await Promise.all(
        [...byId.keys()].map(
          async (g) => [g, (await groups.getDisplayNames(g, [userId])).get(userId)] as const,
        ),
      );
      const myName = new Map(mine);
      return c.json({
        items: page.items
          .filter((conv) => byId.has(conv.groupId) && myName.get(conv.groupId))
          .map((conv) => view(conv, byId.get(conv.groupId)!.name, myName.get(conv.groupId)!, userId)),
        nextCursor: page.nextCursor,
      });
    },
  ),
  route(
    {
      method: 'get',
      path: '/conversations/{conversationId}',
      tag: 'conversations',
      summary: 'A conversation with the facilitators',
      auth: 'required',
      params: ConversationParams,
      responses: { 200: { description: 'The conversation', schema: ConversationView } },
    },
    async (c, { params }) => {
      const { group, userId, conversation } = await loadConversation(c, params.conversationId);
      const names = await c.var.services.groups.getDisplayNames(group.groupId, [conversation.memberId]);
      return c.json(
        view(conversation, group.name, names.get(conversation.memberId) ?? 'Former member', userId),
      );
    },
  ),
  route(
    {
      method: 'get',
      path: '/conversations/{conversationId}/messages',
      tag: 'conversations',
      summary: 'A conversation’s messages, oldest first',
      auth: 'required',
      params: ConversationParams,
      query: PageQuery,
      responses: { 200: { description: 'A page of messages', schema: MessagePage } },
    },
    async (c, { params, query }) => {
      const { group, userId, conversation } = await loadConversation(c, params.conversationId);
      const repo = c.var.services.repo(conversationsRepo);
      const page = await repo.listMessages(conversation.conversationId, query);
      const newest = page.nextCursor ? undefined : page.items.at(-1);
      const [names] = await Promise.all([
        c.var.services.groups.getDisplayNames(group.groupId, [...new Set(page.items.map((m) => m.authorId))]),
        newest && repo.checkLastFrom(conversation, newest, c.var.services.now()),
      ]);
      return c.json({
        items: page.items.map((m) => messageView(m, conversation, names, userId)),
        nextCursor: page.nextCursor,
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/conversations/{conversationId}/messages',
      tag: 'conversations',
      summary: 'Write in an open conversation',
      auth: 'required',
      params: ConversationParams,
      body: MessageRequest,
      responses: { 201: { description: 'Sent', schema: MessageView } },
    },
    async (c, { params, body }) => {
      const { group, member, userId, conversation } = await loadConversation(c, params.conversationId);
      if (conversation.status === 'closed')
        throw conflict('This conversation is closed; you can start a new one');
      const from = userId === conversation.memberId ? 'member' : 'group';
      const m = await c.var.services.repo(conversationsRepo).addMessage(conversation.conversationId, {
        authorId: userId,
        body: body.body,
        at: c.var.services.now(),
        from,
      });
      if (!m)
        throw conflict(
          'This conversation is closed, or has as many messages as one holds; you can start a new one',
        );
      await tellOtherSide(c, group, conversation, userId);
      return c.json(messageView(m, conversation, new Map([[userId, member.displayName]]), userId), 201);
    },
  ),
  route(
    {
      method: 'post',
      path: '/conversations/{conversationId}/close',
      tag: 'conversations',
      summary: 'Close a conversation (the member, or a facilitator or owner)',
      auth: 'required',
      params: ConversationParams,
      responses: { 200: { description: 'Closed', schema: ConversationView } },
    },
    async (c, { params }) => {
      const { group, member, userId, conversation } = await loadConversation(c, params.conversationId);
      if (userId !== conversation.memberId && !talksForGroup(member)) throw notFound(NOT_FOUND);
      const { now } = c.var.services;
      if (!(await c.var.services.repo(conversationsRepo).close(conversation, userId, now())))
        throw conflict('This conversation is already closed');
      const names = await c.var.services.groups.getDisplayNames(group.groupId, [conversation.memberId]);
      const memberName = names.get(conversation.memberId) ?? 'Former member';
      await c.var.services.repo(threadsRepo).addAudit({
        groupId: group.groupId,
        actorId: userId,
        action: 'conversation_closed',
        target: memberName,
        reason: userId === conversation.memberId ? 'Closed by the member' : 'Closed by a facilitator',
        at: now(),
      });
      const closed = { ...conversation, status: 'closed' as const };
      return c.json(view(closed, group.name, memberName, userId));
    },
  ),
];
