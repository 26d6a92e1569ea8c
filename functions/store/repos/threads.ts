/**
 * Threads and posts. A thread lives in its group's partition and is listed by last activity
 * (GSI1); its posts live in the thread's own partition, sorted by a time-ordered id, so a page
 * of posts is one Query from the last id seen: posts added meanwhile come after it, so paging
 * neither misses nor repeats one.
 * @module
 */

import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import { GSI1, GSI2 } from '../table';
import { takeWindowSlot } from './account-records';
import { postChanges } from './post-changes';
import { readerState } from './reader-state';
import { threadModeration } from './thread-moderation';
import { threadPages } from './thread-pages';
import { leaveQueue, type PostRecord, type ThreadRecord } from './thread-records';

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
  /** A thread's item, listed in its group by last activity (GSI1); refused if it exists. */
  const putNewThread = (t: ThreadRecord) =>
    doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...keys.thread(t.threadId),
          ...t,
          [GSI1.partition]: keys.threadsOf(t.groupId),
          [GSI1.sort]: keys.threadActivity(t.lastPostAt, t.threadId),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  return {
    ...threadPages(db),
    ...postChanges(db),
    ...threadModeration(db),
    ...readerState(db),
    /** Writes a new thread, after its first post (a crash between leaves no listed thread without it). */
    async putThread(t: ThreadRecord): Promise<void> {
      await putNewThread(t);
    },

    /** Writes a post counted on its thread (after `putThread` or `countPost`). */
    putPost,

    /** Opens a session's thread (its id is the occurrence's); the one already there if any. */
    async openSessionThread(t: ThreadRecord): Promise<ThreadRecord> {
      if (await written(putNewThread(t))) return t;
      return (await this.getThread(t.threadId))!;
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
                ':s': keys.threadActivity(p.createdAt, p.threadId, pinned),
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

    async getPost(postId: string): Promise<PostRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.post(postId) }));
      return (out.Item as PostRecord | undefined) ?? null;
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
