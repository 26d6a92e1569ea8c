/**
 * Threads and posts. A thread lives in its group's partition and is listed by last activity
 * (GSI1); its posts live in the thread's own partition, sorted by a time-ordered id, so a page
 * of posts is one Query from the last id seen: posts added meanwhile come after it, so paging
 * neither misses nor repeats one.
 * @module
 */

import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ContentWarning } from '../../core/threads';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { alreadyDone, ifWritten, isConditionFailure, written } from '../conditional';
import { keys } from '../keys';
import { queryPage } from '../paging';
import { SETTLE_MS } from '../settle';
import { GSI1, GSI2 } from '../table';
import { takeWindowSlot } from './accounts';
import { readerState } from './reader-state';
import { threadModeration } from './thread-moderation';
import { activity, leaveQueue, type PostRecord, type ThreadRecord } from './thread-records';

export function threadsRepo(db: Db) {
  const { doc, table } = db;
  const putPost = async (p: PostRecord) => {
    // A waiting post joins its group's queue first (the queue skips an entry whose post is
    // missing; a post that waits out of the queue's sight could wait for ever).
    if (p.pending) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.waiting(p.groupId, p.createdAt, p.postId), postId: p.postId },
        }),
      );
    }
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...keys.post(p.postId),
          ...p,
          [GSI2.partition]: keys.postsBy(p.authorId),
          [GSI2.sort]: p.postId,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  };
  return {
    ...threadModeration(db),
    ...readerState(db),
    /** Writes a new thread, after its first post (a crash between leaves no listed thread without it). */
    async putThread(t: ThreadRecord): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.thread(t.threadId),
            ...t,
            [GSI1.partition]: keys.threadsOf(t.groupId),
            [GSI1.sort]: activity(t.lastPostAt, t.threadId),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** Writes a post counted on its thread (after `putThread` or `countPost`). */
    putPost,

    /** Opens a session's thread (its id is the occurrence's); the one already there if any. */
    async openSessionThread(t: ThreadRecord): Promise<ThreadRecord> {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.thread(t.threadId),
              ...t,
              [GSI1.partition]: keys.threadsOf(t.groupId),
              [GSI1.sort]: activity(t.lastPostAt, t.threadId),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return t;
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        return (await this.getThread(t.threadId))!;
      }
    },

    async getThread(threadId: string): Promise<ThreadRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.thread(threadId) }));
      return (out.Item as ThreadRecord | undefined) ?? null;
    },

    /**
     * Counts a new post on an open thread whose pin is as read (its place in the list keeps the
     * pin); false when the thread is locked or its pin changed meanwhile (nothing written). The
     * post itself is written next (`putPost`): a crash between leaves a count one high, never a
     * post in a locked thread.
     */
    async countPost(p: PostRecord, pinned: boolean): Promise<boolean> {
      if (
        !(await written(
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.thread(p.threadId),
              UpdateExpression: 'SET lastPostAt = :at, #s = :s ADD postCount :one',
              ConditionExpression: `attribute_exists(pk) AND locked = :open AND ${pinned ? 'pinned = :yes' : '(attribute_not_exists(pinned) OR pinned = :no)'}`,
              ExpressionAttributeNames: { '#s': GSI1.sort },
              ExpressionAttributeValues: {
                ':at': p.createdAt,
                ':s': activity(p.createdAt, p.threadId, pinned),
                ':one': 1,
                ':open': false,
                [pinned ? ':yes' : ':no']: pinned,
              },
            }),
          ),
        ))
      )
        return false;
      return true;
    },

    /** A group's threads, most recently active first. */
    async listThreads(groupId: string, opts: { limit: number; cursor?: string }) {
      const partition = keys.threadsOf(groupId);
      const page = await queryPage(
        db,
        {
          IndexName: GSI1.name,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': GSI1.partition },
          ExpressionAttributeValues: { ':p': partition },
          ScanIndexForward: false,
        },
        {
          limit: opts.limit,
          cursor: opts.cursor,
          keyAttributes: ['pk', 'sk', GSI1.partition, GSI1.sort],
          partition: { attribute: GSI1.partition, value: partition },
        },
      );
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

    async getPost(postId: string): Promise<PostRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.post(postId) }));
      return (out.Item as PostRecord | undefined) ?? null;
    },

    /** The author's edit; null when the post is gone or not theirs (nothing written). */
    async editPost(
      postId: string,
      authorId: string,
      change: { body: string; contentWarnings?: ContentWarning[]; mayNeedSupport: boolean; at: number },
    ): Promise<PostRecord | null> {
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(postId),
            UpdateExpression: `SET body = :b, editedAt = :at, mayNeedSupport = :m${change.contentWarnings ? ', contentWarnings = :cw' : ''}`,
            ConditionExpression: 'authorId = :me AND attribute_not_exists(deleted)',
            ExpressionAttributeValues: {
              ':b': change.body,
              ':at': change.at,
              ':m': change.mayNeedSupport,
              ':me': authorId,
              ...(change.contentWarnings ? { ':cw': change.contentWarnings } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out ? (out.Attributes as PostRecord) : null;
    },

    /** The author deletes: the text is erased, a placeholder keeps the thread's shape. */
    async deletePost(postId: string, authorId: string, at: number): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(postId),
            UpdateExpression:
              'SET body = :empty, deleted = :yes, editedAt = :at, contentWarnings = :none REMOVE reactions',
            ConditionExpression: 'authorId = :me',
            ExpressionAttributeValues: {
              ':empty': '',
              ':yes': true,
              ':at': at,
              ':none': [],
              ':me': authorId,
            },
          }),
        ),
      );
    },

    /** Adds a professional's note under a post (at most five); false when it has five or is gone. */
    async addContextNote(postId: string, note: { by: string; body: string; at: number }): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(postId),
            UpdateExpression: 'SET contextNotes = list_append(if_not_exists(contextNotes, :none), :note)',
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(deleted) AND (attribute_not_exists(contextNotes) OR size(contextNotes) < :most)',
            ExpressionAttributeValues: { ':none': [], ':note': [note], ':most': 5 },
          }),
        ),
      );
    },

    /** Adds or takes back one member's reaction of one kind; idempotent. */
    async react(
      postId: string,
      userId: string,
      kind: string,
      reacted: boolean,
      at: number,
    ): Promise<PostRecord | null> {
      const names = { '#k': kind, '#u': userId };
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(postId),
            UpdateExpression: reacted ? 'SET reactions.#k.#u = :at' : 'REMOVE reactions.#k.#u',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deleted)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: reacted ? { ':at': at } : undefined,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out ? (out.Attributes as PostRecord) : null;
    },

    /** Takes a post out of its group's waiting queue (hidden or deleted instead of approved). */
    leaveQueue: (p: PostRecord) => leaveQueue(db, p),

    /**
     * Counts a post against the member's rate; false when the window is full (nothing counted).
     * The window restarts when it has passed.
     */
    async takePostSlot(
      userId: string,
      now: number,
      rate: { posts: number; windowMs: number },
    ): Promise<boolean> {
      return takeWindowSlot(db, keys.postRate(userId), 'posts', now, {
        max: rate.posts,
        windowMs: rate.windowMs,
      });
    },
  };
}

export type ThreadsRepo = ReturnType<typeof threadsRepo>;
