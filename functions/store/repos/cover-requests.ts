/**
 * Requests to cover a duty: made, told, closed (taken, withdrawn, or moot), reopened, listed.
 * @module
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RosterRole } from '../../core/roster';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import type { CoverRequestRecord } from './roster-records';

export function coverRequests(db: Db) {
  const { doc, table } = db;
  return {
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
