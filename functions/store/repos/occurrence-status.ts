/**
 * An occurrence cancelled or put back on, and who came to it.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { keys } from '../keys';
import { type OccurrenceRecord, readOccurrence } from './meetup-records';
import { ledgerWrite } from './rsvp-ledger';

export function occurrenceStatus(db: Db) {
  const { doc, table } = db;
  return {
    async cancelOccurrence(
      occurrenceId: string,
      reason: string,
      now: number,
    ): Promise<OccurrenceRecord | null> {
      const after = await ledgerWrite(db, occurrenceId, {
        update:
          'SET #status = :cancelled, cancelReason = :reason, changedAt = :now ADD #sequence :one, #version :one',
        condition: '#status = :scheduled',
        names: { '#status': 'status', '#sequence': 'sequence', '#version': 'version' },
        values: {
          ':cancelled': 'cancelled',
          ':scheduled': 'scheduled',
          ':now': now,
          ':reason': reason,
          ':one': 1,
        },
      });
      return after && readOccurrence(after);
    },

    /**
     * Puts a cancelled occurrence back on, as read at `version` (so the people recorded as owed
     * a notice are the ones whose RSVPs go): its lines and roster start empty, since people made
     * other plans, and it must still be ahead. Null when any of that no longer holds.
     */
    async restoreOccurrence(
      occurrenceId: string,
      version: number,
      now: number,
    ): Promise<OccurrenceRecord | null> {
      const after = await ledgerWrite(db, occurrenceId, {
        update:
          'SET #status = :scheduled, lineInPerson = :none, lineOnline = :none, inLineInPerson = :zero, inLineOnline = :zero, changedAt = :now, rsvpChangedAt = :now REMOVE cancelReason, #roster, gapNotice ADD #sequence :one, #version :one',
        condition: '#status = :cancelled AND #version = :v AND startAt > :now',
        names: { '#status': 'status', '#sequence': 'sequence', '#version': 'version', '#roster': 'roster' },
        values: {
          ':cancelled': 'cancelled',
          ':scheduled': 'scheduled',
          ':none': {},
          ':zero': 0,
          ':now': now,
          ':one': 1,
          ':v': version,
        },
      });
      return after && readOccurrence(after);
    },

    async recordAttendance(
      occurrenceId: string,
      attendance: NonNullable<OccurrenceRecord['attendance']>,
    ): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.occurrence(occurrenceId),
          UpdateExpression: 'SET attendance = :a',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':a': attendance },
        }),
      );
    },
  };
}
