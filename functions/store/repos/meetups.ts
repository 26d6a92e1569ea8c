/**
 * Meetups and their occurrences: scheduling a series, the group's schedule (an index by start
 * time), changing, cancelling and restoring an occurrence, attendance. Each occurrence's RSVP
 * ledger is rsvp-ledger.ts; the records are meetup-records.ts.
 * @module
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredLedger } from '../../core/ledger';
import type { Attendance } from '../../core/modes';
import { getMany, keyOf, putMany } from '../batch';
import type { Db } from '../client';
import { ifWritten, isConditionFailure } from '../conditional';
import { groupOf, keys } from '../keys';
import { queryPage } from '../paging';
import { GSI2 } from '../table';
import type { MemberRecord } from './group-records';
import {
  cardOf,
  type MeetupRecord,
  type OccurrenceCard,
  type OccurrenceItem,
  type OccurrenceRecord,
  readOccurrence,
  SCHEDULE_KEYS,
  scheduled,
} from './meetup-records';
import { occurrenceChanges } from './occurrence-changes';
import { rsvpLedger } from './rsvp-ledger';

export function meetupsRepo(db: Db) {
  const { doc, table } = db;

  /** A page of the schedule index for a group between two instants: cards, or ids only. */
  function schedulePage(
    groupId: string,
    opts: { from: number; to: number; limit: number; cursor?: string; idsOnly?: boolean },
  ) {
    const partition = keys.scheduleOf(groupId);
    return queryPage(
      db,
      {
        IndexName: GSI2.name,
        KeyConditionExpression: '#p = :p AND #s BETWEEN :from AND :to',
        ...(opts.idsOnly ? { ProjectionExpression: '#p, #s' } : {}),
        ExpressionAttributeNames: { '#p': GSI2.partition, '#s': GSI2.sort },
        ExpressionAttributeValues: {
          ':p': partition,
          ':from': new Date(opts.from).toISOString(),
          ':to': `${new Date(opts.to).toISOString()}~`,
        },
      },
      {
        limit: opts.limit,
        cursor: opts.cursor,
        keyAttributes: SCHEDULE_KEYS,
        partition: { attribute: GSI2.partition, value: partition },
      },
    );
  }

  const repo = {
    /** The series item first (nothing lists it), then its occurrences, whose ids are deterministic. */
    async createMeetup(meetup: MeetupRecord, occurrences: OccurrenceItem[]): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.meetup(meetup.meetupId), ...meetup },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      await repo.addOccurrences(occurrences);
    },

    /**
     * New occurrences, under indices the series item has already handed out. Their day-index
     * entries go first (its readers skip an entry whose occurrence is missing), so no occurrence
     * is ever out of the jobs' sight: roster gaps and erasing names on time both read that index.
     */
    async addOccurrences(occurrences: OccurrenceItem[]): Promise<void> {
      await putMany(
        db,
        occurrences.map((o) => ({ ...keys.day(o.startAt, o.occurrenceId), occurrenceId: o.occurrenceId })),
      );
      await putMany(
        db,
        occurrences.map((o) => ({
          ...keys.occurrence(o.occurrenceId),
          [GSI2.partition]: keys.scheduleOf(o.groupId),
          [GSI2.sort]: keys.scheduleAt(o.startAt, o.occurrenceId),
          ...o,
        })),
      );
    },

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

    async getMeetup(meetupId: string): Promise<MeetupRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.meetup(meetupId) }));
      return (out.Item as MeetupRecord | undefined) ?? null;
    },

    async getMeetups(meetupIds: string[]): Promise<MeetupRecord[]> {
      const items = await getMany(
        db,
        meetupIds.map((id) => keys.meetup(id)),
      );
      return [...items.values()] as unknown as MeetupRecord[];
    },

    async getOccurrence(occurrenceId: string): Promise<OccurrenceRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.occurrence(occurrenceId), ConsistentRead: true }),
      );
      return out.Item ? readOccurrence(out.Item) : null;
    },

    /** An occurrence and the caller's membership of its group, in one round trip. */
    async getOccurrenceWithMember(
      occurrenceId: string,
      userId: string | null,
    ): Promise<{ occurrence: OccurrenceRecord | null; member: MemberRecord | null }> {
      if (!userId) return { occurrence: await repo.getOccurrence(occurrenceId), member: null };
      const ok = keys.occurrence(occurrenceId);
      const mk = keys.member(groupOf(occurrenceId), userId);
      const items = await getMany(db, [ok, mk], { consistent: true });
      const o = items.get(keyOf(ok));
      return {
        occurrence: o ? readOccurrence(o) : null,
        member: (items.get(keyOf(mk)) as MemberRecord | undefined) ?? null,
      };
    },

    async getOccurrences(occurrenceIds: string[]): Promise<OccurrenceRecord[]> {
      const items = await getMany(
        db,
        occurrenceIds.map((id) => keys.occurrence(id)),
      );
      const found = new Map([...items.values()].map((i) => [i.occurrenceId as string, readOccurrence(i)]));
      return occurrenceIds.map((id) => found.get(id)).filter((o): o is OccurrenceRecord => !!o);
    },

    /** Which of these occurrences a member is in a line for, and which line (reads no lines but theirs). */
    async ticketsIn(occurrenceIds: string[], userId: string): Promise<Record<string, Attendance>> {
      const held: Record<string, Attendance> = {};
      for (const [id, line] of await repo.linesOf(occurrenceIds, userId)) if (line) held[id] = line;
      return held;
    },

    /** For each of these that is an occurrence: the line the member is in (going or waiting), or null. */
    async linesOf(occurrenceIds: string[], userId: string): Promise<Map<string, Attendance | null>> {
      const items = await getMany(
        db,
        occurrenceIds.map((id) => keys.occurrence(id)),
        { only: [['occurrenceId'], ['lineInPerson', userId], ['lineOnline', userId]] },
      );
      const lines = new Map<string, Attendance | null>();
      for (const item of items.values()) {
        const o = item as Partial<StoredLedger> & { occurrenceId: string };
        lines.set(
          o.occurrenceId,
          o.lineInPerson?.[userId] !== undefined
            ? 'in_person'
            : o.lineOnline?.[userId] !== undefined
              ? 'online'
              : null,
        );
      }
      return lines;
    },

    /** The ids of a group's occurrences between two instants, earliest first (keys only). */
    async listScheduleIds(
      groupId: string,
      opts: { from: number; to: number; limit: number },
    ): Promise<string[]> {
      const page = await schedulePage(groupId, { ...opts, idsOnly: true });
      return page.items.map((i) => scheduled(i).occurrenceId);
    },

    /** Every occurrence id of a group's schedule between two instants, page by page. */
    async listAllScheduleIds(groupId: string, opts: { from: number; to: number }): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await schedulePage(groupId, { ...opts, limit: 500, cursor, idsOnly: true });
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
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: GSI2.name,
          KeyConditionExpression: '#p = :p AND #s BETWEEN :from AND :to',
          ProjectionExpression: '#s, endAt, #status',
          ExpressionAttributeNames: { '#p': GSI2.partition, '#s': GSI2.sort, '#status': 'status' },
          ExpressionAttributeValues: {
            ':p': keys.scheduleOf(groupId),
            ':from': new Date(opts.from).toISOString(),
            ':to': `${new Date(opts.to).toISOString()}~`,
          },
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
      const page = await schedulePage(groupId, opts);
      return { items: page.items.map(cardOf), nextCursor: page.nextCursor };
    },

    async updateMeetup(
      meetupId: string,
      version: number,
      set: Record<string, unknown>,
    ): Promise<MeetupRecord | null> {
      const names: Record<string, string> = { '#version': 'version' };
      const values: Record<string, unknown> = { ':v': version, ':one': 1 };
      const sets: string[] = [];
      for (const [k, v] of Object.entries(set)) {
        names[`#${k}`] = k;
        values[`:${k}`] = v;
        sets.push(`#${k} = :${k}`);
      }
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.meetup(meetupId),
            UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out ? (out.Attributes as MeetupRecord) : null;
    },

    /** The series' occurrences have followed the change recorded at `at`: it is no longer unfinished. */
    async changeFinished(meetupId: string, at: number): Promise<void> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.meetup(meetupId),
            UpdateExpression: 'REMOVE unfinished',
            ConditionExpression: 'unfinished.#at = :at',
            ExpressionAttributeNames: { '#at': 'at' },
            ExpressionAttributeValues: { ':at': at },
          }),
        );
      } catch (e) {
        if (!isConditionFailure(e)) throw e; // a later change is under way: it finishes itself
      }
    },
  };
  // RSVPs read occurrences as the rest of the repository does.
  return { ...repo, ...occurrenceChanges(db), ...rsvpLedger(db, repo.getOccurrence) };
}

export type MeetupsRepo = ReturnType<typeof meetupsRepo>;
