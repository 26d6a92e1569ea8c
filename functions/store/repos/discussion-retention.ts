/**
 * What the retention job reads and erases of discussions a group keeps for a while: the groups
 * that do, their threads quiet since the cut-off, and a thread erased a budget of items at a time.
 * @module
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { deleteMany } from '../batch';
import type { Db } from '../client';
import { type Key, keys } from '../keys';
import { queryIndexed, sortRange } from '../paging';
import { GSI1 } from '../table';

export function discussionRetention(db: Db) {
  const { doc, table } = db;
  return {
    /** Groups that keep their discussions for a while, with how long. */
    async groupsKeepingDiscussions(): Promise<{ groupId: string; months: number }[]> {
      return (await queryIndexed(db, GSI1, keys.retainingPartition)).map((g) => ({
        groupId: g.groupId as string,
        months: g.discussionMonths as number,
      }));
    },

    /** Threads of a group whose last post was before `before`, oldest first (pinned ones never). */
    async threadsQuietSince(groupId: string, before: number, limit: number): Promise<string[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          // Pinned threads sort under 'PIN#', after every date: below a date, none is pinned.
          ...sortRange(GSI1, keys.threadsOf(groupId), { below: new Date(before).toISOString() }),
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
  };
}
