/**
 * Rosters in DynamoDB. A group's facilitator profiles live in its partition. Who holds each duty
 * of a meetup lives in the occurrence's own item (`roster`, a map by role), so a duty is taken
 * by one conditional write. Each facilitator's upcoming duties, in every group, live in one item
 * of theirs (`DUTIES`, versioned): the no-overlap rule is checked on a read of it and written
 * under its version, so two duties that overlap can never both land. A duty is claimed there
 * first and then on the meetup; if the meetup's write fails the claim is given back.
 * @module
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FacilitatorProfile, RosterRole, Staffing } from '../../core/roster';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { isConditionFailure, written } from '../conditional';
import { keys } from '../keys';

/** A facilitator's profile, as kept: one item per facilitator and group. */
export type FacilitatorRecord = FacilitatorProfile;

export interface RosterSlot {
  userId: string;
  status: 'assigned' | 'confirmed';
  assignedBy: string;
  at: number;
  /** An open request for someone to cover this duty. */
  coverRequestId?: string;
}

/** One duty in a facilitator's own list: enough to check overlaps and show "My duties". */
export interface DutyEntry {
  occurrenceId: string;
  groupId: string;
  role: RosterRole;
  startAt: number;
  endAt: number;
}

export interface CoverRequestRecord {
  coverRequestId: string;
  groupId: string;
  occurrenceId: string;
  role: RosterRole;
  askerId: string;
  /** Why they ask, for whoever might take it. */
  note?: string;
  status: 'open' | 'taken' | 'withdrawn';
  takenBy?: string;
  createdAt: number;
  /** Who was told of it besides the asker (those who could take it, or the owners): told again if it is withdrawn. */
  told?: string[];
}

export const dutyKey = (occurrenceId: string, role: RosterRole) => `${occurrenceId}.${role}`;

export function rosterRepo(db: Db) {
  const { doc, table } = db;
  return {
    async getFacilitator(groupId: string, userId: string): Promise<FacilitatorRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.facilitator(groupId, userId) }),
      );
      return (out.Item as FacilitatorRecord | undefined) ?? null;
    },

    async listFacilitators(groupId: string): Promise<FacilitatorRecord[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :f)',
          ExpressionAttributeValues: { ':p': keys.group(groupId).pk, ':f': keys.prefix.facilitator },
          Limit: 200,
        }),
      );
      return (out.Items ?? []) as FacilitatorRecord[];
    },

    async deleteFacilitator(groupId: string, userId: string): Promise<void> {
      await doc.send(new DeleteCommand({ TableName: table, Key: keys.facilitator(groupId, userId) }));
    },

    async putFacilitator(f: FacilitatorRecord): Promise<void> {
      await doc.send(
        new PutCommand({ TableName: table, Item: { ...keys.facilitator(f.groupId, f.userId), ...f } }),
      );
    },

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
        try {
          await doc.send(
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
          );
          return true;
        } catch (e) {
          if (!isConditionFailure(e) || attempt) return false;
          // Occurrences scheduled before rosters existed have no map yet: make it, then retry.
          try {
            await doc.send(
              new UpdateCommand({
                TableName: table,
                Key: keys.occurrence(occurrenceId),
                UpdateExpression: 'SET roster = :empty',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(roster)',
                ExpressionAttributeValues: { ':empty': {} },
              }),
            );
          } catch (inner) {
            if (!isConditionFailure(inner)) throw inner;
            return false; // it had a map: the duty was taken, or the meetup is not open
          }
        }
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

    async putCover(r: CoverRequestRecord): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.cover(r.groupId, r.coverRequestId), ...r },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** Records who was told of a request (besides the asker). */
    async noteTold(groupId: string, coverRequestId: string, told: string[]): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.cover(groupId, coverRequestId),
          UpdateExpression: 'SET told = :t',
          ExpressionAttributeValues: { ':t': told },
        }),
      );
    },

    /** Takes a withdrawn request off the duty it was for (still `userId`'s, still that request). */
    async clearCoverOf(occurrenceId: string, role: RosterRole, userId: string, coverRequestId: string) {
      await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.occurrence(occurrenceId),
            UpdateExpression: 'REMOVE roster.#r.coverRequestId',
            ConditionExpression: 'roster.#r.userId = :u AND roster.#r.coverRequestId = :c',
            ExpressionAttributeNames: { '#r': role },
            ExpressionAttributeValues: { ':u': userId, ':c': coverRequestId },
          }),
        ),
      );
    },

    async getCover(groupId: string, coverRequestId: string): Promise<CoverRequestRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.cover(groupId, coverRequestId), ConsistentRead: true }),
      );
      return (out.Item as CoverRequestRecord | undefined) ?? null;
    },

    /** Closes an open cover request as taken by `userId` or withdrawn; false when it was not open. */
    async closeCover(
      groupId: string,
      coverRequestId: string,
      outcome: { status: 'taken'; takenBy: string } | { status: 'withdrawn' },
    ): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.cover(groupId, coverRequestId),
            UpdateExpression: `SET #s = :s${outcome.status === 'taken' ? ', takenBy = :by' : ''}`,
            ConditionExpression: '#s = :open',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: {
              ':s': outcome.status,
              ':open': 'open',
              ...(outcome.status === 'taken' ? { ':by': outcome.takenBy } : {}),
            },
          }),
        ),
      );
    },

    /** Opens again a request `takenBy` closed but could not take after all. */
    async reopenCover(groupId: string, coverRequestId: string, takenBy: string): Promise<void> {
      await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.cover(groupId, coverRequestId),
            UpdateExpression: 'SET #s = :open REMOVE takenBy',
            ConditionExpression: '#s = :taken AND takenBy = :by',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':open': 'open', ':taken': 'taken', ':by': takenBy },
          }),
        ),
      );
    },

    /** A group's open cover requests, newest first. */
    async listCovers(groupId: string): Promise<CoverRequestRecord[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :c)',
          FilterExpression: '#s = :open',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':p': keys.group(groupId).pk,
            ':c': keys.prefix.cover,
            ':open': 'open',
          },
          ScanIndexForward: false,
          Limit: 100,
        }),
      );
      return (out.Items ?? []) as CoverRequestRecord[];
    },
  };
}

export type RosterRepo = ReturnType<typeof rosterRepo>;
