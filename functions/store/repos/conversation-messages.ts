/**
 * A conversation's messages: added (the conversation's count and last sender kept in step),
 * checked against the count, listed in order, and erased with their author.
 * @module
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { alreadyDone } from '../conditional';
import { keys } from '../keys';
import { prefixPage } from '../paging';
import { SETTLE_MS } from '../settle';
import type { ConversationRecord, MessageRecord } from './conversation-records';
import { MESSAGES_MAX, strip } from './conversation-records';

export function conversationMessages(db: Db) {
  const { doc, table } = db;
  return {
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
        alreadyDone(e);
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
        .catch(alreadyDone);
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
  };
}
