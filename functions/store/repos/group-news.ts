/**
 * Who in a group wants to hear of its new meetups: a set on the group's item, read with the
 * group when a meetup is scheduled, changed by one write each way.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { alreadyDone } from '../conditional';
import { keys } from '../keys';

export function groupNewsRepo(db: Db) {
  const change = (groupId: string, userId: string, op: 'ADD' | 'DELETE') =>
    db.doc
      .send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.group(groupId),
          UpdateExpression: `${op} meetupNews :u`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':u': new Set([userId]) },
        }),
      )
      .then(() => undefined, alreadyDone); // the group is gone: nothing to hear of
  return {
    follow: (groupId: string, userId: string) => change(groupId, userId, 'ADD'),
    unfollow: (groupId: string, userId: string) => change(groupId, userId, 'DELETE'),
  };
}
