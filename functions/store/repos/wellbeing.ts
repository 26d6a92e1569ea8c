/**
 * WHO-5 check-ins. Each is the member's own (in their partition, gone with their account). A
 * check-in first takes the week with a conditional write on the member's wellbeing item, so two
 * at once make one. The groups they let count them get their latest band for the quarter, under
 * a key made from a salt only their own item holds: the group's figures count members, not
 * check-ins, and nothing in the group's item says whose band is whose.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { WHO5_EVERY_DAYS, type Who5Band } from '../../core/outcomes';
import type { Db } from '../client';
import { ifWritten } from '../conditional';
import { keys } from '../keys';
import { queryAll } from '../paging';

export interface WellbeingState {
  lastAt: number | null;
  /** Groups the member lets count their check-ins. */
  sharing: string[];
  salt: string;
}

export interface CheckIn {
  at: number;
  score: number;
  /** Each statement's answer, 0 to 5 (absent from check-ins read without them). */
  answers?: Record<string, number>;
}

const WEEK = WHO5_EVERY_DAYS * 86_400_000;

export function wellbeingRepo(db: Db) {
  const { doc, table } = db;
  /** The member's key in a group's quarter: the same for each of their check-ins, nobody else's. */
  const keyIn = (salt: string, groupId: string, quarter: string) =>
    createHash('sha256').update(`${salt}:${groupId}:${quarter}`).digest('base64url').slice(0, 22);
  return {
    async state(userId: string): Promise<WellbeingState> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.wellbeing(userId) }));
      return {
        lastAt: (out.Item?.lastAt as number | undefined) ?? null,
        sharing: [...((out.Item?.sharing as Set<string> | undefined) ?? [])],
        salt: (out.Item?.salt as string | undefined) ?? '',
      };
    },

    /** The member's check-ins, oldest first (a weekly habit of years is a few hundred). */
    async checkIns(userId: string): Promise<CheckIn[]> {
      return (await queryAll(db, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.wellbeing(userId).pk, ':prefix': keys.checkInPrefix },
        ProjectionExpression: '#at, score, answers',
        ExpressionAttributeNames: { '#at': 'at' },
      })) as unknown as CheckIn[];
    },

    /**
     * Records a check-in, if the last was a week ago or more (else null, and nothing is written):
     * the week is taken first, then the check-in is kept.
     */
    async checkIn(
      userId: string,
      c: CheckIn & { answers: Record<string, number> },
    ): Promise<WellbeingState | null> {
      const taken = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.wellbeing(userId),
            UpdateExpression: 'SET lastAt = :at, salt = if_not_exists(salt, :salt)',
            ConditionExpression: 'attribute_not_exists(lastAt) OR lastAt <= :weekAgo',
            ExpressionAttributeValues: {
              ':at': c.at,
              ':salt': randomBytes(16).toString('base64url'),
              ':weekAgo': c.at - WEEK,
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      if (!taken) return null;
      await doc.send(new PutCommand({ TableName: table, Item: { ...keys.checkIn(userId, c.at), ...c } }));
      const item = taken.Attributes ?? {};
      return {
        lastAt: c.at,
        sharing: [...((item.sharing as Set<string> | undefined) ?? [])],
        salt: item.salt as string,
      };
    },

    /** Whom the member lets count them (a salt is made if they have none yet). */
    async setSharing(userId: string, groups: string[]): Promise<WellbeingState> {
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.wellbeing(userId),
          UpdateExpression: groups.length
            ? 'SET sharing = :groups, salt = if_not_exists(salt, :salt)'
            : 'SET salt = if_not_exists(salt, :salt) REMOVE sharing',
          ExpressionAttributeValues: {
            ...(groups.length ? { ':groups': new Set(groups) } : {}),
            ':salt': randomBytes(16).toString('base64url'),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = out.Attributes ?? {};
      return {
        lastAt: (item.lastAt as number | undefined) ?? null,
        sharing: groups,
        salt: item.salt as string,
      };
    },

    /** Counts (or stops counting) the member's band in a group's quarter. */
    async count(salt: string, groupId: string, quarter: string, band: Who5Band | null): Promise<void> {
      const key = keyIn(salt, groupId, quarter);
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.wellbeingQuarter(groupId, quarter),
          UpdateExpression: 'SET quarter = :q, members = if_not_exists(members, :none)',
          ExpressionAttributeValues: { ':q': quarter, ':none': {} },
        }),
      );
      // A second write, now that the map is there: set or remove this member's band.
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.wellbeingQuarter(groupId, quarter),
          UpdateExpression: band ? 'SET members.#k = :band' : 'REMOVE members.#k',
          ExpressionAttributeNames: { '#k': key },
          ...(band ? { ExpressionAttributeValues: { ':band': band } } : {}),
        }),
      );
    },

    /** A group's quarters, each with how many members are in each band. */
    async quarters(
      groupId: string,
    ): Promise<{ quarter: string; bands: Partial<Record<Who5Band, number>> }[]> {
      const items = await queryAll(db, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.group(groupId).pk, ':prefix': keys.wellbeingQuarterPrefix },
      });
      return items.map((item) => {
        const bands: Partial<Record<Who5Band, number>> = {};
        for (const band of Object.values((item.members ?? {}) as Record<string, Who5Band>))
          bands[band] = (bands[band] ?? 0) + 1;
        return { quarter: item.quarter as string, bands };
      });
    },
  };
}

export type WellbeingRepo = ReturnType<typeof wellbeingRepo>;
