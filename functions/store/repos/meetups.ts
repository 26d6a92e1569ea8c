/**
 * Meetups, their occurrences, and each occurrence's RSVP ledger.
 *
 * The ledger lives in the occurrence's item: who is going (a map), the counts per mode, the
 * capacities, and the waiting lists in arrival order (lists, appended atomically). Every RSVP
 * change is one conditional UpdateItem on that item, conditioned on exactly the parts it relies
 * on; a lost race re-reads and decides again. So going never exceeds capacity, a member is in
 * the ledger at most once, and the waiting order is the order the appends landed in.
 * @module
 */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type Attendance,
  capKey,
  goingKey,
  type Ledger,
  type MeetupMode,
  type RsvpState,
  rsvpClosedReason,
  rsvpOf,
  waitKey,
} from '../../core/meetups';
import type { Db } from '../client';
import { groupOf, keys } from '../keys';
import { queryPage } from '../paging';
import { GSI2 } from '../table';
import { isConditionFailure } from './accounts';
import type { MemberRecord } from './groups';

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
  rsvpOpensHoursBefore?: number;
  rsvpClosesMinutesBefore: number;
  rrule: string | null;
  occurrenceCount: number;
  status: 'scheduled' | 'cancelled';
  cancelReason?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OccurrenceRecord extends Ledger {
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
  rsvpOpensAt: number;
  rsvpClosesAt: number;
  recurring: boolean;
  waitingInPerson: number;
  waitingOnline: number;
  /** Fields changed on this occurrence alone, which series edits leave alone. */
  overrides?: Set<string>;
  attendance?: {
    headcount: { inPerson: number | null; online: number | null } | null;
    checkedIn: string[];
    recordedAt: string;
  };
  version: number;
}

/** A schedule card: the occurrence without its ledger. */
export type OccurrenceCard = Omit<OccurrenceRecord, 'going' | 'waitInPerson' | 'waitOnline' | 'version'>;

export class RsvpClosed extends Error {}

const SCHEDULE_KEYS = ['pk', 'sk', GSI2.partition, GSI2.sort] as const;
const MAX_RACES = 25;

function normalise(item: Record<string, unknown>): OccurrenceRecord {
  const o = item as unknown as OccurrenceRecord;
  return { ...o, going: o.going ?? {}, waitInPerson: o.waitInPerson ?? [], waitOnline: o.waitOnline ?? [] };
}

export function meetupsRepo(db: Db) {
  const { doc, table } = db;

  async function write(items: Record<string, unknown>[]) {
    const chunks: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
    // Four batches in flight at a time; unprocessed items are retried with backoff.
    for (let i = 0; i < chunks.length; i += 4) {
      await Promise.all(
        chunks.slice(i, i + 4).map(async (chunk) => {
          let pending: Record<string, unknown>[] | undefined = chunk.map((Item) => ({
            PutRequest: { Item },
          }));
          for (let attempt = 0; pending?.length; attempt++) {
            if (attempt > 6) throw new Error('DynamoDB kept items unprocessed');
            if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
            const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
            pending = out.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
          }
        }),
      );
    }
  }

  /** One conditional update of a ledger; false when the condition failed (a race was lost). */
  async function tryUpdate(
    occurrenceId: string,
    update: { set?: string[]; remove?: string[]; add?: string[]; condition: string[] },
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): Promise<OccurrenceRecord | null> {
    const expression = [
      update.set?.length ? `SET ${update.set.join(', ')}` : '',
      update.remove?.length ? `REMOVE ${update.remove.join(', ')}` : '',
      `ADD ${['#version :one', ...(update.add ?? [])].join(', ')}`,
    ]
      .filter(Boolean)
      .join(' ');
    const condition = update.condition.join(' AND ');
    // DynamoDB refuses names and values an expression does not use: pass only those used.
    const used = (token: string) => new RegExp(`${token}(?![A-Za-z0-9_])`).test(`${expression} ${condition}`);
    const pick = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).filter(([k]) => used(k)));
    try {
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.occurrence(occurrenceId),
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeNames: pick({ ...names, '#version': 'version' }),
          ExpressionAttributeValues: pick({ ...values, ':one': 1 }),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return normalise(out.Attributes!);
    } catch (e) {
      if (isConditionFailure(e)) return null;
      throw e;
    }
  }

  /** Moves the first in line into each free place, one conditional update per promotion. */
  async function fillFreePlaces(occurrenceId: string, known?: OccurrenceRecord) {
    let o = known ?? (await repo.getOccurrence(occurrenceId));
    const promoted: string[] = [];
    for (let step = 0; o && o.status === 'scheduled' && step < 2000; step++) {
      const mode = (['in_person', 'online'] as const).find(
        (a) => o![goingKey(a)] < o![capKey(a)] && o![waitKey(a)].length > 0,
      );
      if (!mode) break;
      const next = o[waitKey(mode)][0]!;
      const after = await tryUpdate(
        occurrenceId,
        {
          set: ['#going.#next = :mode'],
          remove: [`${waitKey(mode)}[0]`],
          add: ['#to :plusOne', `waiting${mode === 'in_person' ? 'InPerson' : 'Online'} :minusOne`],
          condition: [`${waitKey(mode)}[0] = :next`, '#to < #cap', '#status = :scheduled'],
        },
        {
          '#going': 'going',
          '#next': next,
          '#to': goingKey(mode),
          '#cap': capKey(mode),
          '#status': 'status',
        },
        { ':mode': mode, ':next': next, ':plusOne': 1, ':minusOne': -1, ':scheduled': 'scheduled' },
      );
      if (after) promoted.push(next);
      o = after ?? (await repo.getOccurrence(occurrenceId));
    }
    return { occurrence: o, promoted };
  }

  const repo = {
    /** The series item first (nothing lists it), then its occurrences, whose ids are deterministic. */
    async createMeetup(meetup: MeetupRecord, occurrences: OccurrenceRecord[]): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.meetup(meetup.meetupId), ...meetup },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      await write(
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

    async getOccurrence(occurrenceId: string): Promise<OccurrenceRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.occurrence(occurrenceId), ConsistentRead: true }),
      );
      return out.Item ? normalise(out.Item) : null;
    },

    /** An occurrence and the caller's membership of its group, in one round trip. */
    async getOccurrenceWithMember(
      occurrenceId: string,
      userId: string | null,
    ): Promise<{ occurrence: OccurrenceRecord | null; member: MemberRecord | null }> {
      const ok = keys.occurrence(occurrenceId);
      if (!userId) return { occurrence: await repo.getOccurrence(occurrenceId), member: null };
      const mk = keys.member(groupOf(occurrenceId), userId);
      let found: Record<string, unknown>[] = [];
      let pending: Record<string, unknown>[] | undefined = [ok, mk];
      for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
        const out: BatchGetCommandOutput = await doc.send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
        );
        found = [...found, ...(out.Responses?.[table] ?? [])];
        pending = out.UnprocessedKeys?.[table]?.Keys;
      }
      const o = found.find((i) => i.sk === ok.sk);
      const m = found.find((i) => i.sk === mk.sk);
      return { occurrence: o ? normalise(o) : null, member: (m as MemberRecord | undefined) ?? null };
    },

    async getOccurrences(occurrenceIds: string[]): Promise<OccurrenceRecord[]> {
      const found = new Map<string, OccurrenceRecord>();
      for (let i = 0; i < occurrenceIds.length; i += 100) {
        let pending: Record<string, unknown>[] | undefined = occurrenceIds
          .slice(i, i + 100)
          .map((id) => keys.occurrence(id));
        for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
          const out: BatchGetCommandOutput = await doc.send(
            new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }),
          );
          for (const item of out.Responses?.[table] ?? [])
            found.set(item.occurrenceId as string, normalise(item));
          pending = out.UnprocessedKeys?.[table]?.Keys;
        }
      }
      return occurrenceIds.map((id) => found.get(id)).filter((o): o is OccurrenceRecord => !!o);
    },

    /** A page of a group's schedule between two instants, earliest first; cards only. */
    async listSchedule(
      groupId: string,
      opts: { from: number; to: number; limit: number; cursor?: string },
    ): Promise<{ items: OccurrenceCard[]; nextCursor: string | null }> {
      const partition = keys.scheduleOf(groupId);
      const page = await queryPage(
        db,
        {
          IndexName: GSI2.name,
          KeyConditionExpression: '#p = :p AND #s BETWEEN :from AND :to',
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
      return { items: page.items as unknown as OccurrenceCard[], nextCursor: page.nextCursor };
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
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.meetup(meetupId),
            UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return out.Attributes as MeetupRecord;
      } catch (e) {
        if (isConditionFailure(e)) return null;
        throw e;
      }
    },

    /**
     * Changes an occurrence's card fields and bumps its sequence (calendars need it). Capacity may
     * not drop below who is already going; a raised capacity seats the first in line.
     */
    async updateOccurrence(
      occurrenceId: string,
      set: Partial<
        Pick<
          OccurrenceRecord,
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
        >
      >,
      opts: { overrides?: string[] } = {},
    ): Promise<{ occurrence: OccurrenceRecord; promoted: string[] } | null> {
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':scheduled': 'scheduled', ':one': 1 };
      const sets: string[] = [];
      const condition = ['#status = :scheduled'];
      for (const [k, v] of Object.entries(set)) {
        if (v === undefined) continue;
        names[`#${k}`] = k;
        values[`:${k}`] = v;
        sets.push(`#${k} = :${k}`);
      }
      if (set.startAt !== undefined) {
        names['#gsk'] = GSI2.sort;
        values[':gsk'] = keys.scheduleAt(set.startAt, occurrenceId);
        sets.push('#gsk = :gsk');
      }
      if (set.capInPerson !== undefined) condition.push('goingInPerson <= :capInPerson');
      if (set.capOnline !== undefined) condition.push('goingOnline <= :capOnline');
      const add = ['#sequence :one', '#version :one'];
      names['#sequence'] = 'sequence';
      names['#version'] = 'version';
      if (opts.overrides?.length) {
        add.push('#overrides :overrides');
        names['#overrides'] = 'overrides';
        values[':overrides'] = new Set(opts.overrides);
      }
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.occurrence(occurrenceId),
            UpdateExpression: `SET ${sets.join(', ')} ADD ${add.join(', ')}`,
            ConditionExpression: condition.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        const after = normalise(out.Attributes!);
        if (set.capInPerson !== undefined || set.capOnline !== undefined) {
          const filled = await fillFreePlaces(occurrenceId, after);
          return { occurrence: filled.occurrence ?? after, promoted: filled.promoted };
        }
        return { occurrence: after, promoted: [] };
      } catch (e) {
        if (isConditionFailure(e)) return null;
        throw e;
      }
    },

    async cancelOccurrence(occurrenceId: string, reason: string): Promise<OccurrenceRecord | null> {
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.occurrence(occurrenceId),
            UpdateExpression:
              'SET #status = :cancelled, cancelReason = :reason ADD #sequence :one, #version :one',
            ConditionExpression: '#status = :scheduled',
            ExpressionAttributeNames: { '#status': 'status', '#sequence': 'sequence', '#version': 'version' },
            ExpressionAttributeValues: {
              ':cancelled': 'cancelled',
              ':scheduled': 'scheduled',
              ':reason': reason,
              ':one': 1,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return normalise(out.Attributes!);
      } catch (e) {
        if (isConditionFailure(e)) return null;
        throw e;
      }
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
     * Makes `userId`'s RSVP `attendance` (going if a place is free, else waitlisted), from any
     * state: new, switching mode, or already there (then nothing changes). Returns the ledger after,
     * and whoever was promoted by a switch that freed a place.
     */
    async rsvp(
      occurrenceId: string,
      userId: string,
      attendance: Attendance,
      now: number,
      known?: OccurrenceRecord,
    ): Promise<{ occurrence: OccurrenceRecord; rsvp: RsvpState; promoted: string[] }> {
      let current = known;
      for (let race = 0; race < MAX_RACES; race++) {
        const o = current ?? (await repo.getOccurrence(occurrenceId));
        if (!o) throw new RsvpClosed('This meetup no longer exists');
        const closed = rsvpClosedReason(
          { opensAt: o.rsvpOpensAt, closesAt: o.rsvpClosesAt, startAt: o.startAt, status: o.status },
          now,
        );
        if (closed) throw new RsvpClosed(closed);
        const mine = rsvpOf(o, userId);
        if (mine && mine.attendance === attendance) return { occurrence: o, rsvp: mine, promoted: [] };

        const names: Record<string, string> = { '#going': 'going', '#u': userId };
        const values: Record<string, unknown> = { ':u': userId, ':now': now, ':scheduled': 'scheduled' };
        const set: string[] = [];
        const remove: string[] = [];
        const add: string[] = [];
        const condition = [
          '#status = :scheduled',
          'rsvpClosesAt > :now',
          'rsvpOpensAt <= :now',
          'startAt > :now',
        ];
        names['#status'] = 'status';
        const promoted: string[] = [];

        // Leave where I am.
        if (!mine) {
          condition.push('attribute_not_exists(#going.#u)');
          for (const a of ['in_person', 'online'] as const) condition.push(`NOT contains(${waitKey(a)}, :u)`);
        } else if (mine.status === 'going') {
          const from = mine.attendance;
          names['#from'] = goingKey(from);
          values[':fromMode'] = from;
          condition.push('#going.#u = :fromMode');
          const next = o[waitKey(from)][0];
          if (next) {
            // My place passes to the first in line for it.
            names['#next'] = next;
            values[':next'] = next;
            set.push('#going.#next = :fromMode');
            remove.push(`${waitKey(from)}[0]`);
            add.push(`waiting${from === 'in_person' ? 'InPerson' : 'Online'} :minusOne`);
            values[':minusOne'] = -1;
            condition.push(`${waitKey(from)}[0] = :next`);
            promoted.push(next);
          } else {
            add.push('#from :minusOne');
            values[':minusOne'] = -1;
            condition.push(`size(${waitKey(from)}) = :zero`);
            values[':zero'] = 0;
          }
        } else {
          const i = mine.position - 1;
          remove.push(`${waitKey(mine.attendance)}[${i}]`);
          condition.push(`${waitKey(mine.attendance)}[${i}] = :u`);
          add.push(`waiting${mine.attendance === 'in_person' ? 'InPerson' : 'Online'} :minusOne`);
          values[':minusOne'] = -1;
        }

        // Take a place, or join the end of the line.
        names['#to'] = goingKey(attendance);
        names['#cap'] = capKey(attendance);
        condition.push(`NOT contains(${waitKey(attendance)}, :u)`);
        if (o[goingKey(attendance)] < o[capKey(attendance)]) {
          set.push('#going.#u = :toMode');
          values[':toMode'] = attendance;
          add.push('#to :plusOne');
          values[':plusOne'] = 1;
          condition.push('#to < #cap');
        } else {
          if (mine?.status === 'going') remove.push('#going.#u');
          set.push(
            `${waitKey(attendance)} = list_append(if_not_exists(${waitKey(attendance)}, :empty), :me)`,
          );
          values[':empty'] = [];
          values[':me'] = [userId];
          add.push(`waiting${attendance === 'in_person' ? 'InPerson' : 'Online'} :plusOne`);
          values[':plusOne'] = 1;
          condition.push('#to >= #cap');
        }

        const after = await tryUpdate(occurrenceId, { set, remove, add, condition }, names, values);
        if (after) return { occurrence: after, rsvp: rsvpOf(after, userId), promoted };
        current = undefined; // lost a race: read again and decide again
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (race + 1)));
      }
      throw new Error('RSVP could not settle after repeated races');
    },

    /** Withdraws `userId`'s RSVP; a freed place goes to the first in line. Idempotent. */
    async cancelRsvp(
      occurrenceId: string,
      userId: string,
      now: number,
      known?: OccurrenceRecord,
    ): Promise<{ occurrence: OccurrenceRecord; promoted: string[] }> {
      let current = known;
      for (let race = 0; race < MAX_RACES; race++) {
        const o = current ?? (await repo.getOccurrence(occurrenceId));
        if (!o) throw new RsvpClosed('This meetup no longer exists');
        const mine = rsvpOf(o, userId);
        if (!mine) return { occurrence: o, promoted: [] };
        if (now >= o.startAt) throw new RsvpClosed('This meetup has already started');
        const names: Record<string, string> = { '#going': 'going', '#u': userId };
        const values: Record<string, unknown> = { ':u': userId, ':minusOne': -1 };
        const set: string[] = [];
        const remove: string[] = [];
        const add: string[] = [];
        const condition: string[] = [];
        const promoted: string[] = [];
        if (mine.status === 'going') {
          const from = mine.attendance;
          values[':mode'] = from;
          condition.push('#going.#u = :mode');
          remove.push('#going.#u');
          const next = o.status === 'scheduled' ? o[waitKey(from)][0] : undefined;
          if (next) {
            names['#next'] = next;
            values[':next'] = next;
            set.push('#going.#next = :mode');
            remove.push(`${waitKey(from)}[0]`);
            add.push(`waiting${from === 'in_person' ? 'InPerson' : 'Online'} :minusOne`);
            condition.push(`${waitKey(from)}[0] = :next`);
            promoted.push(next);
          } else {
            names['#from'] = goingKey(from);
            add.push('#from :minusOne');
            if (o.status === 'scheduled') {
              condition.push(`size(${waitKey(from)}) = :zero`);
              values[':zero'] = 0;
            }
          }
        } else {
          const i = mine.position - 1;
          remove.push(`${waitKey(mine.attendance)}[${i}]`);
          condition.push(`${waitKey(mine.attendance)}[${i}] = :u`);
          add.push(`waiting${mine.attendance === 'in_person' ? 'InPerson' : 'Online'} :minusOne`);
        }
        const after = await tryUpdate(occurrenceId, { set, remove, add, condition }, names, values);
        if (after) return { occurrence: after, promoted };
        current = undefined;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (race + 1)));
      }
      throw new Error('RSVP could not settle after repeated races');
    },
  };
  return repo;
}

export type MeetupsRepo = ReturnType<typeof meetupsRepo>;
