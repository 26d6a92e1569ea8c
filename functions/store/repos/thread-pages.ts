/**
 * Reading discussions page by page: a group's threads by activity, a thread's posts in order
 * (its count checked against them when a reader reaches the end), and posts and threads by id.
 * @module
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { alreadyDone } from '../conditional';
import { keys } from '../keys';
import { gsi1Page, queryPage } from '../paging';
import { SETTLE_MS } from '../settle';
import { GSI2 } from '../table';
import type { PostRecord, ThreadRecord } from './thread-records';

export function threadPages(db: Db) {
  const { doc, table } = db;
  return {
    /** A group's threads, most recently active first. */
    async listThreads(groupId: string, opts: { limit: number; cursor?: string }) {
      const page = await gsi1Page(db, keys.threadsOf(groupId), opts);
      return { items: page.items as unknown as ThreadRecord[], nextCursor: page.nextCursor };
    },

    /** A thread's posts, oldest first, from after the cursor. */
    async listPosts(threadId: string, opts: { limit: number; cursor?: string }) {
      const partition = keys.postsOf(threadId);
      const page = await queryPage(
        db,
        {
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :post)',
          ExpressionAttributeValues: { ':p': partition, ':post': keys.prefix.post },
        },
        {
          limit: opts.limit,
          cursor: opts.cursor,
          keyAttributes: ['pk', 'sk'],
          partition: { attribute: 'pk', value: partition },
        },
      );
      return { items: page.items as unknown as PostRecord[], nextCursor: page.nextCursor };
    },

    /**
     * A thread's count, checked against its posts once they have settled (a crash between a
     * post's count and the post itself leaves them apart: this is where that is repaired). Counts
     * only the posts since the last check, writes only when the count was wrong or the check has
     * come far, and returns the thread's true count. `newest`: its newest post, as just read.
     */
    async checkCount(thread: ThreadRecord, newest: PostRecord, now: number): Promise<number> {
      const settled = now - thread.lastPostAt >= SETTLE_MS && now - newest.createdAt >= SETTLE_MS;
      const through = keys.post(newest.postId).sk;
      const { checked } = thread;
      if (!settled || (checked?.through === through && checked.count === thread.postCount))
        return thread.postCount;
      let counted = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :p AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':p': keys.postsOf(thread.threadId),
              ':from': checked ? `${checked.through}\u0000` : keys.prefix.post,
              ':to': through,
            },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        );
        counted += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      const count = (checked?.count ?? 0) + counted;
      if (count !== thread.postCount || counted > 50) {
        await doc
          .send(
            new UpdateCommand({
              TableName: table,
              Key: keys.thread(thread.threadId),
              UpdateExpression: 'SET postCount = :count, checked = :checked',
              // Nothing posted since it was read: a post in flight would be counted twice.
              ConditionExpression: 'lastPostAt = :last AND postCount = :was',
              ExpressionAttributeValues: {
                ':count': count,
                ':checked': { count, through },
                ':last': thread.lastPostAt,
                ':was': thread.postCount,
              },
            }),
          )
          .catch(alreadyDone);
      }
      return count;
    },

    /** Posts by id, in the order asked (those that exist). */
    async getPosts(postIds: string[]): Promise<Map<string, PostRecord>> {
      const found = await getMany(db, postIds.map(keys.post));
      const out = new Map<string, PostRecord>();
      for (const id of postIds) {
        const item = found.get(keyOf(keys.post(id))) as PostRecord | undefined;
        if (item) out.set(id, item);
      }
      return out;
    },

    async getThreads(threadIds: string[]): Promise<Map<string, ThreadRecord>> {
      const found = await getMany(db, threadIds.map(keys.thread));
      return new Map(
        threadIds.flatMap((id) => {
          const t = found.get(keyOf(keys.thread(id))) as ThreadRecord | undefined;
          return t ? [[id, t] as const] : [];
        }),
      );
    },

    /** Every post a member ever wrote, anywhere (ids only, page by page). */
    async postIdsBy(userId: string): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await queryPage(
          db,
          {
            IndexName: GSI2.name,
            KeyConditionExpression: '#p = :p',
            ExpressionAttributeNames: { '#p': GSI2.partition },
            ExpressionAttributeValues: { ':p': keys.postsBy(userId) },
          },
          {
            limit: 500,
            cursor,
            keyAttributes: ['pk', 'sk', GSI2.partition, GSI2.sort],
            partition: { attribute: GSI2.partition, value: keys.postsBy(userId) },
          },
        );
        ids.push(...page.items.map((i) => i[GSI2.sort] as string));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    },
  };
}
