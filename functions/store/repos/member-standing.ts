/**
 * A member's standing in a group beyond their role: their first post approved, posting paused,
 * having posted; the set of owners, which never empties; and the member count, kept in step
 * with the members (marked while it changes, checked when moderators list them whole).
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { alreadyDone, written } from '../conditional';
import { keys } from '../keys';
import { SETTLE_MS } from '../settle';
import type { GroupRecord } from './group-records';

export function memberStanding(db: Db) {
  const { doc, table } = db;
  return {
    async markFirstPostApproved(groupId: string, userId: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.member(groupId, userId),
          UpdateExpression: 'SET firstPostApproved = :yes',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':yes': true },
        }),
      );
    },

    /** Pauses a member's posting until a time, with the reason (null: lets them post again). */
    async setSilence(
      groupId: string,
      userId: string,
      until: { at: number; reason: string } | null,
    ): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.member(groupId, userId),
          UpdateExpression: until
            ? 'SET silencedUntil = :at, silenceReason = :why'
            : 'REMOVE silencedUntil, silenceReason',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: until ? { ':at': until.at, ':why': until.reason } : undefined,
        }),
      );
    },

    /** The member's first post in the group (written once). */
    async markPosted(groupId: string, userId: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.member(groupId, userId),
          UpdateExpression: 'SET hasPosted = :yes',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':yes': true },
        }),
      );
    },

    async addOwner(groupId: string, userId: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.group(groupId),
          UpdateExpression: 'ADD owners :u',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':u': new Set([userId]) },
        }),
      );
    },

    /** Removes an owner from the owner set unless they are the last one. */
    async stepDownOwner(groupId: string, userId: string): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.group(groupId),
            UpdateExpression: 'DELETE owners :u',
            ConditionExpression: 'size(owners) > :one OR NOT contains(owners, :id)',
            ExpressionAttributeValues: { ':u': new Set([userId]), ':one': 1, ':id': userId },
          }),
        ),
      );
    },

    /**
     * Marks the member count as about to change: written before a membership is added, approved or
     * removed, so the count's check (`checkMemberCount`) leaves alone a count with a change in flight.
     */
    async membersChanging(groupId: string, now: number): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.group(groupId),
          UpdateExpression: 'SET membersChangingAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
    },

    /**
     * Sets the member count from the active members just listed, all of them, when a crash
     * between a membership and its count left them apart. Only when no change has started for a
     * minute, and none started since the group was read: a change in flight would be counted twice.
     */
    async checkMemberCount(g: GroupRecord, active: number, now: number): Promise<void> {
      if (g.memberCount === active || now - (g.membersChangingAt ?? 0) < SETTLE_MS) return;
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.group(g.groupId),
            UpdateExpression: 'SET memberCount = :n',
            ConditionExpression: g.membersChangingAt
              ? 'memberCount = :was AND membersChangingAt = :at'
              : 'memberCount = :was AND attribute_not_exists(membersChangingAt)',
            ExpressionAttributeValues: {
              ':n': active,
              ':was': g.memberCount,
              ...(g.membersChangingAt ? { ':at': g.membersChangingAt } : {}),
            },
          }),
        )
        .catch(alreadyDone);
    },

    async addToMemberCount(groupId: string, delta: number): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.group(groupId),
          UpdateExpression: 'ADD memberCount :d',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':d': delta },
        }),
      );
    },
  };
}
