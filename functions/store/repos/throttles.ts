/**
 * Throttles for failed sign-ins, sign-ups and checks: each attempt takes its slot with a
 * conditional write before it is checked, so a burst checks no more than the limit.
 * @module
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { alreadyDone } from '../conditional';
import { keys } from '../keys';
import type { Throttle, ThrottleKind } from './account-records';
import { takeWindowSlot } from './account-records';

export function throttles(db: Db) {
  const { doc, table } = db;
  return {
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
      const t = await this.getThrottle(kind, id);
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
}
