/**
 * Notices a change to a meetup owes (core/owed), recorded before the change as one small item
 * in the `OWED` partition, by time: the request makes the change, tells, and deletes the record;
 * what a crash leaves, the owed-notices job finds by key and, if the change was made, tells,
 * once no request can still be telling it. The meetup's own item is not written for it, so a
 * busy meetup's RSVPs pay nothing on the item they all write.
 * @module
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { noticeOf, type Owed } from '../../core/owed';
import type { Db } from '../client';
import { newId } from '../ids';
import { type Key, keys } from '../keys';
import { SETTLE_MS } from '../settle';
import { feedsRepo } from './feeds';
import type { OccurrenceRecord } from './meetup-records';
import { notificationsRepo } from './notifications';

/** What a change owes, as recorded: `key` to take it off. */
export interface OwedRecord {
  key: Key;
  occurrenceId: string;
  owed: Owed[];
}

export function owedRepo(db: Db) {
  const { doc, table } = db;
  const notifications = notificationsRepo(db);
  const feeds = feedsRepo(db);
  const repo = {
    /** Records what a change about to be made owes; null when it owes nothing. */
    async record(occurrenceId: string, owed: Owed[]): Promise<OwedRecord | null> {
      if (!owed.length) return null;
      const at = Math.min(...owed.map((o) => o.at));
      const key = keys.owed(at, occurrenceId, newId());
      await doc.send(new PutCommand({ TableName: table, Item: { ...key, occurrenceId, owed } }));
      return { key, occurrenceId, owed };
    },

    /** The change was not made (refused): it owes nothing. */
    async drop(record: OwedRecord | null): Promise<void> {
      if (record) await doc.send(new DeleteCommand({ TableName: table, Key: record.key }));
    },

    /**
     * Tells what `record` owes, as the occurrence now is, then takes the record off. Who moved
     * up has their calendar feed marked changed; who lost an RSVP to a restore, the RSVP
     * forgotten. Returns who was told what.
     */
    async tell(o: OccurrenceRecord, record: OwedRecord): Promise<{ kind: string; userIds: string[] }[]> {
      const told = [];
      for (const entry of record.owed) {
        const owedNotice = noticeOf(entry, o);
        if (owedNotice.userIds.length)
          await Promise.all([
            notifications.notify(
              owedNotice.userIds.map((userId) => ({
                userId,
                kind: owedNotice.kind,
                notice: owedNotice.notice,
                occurrenceId: o.occurrenceId,
                groupId: o.groupId,
              })),
              entry.at,
              owedNotice.once,
            ),
            owedNotice.kind === 'promoted' && feeds.touchMany(owedNotice.userIds, entry.at),
            // Back on, with nobody's RSVP: their feeds forget the one they had, and say they changed.
            owedNotice.kind === 'restored' &&
              Promise.all(owedNotice.userIds.map((u) => feeds.forget(u, o.occurrenceId))).then(() =>
                feeds.touchMany(owedNotice.userIds, entry.at),
              ),
          ]);
        told.push({ kind: owedNotice.kind, userIds: owedNotice.userIds });
      }
      await repo.drop(record);
      return told;
    },

    /** Records made at or before `now` less the settle time, oldest first. */
    async due(now: number, limit = 50): Promise<OwedRecord[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :p AND sk < :before',
          ExpressionAttributeValues: {
            ':p': keys.owedPartition,
            ':before': new Date(now - SETTLE_MS + 1).toISOString(),
          },
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((i) => ({
        key: { pk: i.pk as string, sk: i.sk as string },
        occurrenceId: i.occurrenceId as string,
        owed: i.owed as Owed[],
      }));
    },
  };
  return repo;
}
