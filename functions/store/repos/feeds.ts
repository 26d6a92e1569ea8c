/**
 * A member's private calendar feed: one item in the member's partition, holding the hash of the
 * feed's secret and its settings. The feed's URL token is `<userId>.<secret>`, so one GetItem
 * finds the feed, and rotating or revoking it is one write: the old URL stops working at once.
 * @module
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedSettings } from '../../core/feeds';
import type { Attendance } from '../../core/modes';
import { getMany } from '../batch';
import type { Db } from '../client';
import { ifWritten, written } from '../conditional';
import { keys } from '../keys';
import { feedMarkers } from './feed-markers';

export interface FeedRecord extends FeedSettings {
  userId: string;
  tokenHash: string;
  createdAt: number;
  /** When the settings or the token last changed. */
  changedAt: number;
  /**
   * Bumped by every change to what the feed holds (its settings, the member's RSVPs and
   * memberships, the schedules of their groups), with the time of the latest: a calendar app's
   * conditional request is answered from this item alone.
   */
  version: number;
  stampAt: number;
  /**
   * The member's RSVPs (occurrence → the line they are in), kept with each RSVP they make, so a
   * feed is built from the schedule index without reading every occurrence for their place.
   */
  rsvps: Record<string, Attendance>;
  /**
   * For each RSVP noted: the occurrence's ledger version it was read from, so of two notes of one
   * member's answer (two tabs) the older never overwrites the newer. Absent on feeds made before it.
   */
  seen?: Record<string, number>;
  /**
   * RSVPs begun and not yet noted, one marker each (`<occurrenceId> <time> <nonce>`), written
   * before the ledger: a crash between the ledger and the note leaves its marker, and the feed's
   * next build reads that occurrence's ledger instead of `rsvps` (and, once settled, notes it).
   */
  unsure?: Set<string>;
}

/** The occurrence and the time of an RSVP's marker. */
export const unsureOf = (marker: string) => {
  const [occurrenceId = '', at = '0'] = marker.split(' ');
  return { occurrenceId, at: Number(at) };
};

export function feedsRepo(db: Db) {
  const { doc, table } = db;
  const repo = {
    ...feedMarkers(db),
    async getFeed(userId: string): Promise<FeedRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.feed(userId) }));
      return (out.Item as FeedRecord | undefined) ?? null;
    },

    /** Creates the feed, or gives it a new secret (the old URL stops working); settings kept. */
    async putFeed(feed: FeedRecord): Promise<void> {
      await doc.send(new PutCommand({ TableName: table, Item: { ...keys.feed(feed.userId), ...feed } }));
    },

    async updateSettings(
      userId: string,
      settings: Partial<FeedSettings>,
      now: number,
    ): Promise<FeedRecord | null> {
      const sets = ['changedAt = :now', 'stampAt = :now', 'version = version + :one'];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':now': now, ':one': 1 };
      for (const [k, v] of Object.entries(settings)) {
        if (v === undefined) continue;
        // Names go through placeholders: `scope` is one of DynamoDB's reserved words.
        sets.push(`#${k} = :${k}`);
        names[`#${k}`] = k;
        values[`:${k}`] = v;
      }
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(userId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out ? (out.Attributes as FeedRecord) : null;
    },

    /** Marks what the member's feed holds as changed; nothing to do when they have no feed. */
    async touch(userId: string, now: number): Promise<void> {
      await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(userId),
            UpdateExpression: 'SET stampAt = :now ADD version :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':now': now, ':one': 1 },
          }),
        ),
      );
    },

    /**
     * `touch` for many members: only those who have a feed are written. A few (someone moved up
     * a waiting list) are touched at once, without first reading who has a feed: a write that
     * finds no feed costs a unit, and saves a round trip on the request that made the change.
     */
    async touchMany(userIds: string[], now: number): Promise<void> {
      if (userIds.length <= 3) {
        await Promise.all(userIds.map((u) => repo.touch(u, now)));
        return;
      }
      const found = await getMany(
        db,
        userIds.map((u) => keys.feed(u)),
        { only: [['userId']] },
      );
      const holders = [...found.values()].map((i) => i.userId as string);
      for (let i = 0; i < holders.length; i += 25)
        await Promise.all(holders.slice(i, i + 25).map((u) => repo.touch(u, now)));
    },

    async deleteFeed(userId: string): Promise<void> {
      await doc.send(new DeleteCommand({ TableName: table, Key: keys.feed(userId) }));
    },
  };
  return repo;
}

export type FeedsRepo = ReturnType<typeof feedsRepo>;
