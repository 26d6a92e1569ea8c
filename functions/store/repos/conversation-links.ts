/**
 * A conversation tied to the support request that asked for it, and marked when that request
 * escalated.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { alreadyDone } from '../conditional';
import { keys } from '../keys';

export function conversationLinks(db: Db) {
  const { doc, table } = db;
  return {
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
        .catch(alreadyDone);
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
        .catch(alreadyDone);
    },
  };
}
