/**
 * Finding and erasing what a group keeps no longer, by key (never a Scan), in bounded steps that
 * can stop anywhere and be run again:
 * - a thread goes posts first (with their queue entries), then its posts' reports, the thread
 *   item last, so a step cut short leaves the thread listed and the next run finds it again;
 * - a meetup keeps its card and numbers and loses its names: its lines, who checked in, its
 *   roster, and each person's calendar-feed record of their answer.
 * @module
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { type Key, keys } from '../keys';
import { queryAll, queryIndexed, sortRange } from '../paging';
import { GSI2 } from '../table';
import { discussionRetention } from './discussion-retention';
import { feedsRepo } from './feeds';

/** Where the job keeps the last day it saw to. */
const CURSOR: Key = keys.retentionCursor;

export function retentionRepo(db: Db) {
  const { doc, table } = db;

  return {
    ...discussionRetention(db),
    /** Occurrences that started on a UTC day (`yyyy-mm-dd`), in every group. */
    async occurrencesOn(day: string): Promise<string[]> {
      const items = await queryAll(db, {
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': keys.dayOf(day) },
      });
      return items.map((i) => (i.sk as string).slice((i.sk as string).indexOf('#') + 1));
    },

    /** Groups whose owners shortened how long meetups keep names, since the last sweep. */
    async groupsToSweep(): Promise<string[]> {
      return (await queryIndexed(db, GSI2, keys.sweepPartition)).map((g) =>
        keys.groupIdOfPartition(g.pk as string),
      );
    },

    /** The group's past occurrences that started before `before`, oldest first. */
    async pastOccurrences(groupId: string, before: number): Promise<string[]> {
      const items = await queryAll(db, {
        ...sortRange(GSI2, keys.scheduleOf(groupId), { below: new Date(before).toISOString() }),
        ProjectionExpression: 'sk',
      });
      return items.map((i) => keys.occurrenceIdOfSort(i.sk as string));
    },

    async sweepDone(groupId: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.group(groupId),
          UpdateExpression: 'REMOVE attendanceSweep, #p, #s',
          ExpressionAttributeNames: { '#p': GSI2.partition, '#s': GSI2.sort },
        }),
      );
    },

    /** The last day whose meetups' anniversaries were all seen to (`yyyy-mm-dd`), if any. */
    async lastDaySeen(): Promise<string | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: CURSOR }));
      return (out.Item?.day as string | undefined) ?? null;
    },

    async sawDay(day: string): Promise<void> {
      await doc.send(new PutCommand({ TableName: table, Item: { ...CURSOR, day } }));
    },

    /** Erases the names a past occurrence keeps, once (it is marked); false when there was nothing to do. */
    async eraseNames(occurrenceId: string, now: number): Promise<boolean> {
      const key = keys.occurrence(occurrenceId);
      const out = await doc.send(
        new GetCommand({
          TableName: table,
          Key: key,
          ProjectionExpression: 'lineInPerson, lineOnline, attendance, #roster, namesErasedAt',
          ExpressionAttributeNames: { '#roster': 'roster' },
        }),
      );
      const o = out.Item;
      if (!o || o.namesErasedAt) return false;
      const line = (l: unknown) => Object.keys((l as Record<string, number> | undefined) ?? {});
      const people = new Set([...line(o.lineInPerson), ...line(o.lineOnline)]);
      // Each person's feed forgets their answer first: a stop half-way leaves the names to find again.
      const feeds = feedsRepo(db);
      await Promise.all([...people].map((userId) => feeds.forget(userId, occurrenceId)));
      const checkedIn = (o.attendance?.checkedIn as string[] | undefined) ?? [];
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: key,
          UpdateExpression: `SET lineInPerson = :none, lineOnline = :none, namesErasedAt = :now${
            o.attendance ? ', attendance.checkedIn = :nobody, attendance.checkedInCount = :count' : ''
          } REMOVE #roster`,
          ExpressionAttributeNames: { '#roster': 'roster' },
          ExpressionAttributeValues: {
            ':none': {},
            ':now': now,
            ...(o.attendance ? { ':nobody': [], ':count': checkedIn.length } : {}),
          },
        }),
      );
      return true;
    },
  };
}
