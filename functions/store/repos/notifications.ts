/**
 * In-app notifications, one item each under the member's partition, newest first. They last 28
 * days: a notice may name a thread, and no group keeps a thread less than a month after its last
 * post (core/retention), so no notice outlives what it names. Reads skip expired ones by key
 * (DynamoDB deletes them late, dynalite never).
 * @module
 */
import { createHash } from 'node:crypto';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeWords } from '../../core/i18n/notices';
import type { NotificationKind, NotificationPage } from '../../core/notifications';
import { putMany } from '../batch';
import type { Db } from '../client';
import { written } from '../conditional';
import { newId } from '../ids';
import { type Key, keys } from '../keys';
import { queryPage } from '../paging';

export interface NotificationRecord {
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  /** What it says, worded in each reader's language when read (core/i18n/notices). */
  notice?: NoticeWords;
  /** What it said in English, on notifications from before notices were kept by key. */
  text?: string;
  /** The meetup it is about, if any. */
  occurrenceId?: string;
  groupId: string;
  /** Where it sends the member, when not the meetup's page (see core/notifications). */
  page?: NotificationPage;
  /** The conversation, thread or request it is about, for `page`. */
  ref?: string;
  createdAt: string;
  read: boolean;
}

export const KEEP_DAYS = 28;
/** The key range of a member's notifications still alive at `now`. */
const alive = (now: number) => ({
  ':from': `${keys.notificationPrefix}${new Date(now - KEEP_DAYS * 86_400_000).toISOString()}`,
  ':to': `${keys.notificationPrefix}\uffff`,
});

export function notificationsRepo(db: Db) {
  const { doc, table } = db;
  /** A member's unread notifications among their newest 100 (older ones are neither counted nor marked). */
  const newestUnread = (userId: string, now: number) => ({
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    FilterExpression: '#read = :false',
    ExpressionAttributeNames: { '#read': 'read' },
    ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ...alive(now), ':false': false },
    ScanIndexForward: false,
    Limit: 100,
  });
  /** Marks one notification read; false when it is gone (expired). */
  const markKeyRead = async (key: { pk: string; sk: string }): Promise<boolean> => {
    return written(
      doc.send(
        new UpdateCommand({
          TableName: table,
          Key: key,
          UpdateExpression: 'SET #read = :true',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#read': 'read' },
          ExpressionAttributeValues: { ':true': true },
        }),
      ),
    );
  };
  return {
    /**
     * Writes notifications. `once` names the event they announce: the same event told again (a
     * job retried) writes the same items, so nobody gets it twice. `alongside`: other items to
     * write in the same batch (a log entry about the same event).
     */
    async notify(
      notes: Omit<NotificationRecord, 'notificationId' | 'read' | 'createdAt'>[],
      now: number,
      once?: string,
      alongside: Record<string, unknown>[] = [],
    ): Promise<Key[]> {
      const createdAt = new Date(now).toISOString();
      const items = notes.map((n) => {
        const suffix = once
          ? createHash('sha256').update(`${once}:${n.userId}`).digest('base64url').slice(0, 22)
          : newId();
        const notificationId = `${createdAt.replace(/[-:.TZ]/g, '')}${suffix}`;
        return {
          ...keys.notification(n.userId, createdAt, notificationId),
          ...keys.pushDue(createdAt, n.userId, notificationId),
          ...n,
          notificationId,
          createdAt,
          read: false,
          ttl: Math.ceil(now / 1000) + KEEP_DAYS * 86400,
        };
      });
      await putMany(db, [...items, ...alongside]);
      return items.map(({ pk, sk }) => ({ pk, sk }));
    },

    /**
     * A notice that must exist once whoever writes it (a reminder): named by `once` and dated
     * `at`, written only if it is not there. True for the one caller that wrote it. Not on the
     * push index unless `queued`: whoever writes it pushes it.
     */
    async notifyOnce(
      n: Omit<NotificationRecord, 'notificationId' | 'read' | 'createdAt'>,
      at: number,
      once: string,
      /** Put it on the push index, for the push job to send (its writer does not push it). */
      queued = false,
    ): Promise<boolean> {
      const createdAt = new Date(at).toISOString();
      const notificationId = `${createdAt.replace(/[-:.TZ]/g, '')}${createHash('sha256').update(once).digest('base64url').slice(0, 22)}`;
      return written(
        doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.notification(n.userId, createdAt, notificationId),
              ...(queued ? keys.pushDue(createdAt, n.userId, notificationId) : {}),
              ...n,
              notificationId,
              createdAt,
              read: false,
              ttl: Math.ceil(at / 1000) + KEEP_DAYS * 86400,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },

    async list(userId: string, opts: { limit: number; cursor?: string }, now: number) {
      const pk = keys.userPartition(userId);
      const page = await queryPage(
        db,
        {
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': pk, ...alive(now) },
          ScanIndexForward: false,
        },
        {
          limit: opts.limit,
          cursor: opts.cursor,
          keyAttributes: ['pk', 'sk'],
          partition: { attribute: 'pk', value: pk },
        },
      );
      return { items: page.items as unknown as NotificationRecord[], nextCursor: page.nextCursor };
    },

    /** Unread among the newest 100 (older ones are not counted). */
    async unreadCount(userId: string, now: number): Promise<number> {
      const out = await doc.send(new QueryCommand({ ...newestUnread(userId, now), Select: 'COUNT' }));
      return out.Count ?? 0;
    },

    async markRead(userId: string, notificationId: string): Promise<boolean> {
      const createdAt = notificationId.slice(0, 17); // yyyyMMddHHmmssSSS
      const iso = `${createdAt.slice(0, 4)}-${createdAt.slice(4, 6)}-${createdAt.slice(6, 8)}T${createdAt.slice(8, 10)}:${createdAt.slice(10, 12)}:${createdAt.slice(12, 14)}.${createdAt.slice(14, 17)}Z`;
      return markKeyRead(keys.notification(userId, iso, notificationId));
    },

    /** Marks every unread notification among the newest 100 read; returns how many. */
    async markAllRead(userId: string, now: number): Promise<number> {
      const out = await doc.send(
        new QueryCommand({ ...newestUnread(userId, now), ProjectionExpression: 'pk, sk' }),
      );
      const unread = (out.Items ?? []) as { pk: string; sk: string }[];
      for (let i = 0; i < unread.length; i += 25) await Promise.all(unread.slice(i, i + 25).map(markKeyRead));
      return unread.length;
    },
  };
}

export type NotificationsRepo = ReturnType<typeof notificationsRepo>;
