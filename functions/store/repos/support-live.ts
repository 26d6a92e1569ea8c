/**
 * A member's live support item in a group: read, their open request if any, and whether its
 * opening was announced.
 * @module
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { keys } from '../keys';
import { openingLogId, read, type SupportRecord } from './support-records';

export function supportLive(db: Db) {
  const { doc, table } = db;
  return {
    /** A member's live support item in a group (their open request, or the last one's trace). */
    async live(groupId: string, memberId: string): Promise<SupportRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.supportLive(groupId, memberId), ConsistentRead: true }),
      );
      return out.Item ? read(out.Item) : null;
    },

    /** The member's open request in a group, if any. */
    async openFor(groupId: string, memberId: string): Promise<SupportRecord | null> {
      const live = await this.live(groupId, memberId);
      return live && live.status !== 'closed' ? live : null;
    },

    /**
     * Whether a request's opening was told (its log entry, written last in the opening's batch,
     * is there): a crash between the request and its notices leaves it untold.
     */
    async announced(groupId: string, requestId: string, openedAt: number): Promise<boolean> {
      const out = await doc.send(
        new GetCommand({
          TableName: table,
          Key: keys.audit(groupId, openedAt, openingLogId(requestId)),
          ProjectionExpression: 'pk',
        }),
      );
      return !!out.Item;
    },
  };
}
