/**
 * Changing one occurrence: its details and time (its RSVP window moves with it, and who moves up
 * when places grow is told), cancelling and restoring it, and recording who came. Each is one
 * conditional write on the occurrence's item, with its index entries kept in step.
 * @module
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newlyGoing } from '../../core/ledger';
import type { Db } from '../client';
import { isConditionFailure } from '../conditional';
import { keys } from '../keys';
import { GSI2 } from '../table';
import { type OccurrenceItem, type OccurrenceRecord, readOccurrence } from './meetup-records';
import { ledgerWrite } from './rsvp-ledger';

export function occurrenceChanges(db: Db) {
  const { doc, table } = db;
  return {
    /**
     * Changes an occurrence's card fields and bumps its sequence (calendars need it). Capacity may
     * not drop below who is already going; a raised capacity moves the first in line up, and
     * they are returned as promoted.
     */
    async updateOccurrence(
      occurrenceId: string,
      set: Partial<
        Pick<
          OccurrenceItem,
          | 'title'
          | 'description'
          | 'startLocal'
          | 'startAt'
          | 'endAt'
          | 'venue'
          | 'online'
          | 'rsvpOpensAt'
          | 'rsvpClosesAt'
          | 'capInPerson'
          | 'capOnline'
          | 'recurring'
        >
      >,
      opts: { now: number; overrides?: string[] },
    ): Promise<{ occurrence: OccurrenceRecord; promoted: string[] } | null> {
      const names: Record<string, string> = {
        '#status': 'status',
        '#sequence': 'sequence',
        '#version': 'version',
      };
      const values: Record<string, unknown> = { ':scheduled': 'scheduled', ':one': 1 };
      const changes = {
        ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)),
        changedAt: opts.now,
      };
      const sets: string[] = [];
      for (const [k, v] of Object.entries(changes)) {
        names[`#${k}`] = k;
        values[`:${k}`] = v;
        sets.push(`#${k} = :${k}`);
      }
      if (set.startAt !== undefined) {
        names['#gsk'] = GSI2.sort;
        values[':gsk'] = keys.scheduleAt(set.startAt, occurrenceId);
        sets.push('#gsk = :gsk');
      }
      const condition = ['#status = :scheduled'];
      // Lowering a capacity is fine while no more are in line than the new capacity.
      if (set.capInPerson !== undefined)
        condition.push('(#capInPerson <= :capInPerson OR inLineInPerson <= :capInPerson)');
      if (set.capOnline !== undefined)
        condition.push('(#capOnline <= :capOnline OR inLineOnline <= :capOnline)');
      const add = ['#sequence :one', '#version :one'];
      if (opts.overrides?.length) {
        add.push('#overrides :overrides');
        names['#overrides'] = 'overrides';
        values[':overrides'] = new Set(opts.overrides);
      }
      try {
        // The item before the write, so who a raised capacity moves up is known exactly.
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.occurrence(occurrenceId),
            UpdateExpression: `SET ${sets.join(', ')} ADD ${add.join(', ')}`,
            ConditionExpression: condition.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_OLD',
          }),
        );
        const old = out.Attributes as OccurrenceItem;
        if (set.startAt !== undefined && set.startAt !== old.startAt) {
          // Its day in the index: the new one first, so a crash between leaves it findable.
          await doc.send(
            new PutCommand({
              TableName: table,
              Item: { ...keys.day(set.startAt, occurrenceId), occurrenceId },
            }),
          );
          await doc.send(new DeleteCommand({ TableName: table, Key: keys.day(old.startAt, occurrenceId) }));
        }
        const before = readOccurrence(old);
        const occurrence = readOccurrence({
          ...old,
          ...changes,
          sequence: old.sequence + 1,
          version: old.version + 1,
          overrides: new Set([...(old.overrides ?? []), ...(opts.overrides ?? [])]),
        });
        return { occurrence, promoted: newlyGoing(before, occurrence) };
      } catch (e) {
        if (isConditionFailure(e)) return null;
        throw e;
      }
    },

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
