/**
 * Notifications waiting to be pushed: each carries, until it is pushed, an index entry under
 * the minute it was made (keys.pushDue), which the push job reads minute by minute, by key.
 * Taking one off the index is the claim: one conditional write, so a notice is pushed once.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import { queryIndexed } from '../paging';
import { GSI1 } from '../table';
import type { NotificationRecord } from './notifications';

export type WaitingPush = NotificationRecord & { pk: string; sk: string };

export function pushQueue(db: Db) {
  return {
    /** The notifications made in the minutes from `fromMinute` to `toMinute` (ms, whole minutes) not yet pushed. */
    async waiting(fromMinute: number, toMinute: number): Promise<WaitingPush[]> {
      const minutes: number[] = [];
      for (let m = fromMinute; m <= toMinute; m += 60_000) minutes.push(m);
      const found = await Promise.all(minutes.map((m) => queryIndexed(db, GSI1, keys.pushDueMinute(m))));
      return found.flat() as unknown as WaitingPush[];
    },

    /** Claims one for pushing: true for the one caller that takes it off the index. */
    async take(n: { pk: string; sk: string }, now: number): Promise<boolean> {
      return written(
        db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: { pk: n.pk, sk: n.sk },
            UpdateExpression: 'SET pushedAt = :now REMOVE gsi1pk, gsi1sk',
            ConditionExpression: 'attribute_exists(gsi1pk)',
            ExpressionAttributeValues: { ':now': now },
          }),
        ),
      );
    },
  };
}
