/**
 * Threads and posts. A thread lives in its group's partition and is listed by last activity
 * (GSI1); its posts live in the thread's own partition, sorted by a time-ordered id, so a page
 * of posts is one Query from the last id seen: posts added meanwhile come after it, so paging
 * neither misses nor repeats one.
 * @module
 */

import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RegionCode } from '../../core/crisis-lines';
import type { LogAction } from '../../core/moderation-log';
import type { ContentWarning } from '../../core/threads';
import { deleteMany, getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { alreadyDone, ifWritten, isConditionFailure, written } from '../conditional';
import { keys } from '../keys';
import { queryPage } from '../paging';
import { SETTLE_MS } from '../settle';
import { GSI1, GSI2 } from '../table';
import { takeWindowSlot } from './accounts';

export interface ThreadRecord {
  threadId: string;
  groupId: string;
  title: string;
  authorId: string;
  createdAt: number;
  lastPostAt: number;
  postCount: number;
  locked: boolean;
  /** Pinned by a moderator: listed first. */
  pinned?: boolean;
  /** Its opening post was hidden: seen by its author and moderators only. */
  hidden?: { by: string; reason: string; at: number };
  /** Started by a post still waiting for a moderator: seen by its author and moderators only. */
  pending?: boolean;
  /** A session's thread: its id is the occurrence's. */
  occurrenceId?: string;
  /** The posts counted from the items themselves, up to and including `through` (a post's key). */
  checked?: { count: number; through: string };
}

export interface PostRecord {
  postId: string;
  threadId: string;
  groupId: string;
  authorId: string;
  body: string;
  contentWarnings: ContentWarning[];
  createdAt: number;
  mayNeedSupport: boolean;
  hidden?: { by: string; reason: string; at: number };
  editedAt?: number;
  deleted?: boolean;
  /** Waiting for a moderator (a new member's first posts in an approval group). */
  pending?: boolean;
  /** The post this one answers. */
  replyTo?: string;
  /** kind → who reacted → when. */
  reactions?: Record<string, Record<string, number>>;
  /** Notes verified professionals added under the post, shown to everyone who sees it. */
  contextNotes?: { by: string; body: string; at: number }[];
}

/** Reading preferences: labels kept folded (absent: all), and the region for crisis lines. */
export interface Prefs {
  collapse?: ContentWarning[];
  region?: RegionCode | null;
}

export interface FollowRecord {
  threadId: string;
  groupId: string;
  following: boolean;
  at: number;
}

export interface MuteRecord {
  groupId: string;
  userId: string;
  at: number;
}

export interface AuditRecord {
  groupId: string;
  actorId: string;
  action: LogAction;
  target: string;
  reason: string;
  at: number;
}

/** A post id: the thread's id, the time in ms (base 36, fixed width) and 6 random characters. */
export const newPostId = (threadId: string, now: number) =>
  `${threadId}${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url').slice(0, 6)}`;

/** A moderation log entry as stored; `id` makes writing the same entry again harmless. */
export const auditItem = (a: AuditRecord, id = randomBytes(6).toString('base64url')) => ({
  ...keys.audit(a.groupId, a.at, id),
  ...a,
});

/**
 * A post's items as stored: the post (with its author's index entry, so erasing an account finds
 * it) and, for a post waiting for a moderator, its place in the group's queue.
 */
export const postItems = (p: PostRecord): Record<string, unknown>[] => [
  // The queue's entry before the post (dynalite writes a batch in order; the queue skips an entry
  // whose post is missing), so a waiting post is never out of the moderators' sight.
  ...(p.pending ? [{ ...keys.waiting(p.groupId, p.createdAt, p.postId), postId: p.postId }] : []),
  { ...keys.post(p.postId), ...p, [GSI2.partition]: keys.postsBy(p.authorId), [GSI2.sort]: p.postId },
];

/** A thread's place in its group's list, newest activity first; pinned ones sort above all. */
const activity = (at: number, threadId: string, pinned = false) =>
  `${pinned ? 'PIN#' : ''}${new Date(at).toISOString()}#${threadId}`;

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
  const leaveQueue = (p: PostRecord) =>
    doc.send(new DeleteCommand({ TableName: table, Key: keys.waiting(p.groupId, p.createdAt, p.postId) }));
  return {
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
          ExpressionAttributeValues: { ':p': partition, ':post': 'POST#' },
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
              ':from': checked ? `${checked.through}\u0000` : 'POST#',
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

    /**
     * Records whether a member follows a thread. `onlyIfUnset` leaves an earlier choice alone
     * (posting follows a thread unless the member chose not to).
     */
    async setFollow(userId: string, f: FollowRecord, onlyIfUnset = false): Promise<void> {
      await written(
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.follow(userId, f.threadId), ...f },
            ...(onlyIfUnset ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
          }),
        ),
      );
    },

    /** A member's choices about following, followed or not (at most `limit`). */
    async listFollows(userId: string, limit = 200): Promise<FollowRecord[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :f)',
          ExpressionAttributeValues: { ':p': `USER#${userId}`, ':f': 'FOLLOW#' },
          Limit: limit,
        }),
      );
      return (out.Items ?? []) as FollowRecord[];
    },

    /** Forgets a member's follow and reading place in threads that are gone. */
    async forgetThreads(userId: string, threadIds: string[]): Promise<void> {
      await deleteMany(
        db,
        threadIds.flatMap((t) => [keys.follow(userId, t), keys.readState(userId, t)]),
      );
    },

    /** A member's reading preferences, as far as they chose them. */
    async getPrefs(userId: string): Promise<Prefs> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.prefs(userId) }));
      return { collapse: out.Item?.collapse, region: out.Item?.region };
    },

    async setPrefs(userId: string, prefs: Prefs): Promise<Prefs> {
      const set = Object.entries(prefs).filter(([, v]) => v !== undefined);
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.prefs(userId),
          UpdateExpression: `SET ${set.map(([k]) => `#${k} = :${k}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(set.map(([k]) => [`#${k}`, k])),
          ExpressionAttributeValues: Object.fromEntries(set.map(([k, v]) => [`:${k}`, v])),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { collapse: out.Attributes?.collapse, region: out.Attributes?.region };
    },

    /** How many posts of each thread the member has seen (0 for threads never opened). */
    async seenCounts(userId: string, threadIds: string[]): Promise<Map<string, number>> {
      const items = await getMany(
        db,
        threadIds.map((t) => keys.readState(userId, t)),
        { only: [['threadId'], ['seen']] },
      );
      return new Map([...items.values()].map((i) => [i.threadId as string, i.seen as number]));
    },

    /** The member has seen the thread up to `seen` posts (never goes back). */
    async markSeen(userId: string, threadId: string, seen: number): Promise<void> {
      await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.readState(userId, threadId),
            UpdateExpression: 'SET seen = :n, threadId = :t',
            ConditionExpression: 'attribute_not_exists(seen) OR seen < :n',
            ExpressionAttributeValues: { ':n': seen, ':t': threadId },
          }),
        ),
      );
    },

    /** Whom a member has muted: mute id → group and member. */
    async getMutes(userId: string): Promise<Record<string, MuteRecord>> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.mutes(userId) }));
      return (out.Item?.muted as Record<string, MuteRecord> | undefined) ?? {};
    },

    async setMute(userId: string, muteId: string, mute: MuteRecord | null): Promise<void> {
      const names = { '#m': muteId };
      if (mute) {
        // The map is made on first use; both writes are idempotent.
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.mutes(userId),
            UpdateExpression: 'SET muted = if_not_exists(muted, :empty)',
            ExpressionAttributeValues: { ':empty': {} },
          }),
        );
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.mutes(userId),
            UpdateExpression: 'SET muted.#m = :mute',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ':mute': mute },
          }),
        );
      } else {
        await written(
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.mutes(userId),
              UpdateExpression: 'REMOVE muted.#m',
              ConditionExpression: 'attribute_exists(muted)',
              ExpressionAttributeNames: names,
            }),
          ),
        );
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
      await leaveQueue(post);
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
              ':s': activity(lastPostAt, threadId, pinned),
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

    /** Takes a post out of its group's waiting queue (hidden or deleted instead of approved). */
    leaveQueue,

    /** A group's moderation log, newest first; its waiting posts, oldest first. */
    async listLog<T>(groupId: string, kind: 'AUDIT' | 'WAIT', opts: { limit: number; cursor?: string }) {
      const pk = keys.group(groupId).pk;
      const page = await queryPage(
        db,
        {
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :kind)',
          ExpressionAttributeValues: { ':p': pk, ':kind': `${kind}#` },
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
