/**
 * A member's own item in a group, and their alias there: claimed once (an alias names one
 * member; a claim left by a join that never finished is taken over once it has settled).
 * @module
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import { SETTLE_MS } from '../settle';
import { GSI1 } from '../table';
import type { MemberRecord } from './group-records';

export function memberItems(db: Db) {
  const { doc, table } = db;
  return {
    async getMember(groupId: string, userId: string): Promise<MemberRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.member(groupId, userId), ConsistentRead: true }),
      );
      return (out.Item as MemberRecord | undefined) ?? null;
    },

    /** Creates a membership; false when the person is already a member (or pending). */
    async putMember(m: MemberRecord): Promise<boolean> {
      return written(
        doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.member(m.groupId, m.userId),
              ...m,
              [GSI1.partition]: keys.membershipsOf(m.userId),
              [GSI1.sort]: keys.membershipSort(m.groupId),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },

    /**
     * Claims an alias in a group for a member about to join under it. An alias held for a minute
     * by someone who is not a member under it (a join or a leave that a crash stopped half-way)
     * is free again.
     */
    async claimAlias(groupId: string, alias: string, userId: string, now: number): Promise<boolean> {
      const key = keys.alias(groupId, aliasKey(alias));
      const claim = async (condition: string, values: Record<string, unknown>) => {
        return written(
          doc.send(
            new PutCommand({
              TableName: table,
              Item: { ...key, userId, claimedAt: now },
              ConditionExpression: condition,
              ExpressionAttributeValues: values,
            }),
          ),
        );
      };
      if (await claim('attribute_not_exists(pk) OR userId = :u', { ':u': userId })) return true;
      const held = (await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true })))
        .Item;
      if (!held || now - ((held.claimedAt as number | undefined) ?? 0) < SETTLE_MS) return false;
      const holder = await this.getMember(groupId, held.userId as string);
      if (holder?.alias && aliasKey(holder.alias) === aliasKey(alias)) return false;
      return claim('userId = :them', { ':them': held.userId });
    },

    async releaseAlias(groupId: string, alias: string, userId: string): Promise<void> {
      await written(
        doc.send(
          new DeleteCommand({
            TableName: table,
            Key: keys.alias(groupId, aliasKey(alias)),
            ConditionExpression: 'userId = :u',
            ExpressionAttributeValues: { ':u': userId },
          }),
        ),
      );
    },
  };
}

export const aliasKey = (alias: string) => alias.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
