/**
 * Keeping a member's feed right while their RSVPs change: a marker before each change, the answer
 * noted after it (or the marker dropped), and an occurrence forgotten.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Attendance } from '../../core/modes';
import type { Db } from '../client';
import { alreadyDone, written } from '../conditional';
import { newId } from '../ids';
import { keys } from '../keys';

export function feedMarkers(db: Db) {
  const { doc, table } = db;
  return {
    /**
     * An RSVP is about to change the ledger: its marker goes on the member's feed first (and the
     * feed counts as changed, so a calendar app's next read rebuilds it). Null when no feed.
     */
    async markUnsure(userId: string, occurrenceId: string, now: number): Promise<string | null> {
      const marker = `${occurrenceId} ${now} ${newId()}`;
      const marked = await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(userId),
            UpdateExpression: 'SET stampAt = :now ADD version :one, unsure :m',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':now': now, ':one': 1, ':m': new Set([marker]) },
          }),
        ),
      );
      return marked ? marker : null;
    },

    /**
     * The member's line in an occurrence (`null`: none) as its ledger said at `ledgerVersion`,
     * recorded on their feed unless a newer version is recorded already; `markers` (the RSVPs
     * this settles) are taken off either way. Nothing when they have no feed.
     */
    async noteRsvp(
      userId: string,
      occurrenceId: string,
      attendance: Attendance | null,
      ledgerVersion: number,
      markers: string[],
      now: number,
    ): Promise<void> {
      const drop = markers.length ? ' DELETE unsure :m' : '';
      const m = markers.length ? { ':m': new Set(markers) } : {};
      const note = () =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(userId),
            UpdateExpression: `${attendance ? 'SET rsvps.#o = :a,' : 'REMOVE rsvps.#o SET'} seen.#o = :v, stampAt = :now ADD version :one${drop}`,
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(seen.#o) OR seen.#o < :v)',
            ExpressionAttributeNames: { '#o': occurrenceId },
            ExpressionAttributeValues: {
              ':now': now,
              ':one': 1,
              ':v': ledgerVersion,
              ...m,
              ...(attendance ? { ':a': attendance } : {}),
            },
          }),
        );
      const noted = await written(
        note().catch(async (e) => {
          if (!isBadPath(e)) throw e;
          // A feed made before `seen` was kept: it gets one, then the note.
          await doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.feed(userId),
              UpdateExpression: 'SET seen = if_not_exists(seen, :none)',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':none': {} },
            }),
          );
          return note();
        }),
      );
      // No feed, or a newer answer is noted: only the markers go.
      if (!noted && markers.length) await this.dropMarkers(userId, markers);
    },

    async dropMarkers(userId: string, markers: string[]): Promise<void> {
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(userId),
            UpdateExpression: 'DELETE unsure :m',
            ExpressionAttributeValues: { ':m': new Set(markers) },
            ConditionExpression: 'attribute_exists(pk)',
          }),
        )
        .catch(alreadyDone);
    },

    /** The member's feed forgets their answer to an occurrence (its names erased, or it is gone). */
    async forget(userId: string, occurrenceId: string): Promise<void> {
      const forget = (what: string, condition: string) =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(userId),
            UpdateExpression: `REMOVE ${what}`,
            ConditionExpression: condition,
            ExpressionAttributeNames: { '#o': occurrenceId },
          }),
        );
      // A feed made before `seen` was kept has only the answer to forget (or no feed at all).
      if (!(await written(forget('rsvps.#o, seen.#o', 'attribute_exists(pk) AND attribute_exists(seen)'))))
        await forget('rsvps.#o', 'attribute_exists(pk)').catch(alreadyDone);
    },
  };
}

export const isBadPath = (e: unknown) =>
  (e as { name?: string }).name === 'ValidationException' &&
  /document path/i.test((e as Error).message ?? '');
