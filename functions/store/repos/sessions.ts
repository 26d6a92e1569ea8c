/**
 * Sessions: made at sign-in (only the token's hash is kept), read with what the route asked for,
 * kept alive while used, ended one by one or all at once.
 * @module
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SESSION_ABSOLUTE_MS, sessionExpiresAt } from '../../core/accounts';
import { deleteMany, getMany, type Item, keyOf, type Paths } from '../batch';
import type { Db } from '../client';
import { written } from '../conditional';
import { type Key, keys } from '../keys';
import { GSI1 } from '../table';
import type { SessionRecord } from './account-records';
import { SESSION_FIELDS, ttlSeconds } from './account-records';

export function sessionsRepo(db: Db) {
  const { doc, table } = db;
  return {
    async createSession(tokenHash: string, s: SessionRecord): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.session(tokenHash),
            ...s,
            [GSI1.partition]: keys.sessionsOf(s.userId),
            [GSI1.sort]: new Date(s.createdAt).toISOString(),
            ttl: ttlSeconds(s.createdAt + SESSION_ABSOLUTE_MS),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async getSession(tokenHash: string): Promise<SessionRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.session(tokenHash) }));
      return (out.Item as SessionRecord | undefined) ?? null;
    },

    /**
     * A session and other items a request needs, in one round trip, whole or (`only`) just the
     * paths named, beside the session's own fields. The caller must use the other items only if
     * the session is live and belongs to the user they were read for.
     */
    async getSessionWith(
      tokenHash: string,
      also: { keys: Key[]; only?: Paths },
    ): Promise<{ session: SessionRecord | null; items: Map<string, Item> }> {
      if (!also.keys.length) return { session: await this.getSession(tokenHash), items: new Map() };
      const sk = keys.session(tokenHash);
      const only = also.only && [...Object.keys(SESSION_FIELDS).map((f) => [f]), ...also.only];
      const items = await getMany(db, [sk, ...also.keys], { consistent: true, only });
      const session = (items.get(keyOf(sk)) as SessionRecord | undefined) ?? null;
      items.delete(keyOf(sk));
      return { session, items };
    },

    async touchSession(tokenHash: string, s: SessionRecord, now: number): Promise<void> {
      // Not written: signed out meanwhile, and there is nothing to refresh.
      await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.session(tokenHash),
            UpdateExpression: 'SET lastSeenAt = :now, #ttl = :ttl',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':now': now,
              ':ttl': ttlSeconds(sessionExpiresAt({ ...s, lastSeenAt: now })),
            },
          }),
        ),
      );
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await doc.send(new DeleteCommand({ TableName: table, Key: keys.session(tokenHash) }));
    },

    /** Ends every session of a user ("sign out everywhere", and after a passphrase reset). */
    async deleteAllSessions(userId: string): Promise<number> {
      let removed = 0;
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            IndexName: GSI1.name,
            KeyConditionExpression: '#p = :p',
            ExpressionAttributeNames: { '#p': GSI1.partition },
            ExpressionAttributeValues: { ':p': keys.sessionsOf(userId) },
            ProjectionExpression: 'pk, sk',
            ExclusiveStartKey: startKey,
          }),
        );
        const items = (page.Items ?? []) as { pk: string; sk: string }[];
        await deleteMany(db, items);
        removed += items.length;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return removed;
    },
  };
}
