/**
 * What the discussions store keeps: threads, posts, each member's follows, mutes and
 * preferences, and the moderation log; the items a post is written as.
 * @module
 */

import { randomBytes } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { RegionCode } from '../../core/crisis-lines';
import type { Locale } from '../../core/i18n/locales';
import type { NoticeWords } from '../../core/i18n/notices';
import type { LogAction } from '../../core/moderation-log';
import type { ContentWarning } from '../../core/threads';
import type { Prefetch } from '../batch';
import type { Db } from '../client';
import { groupOf, keys } from '../keys';
import { GSI2 } from '../table';

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
  /** The language it is written in (absent on posts from before Hearth spoke more than English). */
  language?: Locale;
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
  /** Hearth's own entries: the reason, to be worded in the reader's language. */
  said?: NoticeWords;
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

/** Takes a post off its group's queue of posts waiting for a moderator. */
export const leaveQueue = (db: Db, p: PostRecord) =>
  db.doc.send(
    new DeleteCommand({ TableName: db.table, Key: keys.waiting(p.groupId, p.createdAt, p.postId) }),
  );

/**
 * The `prefetch` of a thread's routes: its group, the caller's membership, the thread, and the
 * caller's mutes, read state and follow choice, all with the session in one round trip.
 */
export const forThread = (params: { threadId: string }, userId: string): Prefetch => ({
  keys: [
    keys.group(groupOf(params.threadId)),
    keys.member(groupOf(params.threadId), userId),
    keys.thread(params.threadId),
    keys.mutes(userId),
    keys.readState(userId, params.threadId),
    keys.follow(userId, params.threadId),
  ],
});
