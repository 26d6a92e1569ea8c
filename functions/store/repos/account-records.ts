/**
 * What the accounts store keeps: a user, a session, a throttle; and the conditional write that
 * takes a slot in a time window (sign-ups, failed sign-ins, posts).
 * @module
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale } from '../../core/i18n/locales';
import type { Db } from '../client';
import { written } from '../conditional';
import type { Key } from '../keys';

export interface UserRecord {
  userId: string;
  handle: string;
  handleKey: string;
  passHash: string;
  /** Hashes of unused recovery codes. */
  recovery: Record<string, number>;
  createdAt: string;
  updatedAt: string;
  /** The language they chose for Hearth (absent: their browser's). */
  language?: Locale;
}

export interface SessionRecord {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Every field of a session item (the compiler checks the list is whole). */
export const SESSION_FIELDS = { userId: 1, createdAt: 1, lastSeenAt: 1 } satisfies Record<
  keyof SessionRecord,
  1
>;

export const ttlSeconds = (ms: number) => Math.ceil(ms / 1000);

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
  // A slot in the window as it is, if it has room.
  const add = () =>
    written(
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: key,
          UpdateExpression: 'ADD #n :one',
          ConditionExpression: 'windowStart > :since AND #n < :max',
          ExpressionAttributeNames: { '#n': count },
          ExpressionAttributeValues: { ':one': 1, ':since': since, ':max': limit.max },
        }),
      ),
    );
  if (await add()) return true;
  // A new window, if there is none or it has passed.
  const started = await written(
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...key, [count]: 1, windowStart: now, ttl: ttlSeconds(now + limit.windowMs) },
        ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :since',
        ExpressionAttributeValues: { ':since': since },
      }),
    ),
  );
  if (started) return true;
  return add(); // another taker started the window meanwhile: count in it, if it has room
}

export type ThrottleKind = 'handle' | 'address' | 'signup' | 'device' | 'confirm';

export interface Throttle {
  failures: number;
  windowStart: number;
}
