/**
 * What each member keeps of a group's discussions for themselves: which threads they follow, how
 * far they have read, whom and what they mute, and their preferences (crisis-lines region).
 * @module
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { deleteMany, getMany } from '../batch';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import type { FollowRecord, MuteRecord, Prefs } from './thread-records';

export function readerState(db: Db) {
  const { doc, table } = db;
  return {
    /**
     * Records whether a member follows a thread. `onlyIfUnset` leaves an earlier choice alone
     * (posting follows a thread unless the member chose not to).
     */
    async setFollow(userId: string, f: FollowRecord, onlyIfUnset = false): Promise<void> {
      await written(
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.follow(userId, f.threadId), ...f },
            ...(onlyIfUnset ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
          }),
        ),
      );
    },

    /** A member's choices about following, followed or not (at most `limit`). */
    async listFollows(userId: string, limit = 200): Promise<FollowRecord[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :f)',
          ExpressionAttributeValues: { ':p': keys.userPartition(userId), ':f': keys.prefix.follow },
          Limit: limit,
        }),
      );
      return (out.Items ?? []) as FollowRecord[];
    },

    /** Forgets a member's follow and reading place in threads that are gone. */
    async forgetThreads(userId: string, threadIds: string[]): Promise<void> {
      await deleteMany(
        db,
        threadIds.flatMap((t) => [keys.follow(userId, t), keys.readState(userId, t)]),
      );
    },

    /** A member's reading preferences, as far as they chose them. */
    async getPrefs(userId: string): Promise<Prefs> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.prefs(userId) }));
      return { collapse: out.Item?.collapse, region: out.Item?.region };
    },

    async setPrefs(userId: string, prefs: Prefs): Promise<Prefs> {
      const set = Object.entries(prefs).filter(([, v]) => v !== undefined);
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.prefs(userId),
          UpdateExpression: `SET ${set.map(([k]) => `#${k} = :${k}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(set.map(([k]) => [`#${k}`, k])),
          ExpressionAttributeValues: Object.fromEntries(set.map(([k, v]) => [`:${k}`, v])),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { collapse: out.Attributes?.collapse, region: out.Attributes?.region };
    },

    /** How many posts of each thread the member has seen (0 for threads never opened). */
    async seenCounts(userId: string, threadIds: string[]): Promise<Map<string, number>> {
      const items = await getMany(
        db,
        threadIds.map((t) => keys.readState(userId, t)),
        { only: [['threadId'], ['seen']] },
      );
      return new Map([...items.values()].map((i) => [i.threadId as string, i.seen as number]));
    },

    /** The member has seen the thread up to `seen` posts (never goes back). */
    async markSeen(userId: string, threadId: string, seen: number): Promise<void> {
      await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.readState(userId, threadId),
            UpdateExpression: 'SET seen = :n, threadId = :t',
            ConditionExpression: 'attribute_not_exists(seen) OR seen < :n',
            ExpressionAttributeValues: { ':n': seen, ':t': threadId },
          }),
        ),
      );
    },

    /** Whom a member has muted: mute id → group and member. */
    async getMutes(userId: string): Promise<Record<string, MuteRecord>> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.mutes(userId) }));
      return (out.Item?.muted as Record<string, MuteRecord> | undefined) ?? {};
    },

    async setMute(userId: string, muteId: string, mute: MuteRecord | null): Promise<void> {
      const names = { '#m': muteId };
      if (mute) {
        // The map is made on first use; both writes are idempotent.
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.mutes(userId),
            UpdateExpression: 'SET muted = if_not_exists(muted, :empty)',
            ExpressionAttributeValues: { ':empty': {} },
          }),
        );
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.mutes(userId),
            UpdateExpression: 'SET muted.#m = :mute',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ':mute': mute },
          }),
        );
      } else {
        await written(
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.mutes(userId),
              UpdateExpression: 'REMOVE muted.#m',
              ConditionExpression: 'attribute_exists(muted)',
              ExpressionAttributeNames: names,
            }),
          ),
        );
      }
    },
  };
}
