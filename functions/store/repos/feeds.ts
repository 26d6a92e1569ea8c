/**
 * A member's private calendar feed: one item in the member's partition, holding the hash of the
 * feed's secret and its settings. The feed's URL token is `<userId>.<secret>`, so one GetItem
 * finds the feed, and rotating or revoking it is one write: the old URL stops working at once.
 * @module
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedSettings } from '../../core/feeds';
import type { Db } from '../client';
import { keys } from '../keys';
import { isConditionFailure } from './accounts';

export interface FeedRecord extends FeedSettings {
  userId: string;
  tokenHash: string;
  createdAt: number;
  /** When the settings or the token last changed. */
  changedAt: number;
}

export function feedsRepo(db: Db) {
  const { doc, table } = db;
  return {
    async getFeed(userId: string): Promise<FeedRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.feed(userId) }));
      return (out.Item as FeedRecord | undefined) ?? null;
    },

    /** Creates the feed, or gives it a new secret (the old URL stops working); settings kept. */
    async putFeed(feed: FeedRecord): Promise<void> {
      await doc.send(new PutCommand({ TableName: table, Item: { ...keys.feed(feed.userId), ...feed } }));
    },

    async updateSettings(
      userId: string,
      settings: Partial<FeedSettings>,
      now: number,
    ): Promise<FeedRecord | null> {
      const sets = ['changedAt = :now'];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':now': now };
      for (const [k, v] of Object.entries(settings)) {
        if (v === undefined) continue;
        // Names go through placeholders: `scope` is one of DynamoDB's reserved words.
        sets.push(`#${k} = :${k}`);
        names[`#${k}`] = k;
        values[`:${k}`] = v;
      }
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(userId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return out.Attributes as FeedRecord;
      } catch (e) {
        if (isConditionFailure(e)) return null;
        throw e;
      }
    },

    /**
     * Marks the member's feed changed (membership began or ended), so If-Modified-Since sees it;
     * nothing to do when they have no feed.
     */
    async touch(userId: string, now: number): Promise<void> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(userId),
            UpdateExpression: 'SET changedAt = :now',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':now': now },
          }),
        );
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
    },

    async deleteFeed(userId: string): Promise<void> {
      await doc.send(new DeleteCommand({ TableName: table, Key: keys.feed(userId) }));
    },
  };
}

export type FeedsRepo = ReturnType<typeof feedsRepo>;
