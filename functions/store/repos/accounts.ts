import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { SESSION_ABSOLUTE_MS, sessionExpiresAt } from '../../core/accounts';
import { getMany, type Item, keyOf, type Paths } from '../batch';
import type { Db } from '../client';
import { alreadyDone, isConditionFailure, written } from '../conditional';
import { type Key, keys } from '../keys';
import { GSI1 } from '../table';

export interface UserRecord {
  userId: string;
  handle: string;
  handleKey: string;
  passHash: string;
  /** Hashes of unused recovery codes. */
  recovery: Record<string, number>;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRecord {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Every field of a session item (the compiler checks the list is whole). */
const SESSION_FIELDS = { userId: 1, createdAt: 1, lastSeenAt: 1 } satisfies Record<keyof SessionRecord, 1>;

const ttlSeconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * Takes one slot of a fixed window kept in one item (its `count` attribute and `windowStart`):
 * a conditional write before the action it counts, so N takers at once against a limit L get at
 * most L slots. False when the window is full (nothing counted). The window restarts once it has
 * passed; the item expires with it.
 */
export async function takeWindowSlot(
  db: Db,
  key: Key,
  count: string,
  now: number,
  limit: { max: number; windowMs: number },
): Promise<boolean> {
  const since = now - limit.windowMs;
  const add = async () => {
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: key,
          UpdateExpression: 'ADD #n :one',
          ConditionExpression: 'windowStart > :since AND #n < :max',
          ExpressionAttributeNames: { '#n': count },
          ExpressionAttributeValues: { ':one': 1, ':since': since, ':max': limit.max },
        }),
      );
      return true;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      return false;
    }
  };
  if (await add()) return true;
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...key, [count]: 1, windowStart: now, ttl: ttlSeconds(now + limit.windowMs) },
        ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :since',
        ExpressionAttributeValues: { ':since': since },
      }),
    );
    return true;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  return add(); // another taker started the window meanwhile: count in it, if it has room
}

export function accountsRepo(db: Db) {
  const { doc, table } = db;

  /** Deletes these items, 25 to a BatchWrite, retrying what DynamoDB leaves unprocessed. */
  async function deleteKeys(items: { pk: string; sk: string }[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let requests: Record<string, unknown>[] | undefined = items
        .slice(i, i + 25)
        .map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } }));
      for (let attempt = 0; requests?.length; attempt++) {
        if (attempt === 5) throw new Error('DynamoDB left deletes unprocessed; try again');
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
        requests = out.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
      }
    }
  }

  const repo = {
    /** Creates the user and claims the handle; false when the handle is taken. */
    async createUser(user: UserRecord): Promise<boolean> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.user(user.userId), ...user },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.handle(user.handleKey), userId: user.userId },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        await doc.send(new DeleteCommand({ TableName: table, Key: keys.user(user.userId) }));
        return false;
      }
    },

    async getUser(userId: string): Promise<UserRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.user(userId) }));
      return (out.Item as UserRecord | undefined) ?? null;
    },

    /** People's handles, by user (one BatchGet). */
    async handlesOf(userIds: string[]): Promise<Map<string, string>> {
      const found = await getMany(
        db,
        userIds.map((u) => keys.user(u)),
        { only: [['userId'], ['handle']] },
      );
      return new Map([...found.values()].map((u) => [u.userId as string, u.handle as string]));
    },

    /**
     * Erases an account's own items (everything in its partition: the account, preferences,
     * follows, read states, duties list, feed, notifications, professional record) and keeps its
     * handle as a bare tombstone, so no one else can take the name and be taken for them.
     */
    async eraseUser(userId: string, handleKey: string, now: string): Promise<void> {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': keys.user(userId).pk },
            ProjectionExpression: 'pk, sk',
            ExclusiveStartKey: startKey,
          }),
        );
        await deleteKeys((page.Items ?? []) as { pk: string; sk: string }[]);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      await doc.send(
        new PutCommand({ TableName: table, Item: { ...keys.handle(handleKey), erasedAt: now } }),
      );
    },

    async findByHandle(handleKey: string): Promise<UserRecord | null> {
      const claim = await doc.send(new GetCommand({ TableName: table, Key: keys.handle(handleKey) }));
      const userId = claim.Item?.userId as string | undefined;
      return userId ? this.getUser(userId) : null;
    },

    async setPassHash(userId: string, passHash: string, now: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.user(userId),
          UpdateExpression: 'SET passHash = :h, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':h': passHash, ':now': now },
        }),
      );
    },

    /**
     * Spends a recovery code and sets the new passphrase hash in one conditional update, so a
     * code works once even when two requests race with it.
     */
    async recoverWithCode(userId: string, codeHash: string, passHash: string, now: string): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.user(userId),
            UpdateExpression: 'REMOVE recovery.#c SET passHash = :h, updatedAt = :now',
            ConditionExpression: 'attribute_exists(recovery.#c)',
            ExpressionAttributeNames: { '#c': codeHash },
            ExpressionAttributeValues: { ':h': passHash, ':now': now },
          }),
        ),
      );
    },

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
      if (!also.keys.length) return { session: await repo.getSession(tokenHash), items: new Map() };
      const sk = keys.session(tokenHash);
      const only = also.only && [...Object.keys(SESSION_FIELDS).map((f) => [f]), ...also.only];
      const items = await getMany(db, [sk, ...also.keys], { consistent: true, only });
      const session = (items.get(keyOf(sk)) as SessionRecord | undefined) ?? null;
      items.delete(keyOf(sk));
      return { session, items };
    },

    async touchSession(tokenHash: string, s: SessionRecord, now: number): Promise<void> {
      try {
        await doc.send(
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
        );
      } catch (e) {
        if (!isConditionFailure(e)) throw e; // signed out meanwhile: nothing to refresh
      }
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
        await deleteKeys(items);
        removed += items.length;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return removed;
    },

    /**
     * Takes one slot of a limit before the attempt is checked: a conditional write, so N attempts
     * at once against a limit L get at most L slots. Returns the seconds to wait when the window
     * is full (nothing counted), else null. The window restarts once it has passed.
     */
    async takeSlot(
      kind: ThrottleKind,
      id: string,
      now: number,
      limit: { max: number; windowMs: number },
    ): Promise<number | null> {
      if (await takeWindowSlot(db, keys.throttle(kind, id), 'failures', now, limit)) return null;
      const t = await repo.getThrottle(kind, id);
      return Math.max(1, Math.ceil(((t?.windowStart ?? now) + limit.windowMs - now) / 1000));
    },

    /** Gives a slot back (the attempt it was taken for succeeded, or never happened). */
    async releaseSlot(kind: ThrottleKind, id: string): Promise<void> {
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.throttle(kind, id),
            UpdateExpression: 'ADD failures :less',
            ConditionExpression: 'failures > :zero',
            ExpressionAttributeValues: { ':less': -1, ':zero': 0 },
          }),
        )
        .catch(alreadyDone);
    },

    async getThrottle(kind: ThrottleKind, id: string): Promise<Throttle | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.throttle(kind, id) }));
      return (out.Item as Throttle | undefined) ?? null;
    },

    async clearThrottle(kind: ThrottleKind, id: string): Promise<void> {
      await doc.send(new DeleteCommand({ TableName: table, Key: keys.throttle(kind, id) }));
    },
  };
  return repo;
}

export type ThrottleKind = 'handle' | 'address' | 'signup' | 'device' | 'confirm';

export interface Throttle {
  failures: number;
  windowStart: number;
}

export type AccountsRepo = ReturnType<typeof accountsRepo>;
