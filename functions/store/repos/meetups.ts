/**
 * Meetups and their occurrences: scheduling a series, the group's schedule (an index by start
 * time), changing, cancelling and restoring an occurrence, attendance. Each occurrence's RSVP
 * ledger is rsvp-ledger.ts; the records are meetup-records.ts.
 * @module
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getMany, keyOf, putMany } from '../batch';
import type { Db } from '../client';
import { ifWritten, written } from '../conditional';
import { groupOf, keys } from '../keys';
import { GSI2 } from '../table';
import type { MemberRecord } from './group-records';
import {
  type MeetupRecord,
  type OccurrenceItem,
  type OccurrenceRecord,
  readOccurrence,
} from './meetup-records';
import { memberLines } from './member-lines';
import { occurrenceChanges } from './occurrence-changes';
import { rsvpLedger } from './rsvp-ledger';
import { scheduleReads } from './schedule-reads';

export function meetupsRepo(db: Db) {
  const { doc, table } = db;

  const repo = {
    ...memberLines(db),
    ...scheduleReads(db),
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
        occurrences.map((o) => ({
          ...keys.day(o.startAt, o.occurrenceId),
          occurrenceId: o.occurrenceId,
          timezone: o.timezone,
          endAt: o.endAt,
        })),
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
      // Not written: a later change is under way, and it finishes itself.
      await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.meetup(meetupId),
            UpdateExpression: 'REMOVE unfinished',
            ConditionExpression: 'unfinished.#at = :at',
            ExpressionAttributeNames: { '#at': 'at' },
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      );
    },
  };
  // RSVPs read occurrences as the rest of the repository does.
  return { ...repo, ...occurrenceChanges(db), ...rsvpLedger(db, repo.getOccurrence) };
}

export type MeetupsRepo = ReturnType<typeof meetupsRepo>;
