/**
 * Rosters in DynamoDB. A group's facilitator profiles live in its partition. Who holds each duty
 * of a meetup lives in the occurrence's own item (`roster`, a map by role), so a duty is taken
 * by one conditional write. Each facilitator's upcoming duties, in every group, live in one item
 * of theirs (`DUTIES`, versioned): the no-overlap rule is checked on a read of it and written
 * under its version, so two duties that overlap can never both land. A duty is claimed there
 * first and then on the meetup; if the meetup's write fails the claim is given back.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RosterRole, Staffing } from '../../core/roster';
import { getMany } from '../batch';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import { coverRequests } from './cover-requests';
import { dutyLists } from './duty-lists';
import { facilitatorProfiles } from './facilitator-profiles';
import type { RosterSlot } from './roster-records';

export function rosterRepo(db: Db) {
  const { doc, table } = db;
  return {
    ...dutyLists(db),
    ...coverRequests(db),
    ...facilitatorProfiles(db),
    /**
     * Gives a duty of a meetup to someone: only if it is free (or `from` holds it, for cover),
     * and the meetup is still scheduled and ahead. False when not (nothing written).
     */
    async setSlot(
      occurrenceId: string,
      role: RosterRole,
      slot: RosterSlot,
      opts: { from?: string; now: number },
    ): Promise<boolean> {
      const names = { '#r': role };
      const base = 'attribute_exists(pk) AND #status = :scheduled AND startAt > :now';
      for (let attempt = 0; attempt < 2; attempt++) {
        const set = await written(
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.occurrence(occurrenceId),
              UpdateExpression: 'SET roster.#r = :slot',
              ConditionExpression: `${base} AND attribute_exists(roster) AND ${
                opts.from ? 'roster.#r.userId = :from' : 'attribute_not_exists(roster.#r)'
              }`,
              ExpressionAttributeNames: { ...names, '#status': 'status' },
              ExpressionAttributeValues: {
                ':slot': slot,
                ':scheduled': 'scheduled',
                ':now': opts.now,
                ...(opts.from ? { ':from': opts.from } : {}),
              },
            }),
          ),
        );
        if (set) return true;
        if (attempt) return false;
        // Occurrences scheduled before rosters existed have no map yet: make it, then retry.
        const made = await written(
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.occurrence(occurrenceId),
              UpdateExpression: 'SET roster = :empty',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(roster)',
              ExpressionAttributeValues: { ':empty': {} },
            }),
          ),
        );
        if (!made) return false; // it had a map: the duty was taken, or the meetup is not open
      }
      return false;
    },

    /** The duties an occurrence needs (not a change people's calendars need to hear of). */
    async setStaffing(occurrenceId: string, staffing: Staffing): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.occurrence(occurrenceId),
          UpdateExpression: 'SET staffing = :s',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':s': staffing },
        }),
      );
    },

    /** Frees a duty held by `userId`; false when they do not hold it. */
    async clearSlot(occurrenceId: string, role: RosterRole, userId: string): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.occurrence(occurrenceId),
            UpdateExpression: 'REMOVE roster.#r',
            ConditionExpression: 'roster.#r.userId = :u',
            ExpressionAttributeNames: { '#r': role },
            ExpressionAttributeValues: { ':u': userId },
          }),
        ),
      );
    },

    /** Sets fields of a duty held by `userId` (confirmed, a cover request); false when not theirs. */
    async updateSlot(
      occurrenceId: string,
      role: RosterRole,
      userId: string,
      set: Partial<Pick<RosterSlot, 'status' | 'coverRequestId'>>,
    ): Promise<boolean> {
      const fields = Object.entries(set);
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.occurrence(occurrenceId),
            UpdateExpression: `SET ${fields.map(([k]) => `roster.#r.#${k} = :${k}`).join(', ')}`,
            ConditionExpression: 'roster.#r.userId = :u',
            ExpressionAttributeNames: {
              '#r': role,
              ...Object.fromEntries(fields.map(([k]) => [`#${k}`, k])),
            },
            ExpressionAttributeValues: {
              ':u': userId,
              ...Object.fromEntries(fields.map(([k, v]) => [`:${k}`, v])),
            },
          }),
        ),
      );
    },

    /** The duties each occurrence needs and who holds them (its roster), read alone. */
    async rostersOf(
      occurrenceIds: string[],
    ): Promise<Map<string, { staffing?: Staffing; roster: Partial<Record<RosterRole, RosterSlot>> }>> {
      const found = await getMany(
        db,
        occurrenceIds.map((id) => keys.occurrence(id)),
        { only: [['occurrenceId'], ['staffing'], ['roster']] },
      );
      return new Map(
        [...found.values()].map((i) => [
          i.occurrenceId as string,
          {
            staffing: i.staffing as Staffing | undefined,
            roster: (i.roster as Partial<Record<RosterRole, RosterSlot>> | undefined) ?? {},
          },
        ]),
      );
    },
  };
}

export type RosterRepo = ReturnType<typeof rosterRepo>;
