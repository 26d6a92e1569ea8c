/**
 * Notices an occurrence owes (core/owed), kept on the occurrence item itself: a string set
 * `owed`, written in the same update as the change that owes them, and the item in GSI1 under
 * `OWED` by time while the set is not empty. Telling them writes each notice under an id that
 * follows from the record, then takes the record off; what a crash leaves there, the owed-notices
 * job finds by key and tells, once no request can still be telling it.
 * @module
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeOwed, encodeOwed, noticeOf, type Owed } from '../../core/owed';
import type { Db } from '../client';
import { keys } from '../keys';
import { SETTLE_MS } from '../settle';
import { GSI1 } from '../table';
import { isConditionFailure } from './accounts';
import { feedsRepo } from './feeds';
import type { OccurrenceRecord } from './meetups';
import { notificationsRepo } from './notifications';

/** The parts of an occurrence's update that record `owed`: SET and ADD clauses, and their values. */
export function owing(owed: Owed[], occurrenceId: string) {
  if (!owed.length) return null;
  const index = keys.owedNotices(Math.min(...owed.map((o) => o.at)), occurrenceId);
  return {
    // The oldest record's time stays the key: the job finds the occurrence when that is due.
    set: 'gsi1pk = :owedPk, gsi1sk = if_not_exists(gsi1sk, :owedSk)',
    add: 'owed :owed',
    values: { ':owedPk': index.gsi1pk, ':owedSk': index.gsi1sk, ':owed': new Set(owed.map(encodeOwed)) },
  };
}

/** An update with `owed` recorded: its SET and ADD clauses joined with the record's. */
export function withOwed(
  parts: { set: string[]; add: string[]; rest?: string; values: Record<string, unknown> },
  owed: Owed[],
  occurrenceId: string,
) {
  const o = owing(owed, occurrenceId);
  const set = o ? [...parts.set, o.set] : parts.set;
  const add = o ? [...parts.add, o.add] : parts.add;
  return {
    update: [
      set.length ? `SET ${set.join(', ')}` : '',
      parts.rest ?? '',
      add.length ? `ADD ${add.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    values: { ...parts.values, ...(o?.values ?? {}) },
  };
}

export function owedRepo(db: Db) {
  const { doc, table } = db;
  const notifications = notificationsRepo(db);
  const feeds = feedsRepo(db);
  const repo = {
    /**
     * Tells what `owed` owes, as the occurrence now is, and takes the records off. Who moved up
     * has their calendar feed marked changed. Returns who was told what.
     */
    async tell(o: OccurrenceRecord, owed: Owed[]): Promise<{ kind: string; userIds: string[] }[]> {
      const told = [];
      for (const entry of owed) {
        const notice = noticeOf(entry, o);
        if (notice.userIds.length)
          await Promise.all([
            notifications.notify(
              notice.userIds.map((userId) => ({
                userId,
                kind: notice.kind,
                text: notice.text,
                occurrenceId: o.occurrenceId,
                groupId: o.groupId,
              })),
              entry.at,
              notice.once,
            ),
            notice.kind === 'promoted' && feeds.touchMany(notice.userIds, entry.at),
          ]);
        told.push({ kind: notice.kind, userIds: notice.userIds });
      }
      await repo.settle(o.occurrenceId, owed);
      return told;
    },

    /**
     * Takes these records off; the occurrence leaves the job's list when no other is left (with
     * none given: when none is left at all).
     */
    async settle(occurrenceId: string, owed: Owed[]): Promise<void> {
      if (!owed.length) {
        // Nothing recorded, yet listed (two settled at once): off the list.
        await doc
          .send(
            new UpdateCommand({
              TableName: table,
              Key: keys.occurrence(occurrenceId),
              UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(owed)',
            }),
          )
          .catch((e) => {
            if (!isConditionFailure(e)) throw e;
          });
        return;
      }
      const send = (update: string, condition: string, extra: Record<string, unknown> = {}) =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.occurrence(occurrenceId),
            UpdateExpression: update,
            ConditionExpression: condition,
            ExpressionAttributeValues: { ':owed': new Set(owed.map(encodeOwed)), ...extra },
          }),
        );
      try {
        await send('DELETE owed :owed REMOVE gsi1pk, gsi1sk', 'attribute_exists(pk) AND size(owed) <= :n', {
          ':n': owed.length,
        });
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        // Others are owed too (a change in flight, or one a crash left): only these go.
        await send('DELETE owed :owed', 'attribute_exists(pk)').catch((e2) => {
          if (!isConditionFailure(e2)) throw e2;
        });
      }
    },

    /** Occurrences owing notices recorded before `now` less the settle time, oldest first. */
    async due(now: number, limit = 50): Promise<string[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: GSI1.name,
          KeyConditionExpression: '#p = :p AND #s < :before',
          ExpressionAttributeNames: { '#p': GSI1.partition, '#s': GSI1.sort },
          ExpressionAttributeValues: {
            ':p': keys.owedPartition,
            ':before': new Date(now - SETTLE_MS + 1).toISOString(), // recorded at or before
          },
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((i) => i.occurrenceId as string);
    },
  };
  return repo;
}

/** The records an occurrence as read holds. */
export const owedOf = (o: { owed?: Set<string> }): Owed[] => [...(o.owed ?? [])].map(decodeOwed);
