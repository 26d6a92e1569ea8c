/**
 * Finding and erasing what a group keeps no longer, by key (never a Scan), in bounded steps that
 * can stop anywhere and be run again:
 * - a thread goes posts first (with their queue entries), then its posts' reports, the thread
 *   item last, so a step cut short leaves the thread listed and the next run finds it again;
 * - a meetup keeps its card and numbers and loses its names: its lines, who checked in, its
 *   roster, and each person's calendar-feed record of their answer.
 * @module
 */
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { deleteMany } from '../batch';
import type { Db } from '../client';
import { type Key, keys } from '../keys';
import { GSI1, GSI2 } from '../table';
import { feedsRepo } from './feeds';

/** Where the job keeps the last day it saw to. */
const CURSOR: Key = keys.retentionCursor;

export function retentionRepo(db: Db) {
  const { doc, table } = db;

  /** Every item a query finds, page after page. */
  async function all(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(new QueryCommand({ ...input, TableName: table, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
  const indexed = (index: typeof GSI1 | typeof GSI2, partition: string) =>
    all({
      IndexName: index.name,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': index.partition },
      ExpressionAttributeValues: { ':p': partition },
    });

  return {
    /** Groups that keep their discussions for a while, with how long. */
    async groupsKeepingDiscussions(): Promise<{ groupId: string; months: number }[]> {
      return (await indexed(GSI1, keys.retainingPartition)).map((g) => ({
        groupId: g.groupId as string,
        months: g.discussionMonths as number,
      }));
    },

    /** Threads of a group whose last post was before `before`, oldest first (pinned ones never). */
    async threadsQuietSince(groupId: string, before: number, limit: number): Promise<string[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: GSI1.name,
          // Pinned threads sort under 'PIN#', after every date: below a date, none is pinned.
          KeyConditionExpression: '#p = :p AND #s < :before',
          ExpressionAttributeNames: { '#p': GSI1.partition, '#s': GSI1.sort },
          ExpressionAttributeValues: {
            ':p': keys.threadsOf(groupId),
            ':before': new Date(before).toISOString(),
          },
          ProjectionExpression: 'threadId',
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((t) => t.threadId as string);
    },

    /**
     * Erases up to `budget` items of a thread: its posts with their queue and report entries,
     * then, once none is left, the thread. Returns how many items went and whether it is gone.
     */
    async eraseThread(threadId: string, budget: number): Promise<{ erased: number; done: boolean }> {
      let erased = 0;
      for (;;) {
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': keys.postsOf(threadId) },
            ProjectionExpression: 'pk, sk, postId, groupId, createdAt, pending',
            Limit: Math.max(1, Math.min(100, Math.floor((budget - erased) / 2))),
          }),
        );
        const posts = out.Items ?? [];
        if (posts.length === 0) break;
        const gone: Key[] = posts.flatMap((p) => [
          { pk: p.pk as string, sk: p.sk as string },
          ...(p.pending
            ? [keys.waiting(p.groupId as string, p.createdAt as number, p.postId as string)]
            : []),
        ]);
        await deleteMany(db, gone);
        erased += gone.length;
        if (!out.LastEvaluatedKey) break; // that was the last of them
        if (erased >= budget) return { erased, done: false };
      }
      // Reports of its posts (a post id begins with its thread's), then the thread itself.
      const thread = keys.thread(threadId);
      const reports = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :r)',
          ExpressionAttributeValues: { ':p': thread.pk, ':r': `${keys.reportedPrefix}${threadId}` },
          ProjectionExpression: 'pk, sk',
        }),
      );
      const last = [...((reports.Items ?? []) as Key[]), thread];
      await deleteMany(db, last);
      return { erased: erased + last.length, done: true };
    },

    /** Occurrences that started on a UTC day (`yyyy-mm-dd`), in every group. */
    async occurrencesOn(day: string): Promise<string[]> {
      const items = await all({
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': keys.dayOf(day) },
      });
      return items.map((i) => (i.sk as string).slice((i.sk as string).indexOf('#') + 1));
    },

    /** Groups whose owners shortened how long meetups keep names, since the last sweep. */
    async groupsToSweep(): Promise<string[]> {
      return (await indexed(GSI2, keys.sweepPartition)).map((g) => keys.groupIdOfPartition(g.pk as string));
    },

    /** The group's past occurrences that started before `before`, oldest first. */
    async pastOccurrences(groupId: string, before: number): Promise<string[]> {
      const items = await all({
        IndexName: GSI2.name,
        KeyConditionExpression: '#p = :p AND #s < :before',
        ExpressionAttributeNames: { '#p': GSI2.partition, '#s': GSI2.sort },
        ExpressionAttributeValues: {
          ':p': keys.scheduleOf(groupId),
          ':before': new Date(before).toISOString(),
        },
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
