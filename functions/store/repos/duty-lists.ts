/**
 * Each facilitator's list of upcoming duties in every group: one versioned item, claimed before
 * a duty is written on its meetup, so overlaps and monthly limits hold across groups.
 * @module
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import type { DutyEntry } from './roster-records';

export function dutyLists(db: Db) {
  const { doc, table } = db;
  return {
    /** A facilitator's upcoming duties in every group, and the version they were read at. */
    async getDuties(userId: string): Promise<{ duties: Record<string, DutyEntry>; version: number }> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.duties(userId), ConsistentRead: true }),
      );
      return {
        duties: (out.Item?.duties as Record<string, DutyEntry> | undefined) ?? {},
        version: (out.Item?.version as number | undefined) ?? 0,
      };
    },

    /** Several facilitators' duty lists in one round trip (BatchGet), by user. */
    async getDutiesOf(userIds: string[]): Promise<Map<string, Record<string, DutyEntry>>> {
      const found = await getMany(db, userIds.map(keys.duties), { consistent: true });
      return new Map(
        userIds.map((u) => [
          u,
          (found.get(keyOf(keys.duties(u)))?.duties as Record<string, DutyEntry>) ?? {},
        ]),
      );
    },

    /**
     * Writes a facilitator's duties as they were read at `version` plus `add`, less `remove` and
     * those that ended before `prune` (the list holds what is ahead); false when someone else
     * changed them meanwhile.
     */
    async saveDuties(
      userId: string,
      version: number,
      duties: Record<string, DutyEntry>,
      prune: number,
    ): Promise<boolean> {
      const kept = Object.fromEntries(Object.entries(duties).filter(([, d]) => d.endAt > prune));
      return written(
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.duties(userId), userId, duties: kept, version: version + 1 },
            ConditionExpression: version ? 'version = :v' : 'attribute_not_exists(pk)',
            ExpressionAttributeValues: version ? { ':v': version } : undefined,
          }),
        ),
      );
    },
  };
}
