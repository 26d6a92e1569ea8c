/**
 * Browsers an account has signed in from (device cookies, kept as hashes): one item each in the
 * account's own partition, so they go with the account when it is deleted. Trust lapses by TTL
 * and is checked in code too (TTL deletion is late, and in dynalite never).
 * @module
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DEVICE_TRUST_MS } from '../../core/accounts';
import { deleteMany } from '../batch';
import type { Db } from '../client';
import { type Key, keys } from '../keys';

export function devicesRepo(db: Db) {
  const { doc, table } = db;
  return {
    /** Whether this browser signed in to this account within the trust period. */
    async trusted(userId: string, tokenHash: string, now: number): Promise<boolean> {
      const out = await doc.send(
        new GetCommand({
          TableName: table,
          Key: keys.device(userId, tokenHash),
          ProjectionExpression: 'lastSignInAt',
        }),
      );
      const last = out.Item?.lastSignInAt as number | undefined;
      return last !== undefined && now - last < DEVICE_TRUST_MS;
    },

    /** Remembers (or refreshes) a browser that has just proved it knows the passphrase. */
    async trust(userId: string, tokenHash: string, now: number): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.device(userId, tokenHash),
            lastSignInAt: now,
            ttl: Math.ceil((now + DEVICE_TRUST_MS) / 1000),
          },
        }),
      );
    },

    /** Forgets every browser (the passphrase was reset: whoever knew the old one is a stranger). */
    async forgetAll(userId: string): Promise<void> {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :p AND begins_with(sk, :d)',
            ExpressionAttributeValues: { ':p': keys.user(userId).pk, ':d': keys.prefix.device },
            ProjectionExpression: 'pk, sk',
            ExclusiveStartKey: startKey,
          }),
        );
        await deleteMany(db, (page.Items ?? []) as Key[]);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    },
  };
}
