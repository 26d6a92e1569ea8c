/**
 * Reading a group's schedule (the index of its occurrences by start time): pages of cards or
 * ids, every id in a range, the times of what comes next; and every group's occurrences by the
 * day they start on.
 * @module
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryAll, queryPage, sortRange } from '../paging';
import { GSI2 } from '../table';
import { cardOf, type OccurrenceCard, SCHEDULE_KEYS, scheduled } from './meetup-records';

/** A page of the schedule index for a group between two instants: cards, or ids only. */
/** A window of a schedule, as its sort keys bound it (every occurrence starting in it). */
const between = (w: { from: number; to: number }) => ({
  from: new Date(w.from).toISOString(),
  to: `${new Date(w.to).toISOString()}~`,
});

function schedulePage(
  db: Db,
  groupId: string,
  opts: { from: number; to: number; limit: number; cursor?: string; idsOnly?: boolean },
) {
  const partition = keys.scheduleOf(groupId);
  return queryPage(
    db,
    {
      ...sortRange(GSI2, partition, between(opts)),
      ...(opts.idsOnly ? { ProjectionExpression: '#p, #s' } : {}),
    },
    {
      limit: opts.limit,
      cursor: opts.cursor,
      keyAttributes: SCHEDULE_KEYS,
      partition: { attribute: GSI2.partition, value: partition },
    },
  );
}

export function scheduleReads(db: Db) {
  const { doc, table } = db;
  return {
    /** Occurrences of every group starting on the UTC days from `from` to `to` (ids). */
    async startingBetween(from: number, to: number): Promise<string[]> {
      const ids = new Set<string>();
      for (let day = from - (from % 86_400_000); day < to; day += 86_400_000) {
        const { pk } = keys.day(day, '');
        let start: Record<string, unknown> | undefined;
        do {
          const out = await doc.send(
            new QueryCommand({
              TableName: table,
              KeyConditionExpression: 'pk = :p',
              ExpressionAttributeValues: { ':p': pk },
              ExclusiveStartKey: start,
            }),
          );
          for (const i of out.Items ?? []) ids.add(i.occurrenceId as string);
          start = out.LastEvaluatedKey;
        } while (start);
      }
      return [...ids];
    },

    /**
     * Occurrences of every group starting after `after` and no later than `until`, with their
     * starts, read by key from the days they fall on (reminders find what is due this way).
     */
    async startsIn(
      after: number,
      until: number,
    ): Promise<{ occurrenceId: string; startAt: number; endAt: number | null; timezone: string | null }[]> {
      const found: {
        occurrenceId: string;
        startAt: number;
        endAt: number | null;
        timezone: string | null;
      }[] = [];
      if (until <= after) return found;
      for (let day = after - (after % 86_400_000); day <= until; day += 86_400_000) {
        const items = await queryAll(db, {
          KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b',
          ExpressionAttributeValues: {
            ':p': keys.day(day, '').pk,
            ':a': new Date(after + 1).toISOString(),
            ':b': `${new Date(until).toISOString()}#~`,
          },
        });
        for (const i of items)
          found.push({
            occurrenceId: i.occurrenceId as string,
            startAt: Date.parse((i.sk as string).split('#')[0]!),
            // Entries written before zones were kept on them: the day before is then 24 hours before.
            timezone: (i.timezone as string | undefined) ?? null,
            // Entries written before ends were kept on them: their readers read the occurrence.
            endAt: (i.endAt as number | undefined) ?? null,
          });
      }
      return found;
    },

    /** The ids of a group's occurrences between two instants, earliest first (keys only). */
    async listScheduleIds(
      groupId: string,
      opts: { from: number; to: number; limit: number },
    ): Promise<string[]> {
      const page = await schedulePage(db, groupId, { ...opts, idsOnly: true });
      return page.items.map((i) => scheduled(i).occurrenceId);
    },

    /** Every occurrence id of a group's schedule between two instants, page by page. */
    async listAllScheduleIds(groupId: string, opts: { from: number; to: number }): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await schedulePage(db, groupId, { ...opts, limit: 500, cursor, idsOnly: true });
        ids.push(...page.items.map((i) => scheduled(i).occurrenceId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    },

    /** When a group's next occurrences from an instant start and end, and whether they go ahead. */
    async scheduleTimes(
      groupId: string,
      opts: { from: number; to: number; limit: number },
    ): Promise<{ occurrenceId: string; startAt: number; endAt: number; status: string }[]> {
      const range = sortRange(GSI2, keys.scheduleOf(groupId), between(opts));
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          ...range,
          ProjectionExpression: '#s, endAt, #status',
          ExpressionAttributeNames: { ...range.ExpressionAttributeNames, '#status': 'status' },
          Limit: opts.limit,
        }),
      );
      return (out.Items ?? []).map((i) => ({
        ...scheduled(i),
        endAt: i.endAt as number,
        status: i.status as string,
      }));
    },

    /** A page of a group's schedule between two instants, earliest first; cards only. */
    async listSchedule(
      groupId: string,
      opts: { from: number; to: number; limit: number; cursor?: string },
    ): Promise<{ items: OccurrenceCard[]; nextCursor: string | null }> {
      const page = await schedulePage(db, groupId, opts);
      return { items: page.items.map(cardOf), nextCursor: page.nextCursor };
    },
  };
}
