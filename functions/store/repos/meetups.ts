/**
 * Meetups, their occurrences, and each occurrence's RSVP ledger.
 *
 * The ledger lives in the occurrence's item: one line per mode, mapping each member to the
 * arrival ticket the item handed them (see StoredLedger in core/meetups). Joining draws the next
 * ticket and leaving removes one's own entry, each in one conditional UpdateItem conditioned on
 * the writer's own entry and the RSVP window alone, so RSVPs never race each other: going never
 * exceeds capacity because going is read as the first `cap` tickets, a member holds one ticket
 * at most, and the waiting order is the order the writes landed in.
 * @module
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { HearthError } from '../../core/errors';
import {
  capKey,
  countsOf,
  inLineKey,
  type Ledger,
  lineKey,
  newlyGoing,
  placeAtEnd,
  type RsvpState,
  readLedger,
  rsvpOf,
  type SeatCounts,
  type StoredLedger,
} from '../../core/ledger';
import { rsvpClosedReason } from '../../core/meetups';
import { ATTENDANCE, type Attendance, type MeetupMode } from '../../core/modes';
import type { Owed } from '../../core/owed';
import type { RosterRole, Staffing } from '../../core/roster';
import { getMany, keyOf, type Paths, putMany } from '../batch';
import type { Db } from '../client';
import { ifWritten, isConditionFailure } from '../conditional';
import { groupOf, keys } from '../keys';
import { queryPage } from '../paging';
import { GSI2 } from '../table';
import type { MemberRecord } from './group-records';
import type { RosterSlot } from './roster';

export interface VenueRecord {
  name: string;
  address: string;
  neighbourhood?: string;
  access: string[];
  accessNotes?: string;
}

export interface MeetupRecord {
  meetupId: string;
  groupId: string;
  title: string;
  description: string;
  start: string;
  durationMinutes: number;
  mode: MeetupMode;
  venue?: VenueRecord;
  online?: { url: string; notes?: string };
  capacity: { inPerson?: number; online?: number };
  /** Absent or null: RSVPs open as soon as a meetup is scheduled. */
  rsvpOpensHoursBefore?: number | null;
  rsvpClosesMinutesBefore: number;
  rrule: string | null;
  /** The duties each of its meetups needs (absent: the default for its mode). */
  staffing?: Staffing;
  /** The occurrence index the current pattern starts at (absent: 0; see replanSeries). */
  ruleFrom?: number;
  occurrenceCount: number;
  status: 'scheduled' | 'cancelled';
  cancelReason?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /**
   * A change (the request's body) or cancellation (its reason) recorded with the series item,
   * until its occurrences have followed: a crash between leaves it, to be finished (routes/series).
   */
  unfinished?: { at: number; change?: Record<string, unknown>; cancel?: string };
}

/** An occurrence as stored: its card and its ledger's lines. */
export interface OccurrenceItem extends StoredLedger {
  occurrenceId: string;
  meetupId: string;
  groupId: string;
  index: number;
  title: string;
  description: string;
  startLocal: string;
  startAt: number;
  endAt: number;
  timezone: string;
  mode: MeetupMode;
  venue?: VenueRecord;
  online?: { url: string; notes?: string };
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  sequence: number;
  /** When the occurrence itself last changed (not its RSVPs): calendars' DTSTAMP. */
  changedAt: number;
  /** When anyone last joined or left its lines (feeds' Last-Modified). */
  rsvpChangedAt?: number;
  rsvpOpensAt: number;
  rsvpClosesAt: number;
  recurring: boolean;
  /** Fields changed on this occurrence alone, which series edits leave alone. */
  overrides?: Set<string>;
  attendance?: {
    headcount: { inPerson: number | null; online: number | null } | null;
    checkedIn: string[];
    recordedAt: string;
  };
  /** The duties it needs, and who holds each (see repos/roster). */
  staffing?: Staffing;
  roster?: Partial<Record<RosterRole, RosterSlot>>;
  /** The roster gap the organisers were last told of (jobs/roster-gaps). */
  gapNotice?: string;
  version: number;
}

/** Every field of an occurrence item but its lines (the compiler checks the list is whole). */
const CARD_FIELDS = {
  occurrenceId: 1,
  meetupId: 1,
  groupId: 1,
  index: 1,
  title: 1,
  description: 1,
  startLocal: 1,
  startAt: 1,
  endAt: 1,
  timezone: 1,
  mode: 1,
  venue: 1,
  online: 1,
  status: 1,
  cancelReason: 1,
  sequence: 1,
  changedAt: 1,
  rsvpChangedAt: 1,
  rsvpOpensAt: 1,
  rsvpClosesAt: 1,
  recurring: 1,
  overrides: 1,
  attendance: 1,
  staffing: 1,
  roster: 1,
  gapNotice: 1,
  version: 1,
  inLineInPerson: 1,
  inLineOnline: 1,
  capInPerson: 1,
  capOnline: 1,
  tickets: 1,
} satisfies Record<Exclude<keyof OccurrenceItem, 'lineInPerson' | 'lineOnline'>, 1>;

/**
 * What an RSVP reads of an occurrence: everything but the lines, and the member's own entry in
 * them. The lines it reads hold that member alone, so they tell where the member is, not their
 * place.
 */
export const rsvpPaths = (userId: string): Paths => [
  ...Object.keys(CARD_FIELDS).map((f) => [f]),
  ['lineInPerson', userId],
  ['lineOnline', userId],
];

/** An occurrence as read: its item, and who is going and waiting, read from its lines. */
export type OccurrenceRecord = OccurrenceItem & Ledger;

/**
 * A schedule card: the occurrence without its lines, with its seat counts. Not its nominal
 * `startLocal`: the index does not project it (see table.ts); its wall-clock start is
 * `localStart` (core/meetups).
 */
export type OccurrenceCard = Omit<
  OccurrenceItem,
  'lineInPerson' | 'lineOnline' | 'tickets' | 'version' | 'startLocal'
> &
  SeatCounts;

/** The start and occurrence a schedule index entry names, read from its sort key. */
const scheduled = (entry: Record<string, unknown>) => keys.fromScheduleAt(entry[GSI2.sort] as string);

/**
 * A card from a schedule index entry (completed in place: a feed reads hundreds): what the
 * index leaves to its keys, read from them, and the seat counts.
 */
function cardOf(entry: Record<string, unknown>): OccurrenceCard {
  const { startAt, occurrenceId } = scheduled(entry);
  return Object.assign(
    entry as unknown as OccurrenceCard,
    { occurrenceId, groupId: groupOf(occurrenceId), startAt },
    countsOf(entry as unknown as StoredLedger),
  );
}

/**
 * An RSVP that cannot be made now: closed, cancelled, started, or changing under the member's
 * own other requests. A conflict in the one error shape, so routes need not translate it.
 */
export class RsvpClosed extends HearthError {
  constructor(message: string) {
    super('conflict', message);
  }
}

const SCHEDULE_KEYS = ['pk', 'sk', GSI2.partition, GSI2.sort] as const;
/**
 * Attempts before an RSVP gives up with a 409. An RSVP write depends only on the member's own
 * entry and the RSVP window, so only the member's own simultaneous requests (or the window
 * closing) make one fail.
 */
const ATTEMPTS = 4;
const BUSY = 'Your RSVP is changing in another window right now; please try again';

/** An occurrence item as read: who is going and waiting, from its lines. */
export function readOccurrence(item: OccurrenceItem | Record<string, unknown>): OccurrenceRecord {
  const o = item as OccurrenceItem;
  const lines = { lineInPerson: o.lineInPerson ?? {}, lineOnline: o.lineOnline ?? {} };
  return { ...o, ...lines, ...readLedger({ ...o, ...lines }) };
}

/** A member's ticket in the ledger, and in which line. */
function ticketOf(o: StoredLedger, userId: string): { attendance: Attendance; ticket: number } | null {
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
function promotedBy(
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

  /**
   * One conditional write to an occurrence's item (its ledger, or its status): the item after it
   * (ALL_NEW) or only what changed (UPDATED_NEW); null when its condition failed.
   */
  async function ledgerWrite(
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
      doc.send(
        new UpdateCommand({
          TableName: table,
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
      const after = await ledgerWrite(occurrenceId, {
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
      const after = await ledgerWrite(occurrenceId, {
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
      let o = known ?? (await repo.getOccurrence(occurrenceId));
      let whole = !known;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        if (!o) throw new RsvpClosed('This meetup no longer exists');
        const closed = rsvpClosedReason(
          {
            opensAt: o.rsvpOpensAt,
            closesAt: o.rsvpClosesAt,
            startAt: o.startAt,
            status: o.status,
            timezone: o.timezone,
          },
          now,
        );
        if (closed) throw new RsvpClosed(closed);
        const held = ticketOf(o, userId);
        if (held?.attendance === attendance) {
          // The same answer again: where I stand needs the whole line. (A switch needs no read:
          // its write returns the whole item, whom it moved up included.)
          if (whole) return { occurrence: o, rsvp: rsvpOf(o, userId), promoted: [] };
          o = await repo.getOccurrence(occurrenceId);
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
          const after = await ledgerWrite(occurrenceId, {
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
        o = await repo.getOccurrence(occurrenceId); // my other request won, or the window closed
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
      let o = known ?? (await repo.getOccurrence(occurrenceId));
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        if (!o) throw new RsvpClosed('This meetup no longer exists');
        const held = ticketOf(o, userId);
        if (!held) return { occurrence: o, promoted: [] };
        if (now >= o.startAt) throw new RsvpClosed('This meetup has already started');
        const after = await ledgerWrite(occurrenceId, {
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
        o = await repo.getOccurrence(occurrenceId);
      }
      throw new RsvpClosed(BUSY);
    },
  };
  return repo;
}

export type MeetupsRepo = ReturnType<typeof meetupsRepo>;
