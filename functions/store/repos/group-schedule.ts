/**
 * What a group's own item says of its meetups, for its directory card and its calendar: the
 * schedule's version (each change bumps it), how it meets, and who is on duty next.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Meets } from '../../core/meetups';
import type { Db } from '../client';
import { ifWritten, written } from '../conditional';
import { keys } from '../keys';
import { directoryRepo } from './directory';
import { fromItem, type GroupRecord } from './group-records';

export function groupSchedule(db: Db) {
  const { doc, table } = db;
  const directory = directoryRepo(db);
  return {
    /** Bumps the schedule's version; returns the new one. */
    async touchSchedule(groupId: string, now: number): Promise<number> {
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.group(groupId),
          UpdateExpression: 'SET scheduleChangedAt = :now ADD scheduleVersion :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':now': now, ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return out.Attributes!.scheduleVersion as number;
    },

    /**
     * Records how the group meets, as read after the schedule's version became `version`. A read
     * made after a later bump sees at least as much, so a summary never overwrites one read later.
     */
    async setMeets(groupId: string, version: number, meets: Meets | null): Promise<void> {
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.group(groupId),
            UpdateExpression: 'SET meets = :m, meetsVersion = :v',
            ConditionExpression:
              'attribute_exists(pk) AND (attribute_not_exists(meetsVersion) OR meetsVersion < :v)',
            ExpressionAttributeValues: { ':m': meets, ':v': version },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      if (!out) return;
      await directory.followMeets(fromItem(out.Attributes!), version);
    },

    /** Keeps which meetup is on duty, as read at a schedule version (refused once it changed). */
    async setDutyHint(groupId: string, hint: NonNullable<GroupRecord['dutyHint']>): Promise<void> {
      await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.group(groupId),
            UpdateExpression: 'SET dutyHint = :h',
            ConditionExpression: `attribute_exists(pk) AND ${hint.version ? 'scheduleVersion = :v' : 'attribute_not_exists(scheduleVersion)'}`,
            ExpressionAttributeValues: { ':h': hint, ...(hint.version ? { ':v': hint.version } : {}) },
          }),
        ),
      );
    },
  };
}
