/**
 * RSVPs: the ledger in an occurrence's item, one line per mode mapping each member to the arrival
 * ticket the item handed them (see core/ledger.ts). Joining draws the next ticket and leaving
 * removes one's own entry, each one conditional write conditioned on the writer's own entry and
 * the RSVP window alone, so RSVPs never race each other: going never exceeds capacity because
 * going is read as the first `cap` tickets, a member holds one ticket at most, and the waiting
 * order is the order the writes landed in.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { HearthError } from '../../core/errors';
import type { RsvpState } from '../../core/ledger';
import {
  capKey,
  inLineKey,
  lineKey,
  newlyGoing,
  placeAtEnd,
  readLedger,
  rsvpOf,
  type StoredLedger,
} from '../../core/ledger';
import { rsvpClosed } from '../../core/meetups';
import { ATTENDANCE, type Attendance } from '../../core/modes';
import type { Owed } from '../../core/owed';
import type { Db } from '../client';
import { ifWritten } from '../conditional';
import { keys } from '../keys';
import type { OccurrenceRecord } from './meetup-records';
import { readOccurrence } from './meetup-records';

/**
 * An RSVP that cannot be made now: closed, cancelled, started, or changing under the member's
 * own other requests. A conflict in the one error shape, so routes need not translate it.
 */
export class RsvpClosed extends HearthError {
  constructor(message: string, sayValues?: (locale: string) => Record<string, string>) {
    super('conflict', message, undefined, undefined, sayValues);
  }
}

/**
 * Attempts before an RSVP gives up with a 409. An RSVP write depends only on the member's own
 * entry and the RSVP window, so only the member's own simultaneous requests (or the window
 * closing) make one fail.
 */
export const ATTEMPTS = 4;

export const BUSY = 'Your RSVP is changing in another window right now; please try again';

/** A member's ticket in the ledger, and in which line. */
export function ticketOf(o: StoredLedger, userId: string): { attendance: Attendance; ticket: number } | null {
  for (const attendance of ATTENDANCE) {
    const ticket = o[lineKey(attendance)][userId];
    if (ticket !== undefined) return { attendance, ticket };
  }
  return null;
}

/**
 * What a member leaving their line in `o` (withdrawing, or switching to `to`) owes (core/owed):
 * whoever it moves up is told, so it is recorded when anyone waited in that line as read.
 * (Someone who joined the wait since is told by the request all the same; only a crash at that
 * moment would miss them.)
 */
export function owedByLeaving(o: OccurrenceRecord, userId: string, now: number, to?: Attendance): Owed[] {
  const held = ticketOf(o, userId);
  if (!held || held.attendance === to) return [];
  const waiting = o[inLineKey(held.attendance)] > o[capKey(held.attendance)];
  return waiting ? [{ kind: 'left', at: now, userId, attendance: held.attendance, ticket: held.ticket }] : [];
}

/** Who a member leaving `after`'s line `held` moved up: the ledger with them back in, compared. */
export function promotedBy(
  after: OccurrenceRecord,
  userId: string,
  held: { attendance: Attendance; ticket: number },
) {
  if (after.status !== 'scheduled') return [];
  const line = lineKey(held.attendance);
  const count = inLineKey(held.attendance);
  const before = readLedger({
    ...after,
    [line]: { ...after[line], [userId]: held.ticket },
    [count]: after[count] + 1,
  });
  return newlyGoing(before, after, userId);
}

/**
 * One conditional write to an occurrence's item (its ledger, or its status): the item after it
 * (ALL_NEW) or only what changed (UPDATED_NEW); null when its condition failed.
 */
export async function ledgerWrite(
  db: Db,
  occurrenceId: string,
  write: {
    update: string;
    condition: string;
    names: Record<string, string>;
    values: Record<string, unknown>;
  },
  returns: 'ALL_NEW' | 'UPDATED_NEW' = 'ALL_NEW',
): Promise<Record<string, unknown> | null> {
  const out = await ifWritten(
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.occurrence(occurrenceId),
        UpdateExpression: write.update,
        ConditionExpression: write.condition,
        ExpressionAttributeNames: write.names,
        ExpressionAttributeValues: write.values,
        ReturnValues: returns,
      }),
    ),
  );
  return out ? out.Attributes! : null;
}

/**
 * A member's RSVP and its withdrawal: each one conditional write to the occurrence's item,
 * retried on a fresh read when someone else's write landed first. `getOccurrence` reads it.
 */
export function rsvpLedger(
  db: Db,
  getOccurrence: (occurrenceId: string) => Promise<OccurrenceRecord | null>,
) {
  return {
    /**
     * Makes `userId`'s RSVP `attendance`, from any state: new, switching mode (to the end of the
     * other line), or already there (then nothing changes). `known` is the occurrence as read;
     * its lines need hold only this member's entry (`rsvpPaths`). Returns the RSVP, the
     * occurrence after (its counts exact; for a new RSVP, its lines as read), and who a switch
     * moved up in the line it left.
     */
    async rsvp(
      occurrenceId: string,
      userId: string,
      attendance: Attendance,
      now: number,
      known?: OccurrenceRecord,
    ): Promise<{ occurrence: OccurrenceRecord; rsvp: RsvpState; promoted: string[] }> {
      let o = known ?? (await getOccurrence(occurrenceId));
      let whole = !known;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        if (!o) throw new RsvpClosed('This meetup no longer exists');
        const closed = rsvpClosed(
          {
            opensAt: o.rsvpOpensAt,
            closesAt: o.rsvpClosesAt,
            startAt: o.startAt,
            status: o.status,
            timezone: o.timezone,
          },
          now,
        );
        if (closed) throw new RsvpClosed(closed.message, closed.values);
        const held = ticketOf(o, userId);
        if (held?.attendance === attendance) {
          // The same answer again: where I stand needs the whole line. (A switch needs no read:
          // its write returns the whole item, whom it moved up included.)
          if (whole) return { occurrence: o, rsvp: rsvpOf(o, userId), promoted: [] };
          o = await getOccurrence(occurrenceId);
          whole = true;
          continue;
        }
        // Take the next ticket in the line I want (values on the right are read before the write).
        const names: Record<string, string> = {
          '#to': lineKey(attendance),
          '#toCount': inLineKey(attendance),
          '#u': userId,
          '#status': 'status',
        };
        const values: Record<string, unknown> = { ':one': 1, ':now': now, ':scheduled': 'scheduled' };
        const adds = ['#toCount :one', 'version :one'];
        // RSVPs close no later than the start, so the closing time covers the start too.
        const condition = ['#status = :scheduled', 'rsvpClosesAt > :now', 'rsvpOpensAt <= :now'];
        const update = `SET #to.#u = tickets, tickets = tickets + :one, rsvpChangedAt = :now ADD ${adds.join(', ')}`;
        if (!held) {
          // A new RSVP goes to the end of the line: its place follows from the line's size after
          // the write and the capacity (conditioned on the one read), so only what changed is
          // returned, however many are in line.
          names['#cap'] = capKey(attendance);
          values[':cap'] = o[capKey(attendance)];
          condition.push(
            'attribute_not_exists(lineInPerson.#u)',
            'attribute_not_exists(lineOnline.#u)',
            '#cap = :cap',
          );
          const changed = await ledgerWrite(
            db,
            occurrenceId,
            { update, condition: condition.join(' AND '), names, values },
            'UPDATED_NEW',
          );
          if (changed) {
            const inLine = changed[inLineKey(attendance)] as number;
            const cap = o[capKey(attendance)];
            const rsvp = placeAtEnd(attendance, inLine, cap);
            // The item as read, with this line's new count: counts exact, other lines as read.
            const occurrence = readOccurrence({
              ...o,
              [inLineKey(attendance)]: inLine,
              tickets: changed.tickets,
              version: changed.version,
            });
            return { occurrence, rsvp, promoted: [] };
          }
        } else {
          // A switch leaves the other line, which may move its first in line up: the write
          // returns the whole item, and who moved up follows from it and my old ticket.
          Object.assign(names, {
            '#from': lineKey(held.attendance),
            '#fromCount': inLineKey(held.attendance),
          });
          Object.assign(values, { ':mine': held.ticket, ':minusOne': -1 });
          condition.push('#from.#u = :mine');
          const after = await ledgerWrite(db, occurrenceId, {
            update: `${update.replace(' ADD ', ' REMOVE #from.#u ADD ')}, #fromCount :minusOne`,
            condition: condition.join(' AND '),
            names,
            values,
          });
          if (after) {
            const occurrence = readOccurrence(after);
            return {
              occurrence,
              rsvp: rsvpOf(occurrence, userId),
              promoted: promotedBy(occurrence, userId, held),
            };
          }
        }
        o = await getOccurrence(occurrenceId); // my other request won, or the window closed
        whole = true;
      }
      throw new RsvpClosed(BUSY);
    },

    /**
     * Withdraws `userId`'s RSVP; the first in line moves up by itself. Idempotent. `known` as
     * for `rsvp`.
     */
    async cancelRsvp(
      occurrenceId: string,
      userId: string,
      now: number,
      known?: OccurrenceRecord,
    ): Promise<{ occurrence: OccurrenceRecord; promoted: string[] }> {
      let o = known ?? (await getOccurrence(occurrenceId));
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        if (!o) throw new RsvpClosed('This meetup no longer exists');
        const held = ticketOf(o, userId);
        if (!held) return { occurrence: o, promoted: [] };
        if (now >= o.startAt) throw new RsvpClosed('This meetup has already started');
        const after = await ledgerWrite(db, occurrenceId, {
          update: 'REMOVE #from.#u SET rsvpChangedAt = :now ADD #fromCount :minusOne, version :one',
          condition: '#from.#u = :mine AND startAt > :now',
          names: {
            '#from': lineKey(held.attendance),
            '#fromCount': inLineKey(held.attendance),
            '#u': userId,
          },
          values: { ':mine': held.ticket, ':minusOne': -1, ':one': 1, ':now': now },
        });
        if (after) {
          const occurrence = readOccurrence(after);
          return { occurrence, promoted: promotedBy(occurrence, userId, held) };
        }
        o = await getOccurrence(occurrenceId);
      }
      throw new RsvpClosed(BUSY);
    },
  };
}
