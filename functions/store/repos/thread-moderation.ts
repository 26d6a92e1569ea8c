/**
 * What moderators do to posts and threads: hide and restore, approve a waiting post, pin, lock,
 * and the moderation log (each action, and the queue of waiting posts).
 * @module
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { alreadyDone, written } from '../conditional';
import { keys } from '../keys';
import { queryPage } from '../paging';
import { GSI1 } from '../table';
import type { AuditRecord, PostRecord } from './thread-records';
import { auditItem, leaveQueue } from './thread-records';

export function threadModeration(db: Db) {
  const { doc, table } = db;
  return {
    /** Hides a post (with who and why) or restores it (`hidden` null). */
    async setHidden(
      post: Pick<PostRecord, 'postId' | 'threadId' | 'authorId' | 'createdAt'>,
      hidden: PostRecord['hidden'] | null,
    ): Promise<void> {
      // `hidden` is one of DynamoDB's reserved words.
      const change = {
        UpdateExpression: hidden ? 'SET #hidden = :h' : 'REMOVE #hidden',
        ExpressionAttributeNames: { '#hidden': 'hidden' },
      };
      const onPost = () =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(post.postId),
            ...change,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: hidden ? { ':h': hidden } : undefined,
          }),
        );
      // The post that opened a thread takes its thread with it: others see neither, as for a
      // thread whose first post waits (the thread's start and author say which post opened it).
      // Hiding starts with the thread and restoring ends with it, so a crash between the two
      // writes errs on the hidden side.
      const onThread = () =>
        doc
          .send(
            new UpdateCommand({
              TableName: table,
              Key: keys.thread(post.threadId),
              ...change,
              ConditionExpression: 'createdAt = :c AND authorId = :a',
              ExpressionAttributeValues: {
                ':c': post.createdAt,
                ':a': post.authorId,
                ...(hidden ? { ':h': hidden } : {}),
              },
            }),
          )
          .catch(alreadyDone);
      if (hidden) {
        await onThread();
        await onPost();
      } else {
        await onPost();
        await onThread();
      }
    },

    /** A moderator lets a waiting post (and the thread it started) be seen. */
    async approvePost(post: PostRecord): Promise<void> {
      // Shown first, then out of the queue: a crash between leaves an entry the queue skips.
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.post(post.postId),
          UpdateExpression: 'REMOVE pending',
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
      await leaveQueue(db, post);
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.thread(post.threadId),
            UpdateExpression: 'REMOVE pending',
            ConditionExpression: 'attribute_exists(pk) AND authorId = :a',
            ExpressionAttributeValues: { ':a': post.authorId },
          }),
        )
        .catch(alreadyDone);
    },

    /** Pins or unpins a thread, as last active at `lastPostAt`; false when a post came meanwhile. */
    async setPinned(threadId: string, pinned: boolean, lastPostAt: number): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.thread(threadId),
            UpdateExpression: 'SET pinned = :p, #s = :s',
            ConditionExpression: 'attribute_exists(pk) AND lastPostAt = :last',
            ExpressionAttributeNames: { '#s': GSI1.sort },
            ExpressionAttributeValues: {
              ':p': pinned,
              ':s': keys.threadActivity(lastPostAt, threadId, pinned),
              ':last': lastPostAt,
            },
          }),
        ),
      );
    },

    async setLocked(threadId: string, locked: boolean): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.thread(threadId),
          UpdateExpression: 'SET locked = :l',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':l': locked },
        }),
      );
    },

    /** Adds a log entry; `id` makes writing the same entry again (a retried job) harmless. */
    async addAudit(a: AuditRecord, id?: string): Promise<void> {
      await doc.send(new PutCommand({ TableName: table, Item: auditItem(a, id) }));
    },

    /** A group's moderation log, newest first; its waiting posts, oldest first. */
    async listLog<T>(groupId: string, kind: 'AUDIT' | 'WAIT', opts: { limit: number; cursor?: string }) {
      const pk = keys.group(groupId).pk;
      const page = await queryPage(
        db,
        {
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :kind)',
          ExpressionAttributeValues: {
            ':p': pk,
            ':kind': kind === 'AUDIT' ? keys.prefix.audit : keys.prefix.waiting,
          },
          ScanIndexForward: kind === 'WAIT',
        },
        {
          limit: opts.limit,
          cursor: opts.cursor,
          keyAttributes: ['pk', 'sk'],
          partition: { attribute: 'pk', value: pk },
        },
      );
      return { items: page.items as unknown as T[], nextCursor: page.nextCursor };
    },
  };
}
