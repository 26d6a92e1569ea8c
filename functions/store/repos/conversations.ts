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

import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { alreadyDone } from '../conditional';
import { keys } from '../keys';
import { gsi1Page, prefixPage } from '../paging';
import { GSI1 } from '../table';
import { conversationLinks } from './conversation-links';
import { conversationMessages } from './conversation-messages';
import { type ConversationRecord, strip, timeId } from './conversation-records';

export function conversationsRepo(db: Db) {
  const { doc, table } = db;
  const get = async (conversationId: string): Promise<ConversationRecord | null> => {
    const out = await doc.send(
      new GetCommand({ TableName: table, Key: keys.conversation(conversationId), ConsistentRead: true }),
    );
    return out.Item ? strip<ConversationRecord>(out.Item) : null;
  };

  return {
    ...conversationLinks(db),
    ...conversationMessages(db),
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
            .catch(alreadyDone);
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
          alreadyDone(e);
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
        alreadyDone(e);
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
        .catch(alreadyDone);
      return true;
    },
  };
}

export type ConversationsRepo = ReturnType<typeof conversationsRepo>;
