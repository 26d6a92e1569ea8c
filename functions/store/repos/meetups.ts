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
import { HearthError } from '../../core/errors';
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

/**
 * An RSVP that cannot be made now: closed, cancelled, started, or too contended to settle.
 * A conflict in the one error shape, so routes need not translate it.
 */
export class RsvpClosed extends HearthError {
  constructor(message: string) {
    super('conflict', message);
  }
}

const SCHEDULE_KEYS = ['pk', 'sk', GSI2.partition, GSI2.sort] as const;
/** Lost races before an RSVP gives up with a 409 (only a storm on one occurrence gets near it). */
const MAX_RACES = 60;

const waitingKey = (a: Attendance) => (a === 'in_person' ? 'waitingInPerson' : 'waitingOnline');

/** The parts of one ledger update, with the names and values every RSVP change uses. */
function ledgerUpdate(userId: string) {
  return {
    set: [] as string[],
    remove: [] as string[],
    add: [] as string[],
    condition: [] as string[],
    names: { '#going': 'going', '#u': userId, '#status': 'status' } as Record<string, string>,
    values: { ':u': userId, ':scheduled': 'scheduled', ':plusOne': 1, ':minusOne': -1, ':zero': 0 } as Record<
      string,
      unknown
    >,
  };
}

/**
 * Adds leaving my current place to an update: a going place gives back its count (the caller
 * overwrites or removes my entry), a place in line is removed where I stand.
 */
function leave(u: ReturnType<typeof ledgerUpdate>, mine: NonNullable<RsvpState>): void {
  if (mine.status === 'going') {
    u.names['#from'] = goingKey(mine.attendance);
    u.values[':fromMode'] = mine.attendance;
    u.condition.push('#going.#u = :fromMode');
    u.add.push('#from :minusOne');
  } else {
    const i = mine.position - 1;
    u.remove.push(`${waitKey(mine.attendance)}[${i}]`);
    u.condition.push(`${waitKey(mine.attendance)}[${i}] = :u`);
    u.add.push(`${waitingKey(mine.attendance)} :minusOne`);
  }
}

/** A short, growing, random pause after a lost race, so racers spread out. */
const pause = (race: number) => new Promise((r) => setTimeout(r, Math.random() * 2 * Math.min(race + 1, 10)));

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
    const condition = [...new Set(update.condition)].join(' AND ');
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

  /**
   * Moves the first in line into each free place, one conditional update per promotion, until
   * the start. Safe to run any time, from anywhere: it only acts on a free place with someone
   * waiting, and a lost race just reads again.
   */
  async function fillFreePlaces(
    occurrenceId: string,
    known: OccurrenceRecord | undefined,
    now: number,
    /** The modes to fill, and how many promotions this caller owes: the places it freed. */
    scope: { modes: readonly Attendance[]; most: number } = { modes: ['in_person', 'online'], most: 2000 },
  ) {
    let o = known ?? (await repo.getOccurrence(occurrenceId));
    const promoted: string[] = [];
    for (
      let step = 0;
      o && o.status === 'scheduled' && o.startAt > now && promoted.length < scope.most && step < 2200;
      step++
    ) {
      const mode = scope.modes.find((a) => o![goingKey(a)] < o![capKey(a)] && o![waitKey(a)].length > 0);
      if (!mode) break;
      const next = o[waitKey(mode)][0]!;
      const after = await tryUpdate(
        occurrenceId,
        {
          set: ['#going.#next = :mode'],
          remove: [`${waitKey(mode)}[0]`],
          add: ['#to :plusOne', `waiting${mode === 'in_person' ? 'InPerson' : 'Online'} :minusOne`],
          condition: [`${waitKey(mode)}[0] = :next`, '#to < #cap', '#status = :scheduled', 'startAt > :now'],
        },
        {
          '#going': 'going',
          '#next': next,
          '#to': goingKey(mode),
          '#cap': capKey(mode),
          '#status': 'status',
        },
        {
          ':mode': mode,
          ':next': next,
          ':plusOne': 1,
          ':minusOne': -1,
          ':scheduled': 'scheduled',
          ':now': now,
        },
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
      opts: { now: number; overrides?: string[] },
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
          const filled = await fillFreePlaces(occurrenceId, after, opts.now);
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
     * Makes `userId`'s RSVP `attendance` (going if a place is free and nobody is waiting for it,
     * else the end of the waiting list), from any state: new, switching mode, or already there
     * (then nothing changes). A place freed by a switch goes to the first in line. Returns the
     * ledger after, and who was promoted.
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
        if (mine && mine.attendance === attendance) {
          // Nothing to change; heal a place left free by an interrupted withdrawal, if any.
          const healed = await fillFreePlaces(occurrenceId, o, now);
          return { occurrence: healed.occurrence ?? o, rsvp: mine, promoted: healed.promoted };
        }
        /** The update from where I am to `attendance`, taking a place (`seat`) or the end of the line. */
        const build = (variant: 'seat' | 'line') => {
          const u = ledgerUpdate(userId);
          // RSVPs close no later than the start, so the closing time covers the start too.
          u.condition.push('#status = :scheduled', 'rsvpClosesAt > :now', 'rsvpOpensAt <= :now');
          u.values[':now'] = now;
          // Leave where I am (a place I free is filled afterwards, from the front of its line).
          if (!mine) {
            u.condition.push('attribute_not_exists(#going.#u)');
            for (const a of ['in_person', 'online'] as const)
              u.condition.push(`NOT contains(${waitKey(a)}, :u)`);
          } else {
            leave(u, mine);
          }
          // A place only if one is free and nobody waits for it; else the end of the line.
          u.names['#to'] = goingKey(attendance);
          u.names['#cap'] = capKey(attendance);
          u.condition.push(`NOT contains(${waitKey(attendance)}, :u)`);
          if (variant === 'seat') {
            u.set.push('#going.#u = :toMode');
            u.values[':toMode'] = attendance;
            u.add.push('#to :plusOne');
            u.condition.push('#to < #cap', `size(${waitKey(attendance)}) = :zero`);
          } else {
            if (mine?.status === 'going') u.remove.push('#going.#u');
            u.set.push(`${waitKey(attendance)} = list_append(${waitKey(attendance)}, :me)`);
            u.values[':me'] = [userId];
            u.add.push(`${waitingKey(attendance)} :plusOne`);
            u.condition.push(`(#to >= #cap OR size(${waitKey(attendance)}) > :zero)`);
          }
          return u;
        };
        // The two variants' conditions are complements: when the one the read suggested loses
        // (the last place went, or a line formed), the other is tried at once, without a read.
        const first: 'seat' | 'line' =
          o[goingKey(attendance)] < o[capKey(attendance)] && o[waitKey(attendance)].length === 0
            ? 'seat'
            : 'line';
        const second: 'seat' | 'line' = first === 'seat' ? 'line' : 'seat';
        let after: OccurrenceRecord | null = null;
        for (const variant of [first, second, first]) {
          const u = build(variant);
          after = await tryUpdate(occurrenceId, u, u.names, u.values);
          if (after) break;
        }
        if (after) {
          // A place I left goes to the first in line for it: I fill it (each leaver fills its
          // own, so fillers do not all chase the same head of the line).
          const filled =
            mine?.status === 'going'
              ? await fillFreePlaces(occurrenceId, after, now, { modes: [mine.attendance], most: 1 })
              : { occurrence: after, promoted: [] };
          const final = filled.occurrence ?? after;
          return { occurrence: final, rsvp: rsvpOf(final, userId), promoted: filled.promoted };
        }
        current = undefined; // lost a race: read again and decide again
        await pause(race);
      }
      throw new RsvpClosed(
        'Many people are changing their RSVPs for this meetup right now; please try again',
      );
    },

    /**
     * Withdraws `userId`'s RSVP; a freed place then goes to the first in line. A withdrawal is
     * conditioned only on the member's own entry, so withdrawals never race each other.
     * Idempotent.
     */
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
        const u = ledgerUpdate(userId);
        leave(u, mine);
        if (mine.status === 'going') u.remove.push('#going.#u');
        const after = await tryUpdate(occurrenceId, u, u.names, u.values);
        if (after) {
          if (mine.status !== 'going') return { occurrence: after, promoted: [] };
          const filled = await fillFreePlaces(occurrenceId, after, now, {
            modes: [mine.attendance],
            most: 1,
          });
          return { occurrence: filled.occurrence ?? after, promoted: filled.promoted };
        }
        current = undefined;
        await pause(race);
      }
      throw new RsvpClosed(
        'Many people are changing their RSVPs for this meetup right now; please try again',
      );
    },
  };
  return repo;
}

export type MeetupsRepo = ReturnType<typeof meetupsRepo>;
