/**
 * A member's private conversations with a group's facilitators. The conversation lives in the
 * group's partition (listed for the facilitators) and on GSI1 under the member (listed for them);
 * its messages live in its own partition, in time order. A pointer item says which conversation
 * is open for a member of a group, so asking twice opens one, not two.
 *
 * A message counts on the conversation first (refused once it is closed), then is written, as
 * posts are: a crash between leaves a count one high, never a message in a closed conversation.
 * @module
 */

import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { isConditionFailure } from '../conditional';
import { keys } from '../keys';
import { gsi1Page, prefixPage } from '../paging';
import { SETTLE_MS } from '../settle';
import { GSI1 } from '../table';

export interface ConversationRecord {
  conversationId: string;
  groupId: string;
  memberId: string;
  status: 'open' | 'closed';
  createdAt: number;
  lastMessageAt: number;
  messageCount: number;
  /** Who wrote last: the member, or someone for the group (so the queue shows who owes a reply). */
  lastFrom: 'member' | 'group' | null;
  /** Moderators see it too once the support request it belongs to was escalated. */
  escalated?: boolean;
  requestId?: string;
  /** Those of the group who have written in it (told of the member's next messages). */
  helpers?: Set<string>;
  closedBy?: string;
  closedAt?: number;
}

export interface MessageRecord {
  messageId: string;
  conversationId: string;
  authorId: string;
  body: string;
  at: number;
}

/** The most messages one conversation holds; then it is closed for a new one. */
export const MESSAGES_MAX = 1000;

/** A time-ordered id: the group's id, the time (base 36, fixed width), 6 random characters. */
const timeId = (prefix: string, now: number) =>
  `${prefix}${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url').slice(0, 6)}`;

const strip = <T>(item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, [GSI1.partition]: _p, [GSI1.sort]: _s, ...rest } = item;
  return rest as T;
};

export function conversationsRepo(db: Db) {
  const { doc, table } = db;
  const ignoreLost = (e: unknown) => {
    if (!isConditionFailure(e)) throw e;
  };
  const get = async (conversationId: string): Promise<ConversationRecord | null> => {
    const out = await doc.send(
      new GetCommand({ TableName: table, Key: keys.conversation(conversationId), ConsistentRead: true }),
    );
    return out.Item ? strip<ConversationRecord>(out.Item) : null;
  };

  return {
    get,

    /** The member's open conversation with the group's facilitators, opened if there is none. */
    async open(
      groupId: string,
      memberId: string,
      now: number,
      requestId?: string,
    ): Promise<{ conversation: ConversationRecord; created: boolean }> {
      const pointerKey = keys.conversationOf(groupId, memberId);
      for (let tries = 0; tries < 6; tries++) {
        const out = await doc.send(
          new GetCommand({ TableName: table, Key: pointerKey, ConsistentRead: true }),
        );
        const pointed = out.Item?.conversationId as string | undefined;
        if (pointed) {
          const existing = await get(pointed);
          if (existing?.status === 'open') return { conversation: existing, created: false };
          // Not there yet: another request may be writing it right now (a crash leaves it absent).
          if (!existing && tries < 3) {
            await new Promise((r) => setTimeout(r, 25 * 2 ** tries));
            continue;
          }
          await doc
            .send(
              new DeleteCommand({
                TableName: table,
                Key: pointerKey,
                ConditionExpression: 'conversationId = :c',
                ExpressionAttributeValues: { ':c': pointed },
              }),
            )
            .catch(ignoreLost);
        }
        const conversation: ConversationRecord = {
          conversationId: timeId(groupId, now),
          groupId,
          memberId,
          status: 'open',
          createdAt: now,
          lastMessageAt: now,
          messageCount: 0,
          lastFrom: null,
          ...(requestId ? { requestId } : {}),
        };
        try {
          await doc.send(
            new PutCommand({
              TableName: table,
              Item: { ...pointerKey, conversationId: conversation.conversationId },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
        } catch (e) {
          ignoreLost(e);
          continue; // asked twice at once: the other one opened it
        }
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.conversation(conversation.conversationId),
              ...conversation,
              [GSI1.partition]: keys.conversationsBy(memberId),
              [GSI1.sort]: conversation.conversationId,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { conversation, created: true };
      }
      throw new Error('Conversation: too many concurrent changes');
    },

    /** A group's conversations, newest first. */
    async listForGroup(groupId: string, opts: { limit: number; cursor?: string }) {
      const where = { pk: keys.group(groupId).pk, prefix: keys.conversationPrefix, newestFirst: true };
      const page = await prefixPage(db, where, opts);
      return { items: page.items.map((i) => strip<ConversationRecord>(i)), nextCursor: page.nextCursor };
    },

    /** A member's conversations in every group, newest first. */
    async listForMember(memberId: string, opts: { limit: number; cursor?: string }) {
      const page = await gsi1Page(db, keys.conversationsBy(memberId), opts);
      return { items: page.items.map((i) => strip<ConversationRecord>(i)), nextCursor: page.nextCursor };
    },

    /** Adds a message to an open conversation; null when it is closed or full (nothing written). */
    async addMessage(
      conversationId: string,
      message: { authorId: string; body: string; at: number; from: 'member' | 'group' },
    ): Promise<MessageRecord | null> {
      let count: number;
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.conversation(conversationId),
            // Someone of the group who writes is told of the member's next messages.
            UpdateExpression: `SET lastMessageAt = :at, lastFrom = :from ADD messageCount :one${message.from === 'group' ? ', helpers :me' : ''}`,
            ConditionExpression: 'attribute_exists(pk) AND #status = :open AND messageCount < :most',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':most': MESSAGES_MAX,
              ':at': message.at,
              ':from': message.from,
              ':one': 1,
              ':open': 'open',
              ...(message.from === 'group' ? { ':me': new Set([message.authorId]) } : {}),
            },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        count = out.Attributes!.messageCount as number;
      } catch (e) {
        ignoreLost(e);
        return null;
      }
      const record: MessageRecord = {
        // Its place in the conversation: the count it took, so order is the order of arrival.
        messageId: String(count).padStart(6, '0'),
        conversationId,
        authorId: message.authorId,
        body: message.body,
        at: message.at,
      };
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.message(conversationId, record.messageId), ...record },
        }),
      );
      return record;
    },

    /**
     * Who wrote last, checked against the newest message once writes have settled: a message is
     * counted (and its side noted) before it is written, so a crash between leaves the count one
     * high and the side of a message that is not there. Sets the side of the newest message that
     * is, unless someone wrote since the conversation was read.
     */
    async checkLastFrom(conv: ConversationRecord, newest: MessageRecord, now: number): Promise<void> {
      const side = newest.authorId === conv.memberId ? 'member' : 'group';
      if (conv.lastFrom === side || now - conv.lastMessageAt < SETTLE_MS || newest.at >= conv.lastMessageAt)
        return;
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.conversation(conv.conversationId),
            UpdateExpression: 'SET lastFrom = :side',
            ConditionExpression: 'lastMessageAt = :seen',
            ExpressionAttributeValues: { ':side': side, ':seen': conv.lastMessageAt },
          }),
        )
        .catch(ignoreLost);
    },

    /** A conversation's messages, oldest first. */
    async listMessages(conversationId: string, opts: { limit: number; cursor?: string }) {
      const page = await prefixPage(
        db,
        { pk: keys.messagesOf(conversationId), prefix: keys.prefix.message },
        opts,
      );
      return { items: page.items.map((i) => strip<MessageRecord>(i)), nextCursor: page.nextCursor };
    },

    /** Closes an open conversation; false when it was closed already. */
    async close(c: ConversationRecord, by: string, now: number): Promise<boolean> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.conversation(c.conversationId),
            UpdateExpression: 'SET #status = :closed, closedBy = :by, closedAt = :now',
            ConditionExpression: 'attribute_exists(pk) AND #status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':closed': 'closed', ':by': by, ':now': now, ':open': 'open' },
          }),
        );
      } catch (e) {
        ignoreLost(e);
        return false;
      }
      await doc
        .send(
          new DeleteCommand({
            TableName: table,
            Key: keys.conversationOf(c.groupId, c.memberId),
            ConditionExpression: 'conversationId = :c',
            ExpressionAttributeValues: { ':c': c.conversationId },
          }),
        )
        .catch(ignoreLost);
      return true;
    },

    /** Erases the text of every message one person wrote in a conversation (account deletion). */
    async eraseMessagesBy(conversationId: string, authorId: string): Promise<void> {
      let cursor: string | undefined;
      do {
        const page = await this.listMessages(conversationId, { limit: 50, cursor });
        await Promise.all(
          page.items
            .filter((m) => m.authorId === authorId && m.body)
            .map((m) =>
              doc.send(
                new UpdateCommand({
                  TableName: table,
                  Key: keys.message(conversationId, m.messageId),
                  UpdateExpression: 'SET body = :empty, erased = :yes',
                  ExpressionAttributeValues: { ':empty': '', ':yes': true },
                }),
              ),
            ),
        );
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },

    /** The support request it belongs to (the member asked for contact while one was open). */
    async linkRequest(conversationId: string, requestId: string, escalated: boolean): Promise<void> {
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.conversation(conversationId),
            UpdateExpression: `SET requestId = :r${escalated ? ', escalated = :yes' : ''}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':r': requestId, ...(escalated ? { ':yes': true } : {}) },
          }),
        )
        .catch(ignoreLost);
    },

    /** The support request it belongs to was escalated: moderators may read it now. */
    async markEscalated(conversationId: string): Promise<void> {
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.conversation(conversationId),
            UpdateExpression: 'SET escalated = :yes',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':yes': true },
          }),
        )
        .catch(ignoreLost);
    },
  };
}

export type ConversationsRepo = ReturnType<typeof conversationsRepo>;
