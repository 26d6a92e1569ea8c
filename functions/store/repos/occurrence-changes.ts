/**
 * Changing one occurrence: its details and time (its RSVP window moves with it, and who moves up
 * when places grow is told), cancelling and restoring it, and recording who came. Each is one
 * conditional write on the occurrence's item, with its index entries kept in step.
 * @module
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newlyGoing } from '../../core/ledger';
import type { Db } from '../client';
import { ifWritten } from '../conditional';
import { keys } from '../keys';
import { GSI2 } from '../table';
import { type OccurrenceItem, type OccurrenceRecord, readOccurrence } from './meetup-records';
import { occurrenceStatus } from './occurrence-status';

export function occurrenceChanges(db: Db) {
  const { doc, table } = db;
  return {
    ...occurrenceStatus(db),
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
      // The item before the write, so who a raised capacity moves up is known exactly.
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.occurrence(occurrenceId),
            UpdateExpression: `SET ${sets.join(', ')} ADD ${add.join(', ')}`,
            ConditionExpression: condition.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_OLD',
          }),
        ),
      );
      if (!out) return null;
      const old = out.Attributes as OccurrenceItem;
      const startAt = set.startAt ?? old.startAt;
      const endAt = set.endAt ?? old.endAt;
      if (startAt !== old.startAt || endAt !== old.endAt) {
        // Its day in the index: the new one first, so a crash between leaves it findable.
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.day(startAt, occurrenceId), occurrenceId, timezone: old.timezone, endAt },
          }),
        );
        if (startAt !== old.startAt)
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
    },
  };
}
