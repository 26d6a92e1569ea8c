/**
 * A group's invite links: made (their token kept only as a hash), read by that hash, listed
 * for its moderators, revoked.
 * @module
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import { gsi1First } from '../paging';
import { GSI1 } from '../table';
import type { InviteRecord } from './group-records';

export function groupInvites(db: Db) {
  const { doc, table } = db;
  return {
    async createInvite(tokenHash: string, invite: InviteRecord): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.invite(tokenHash),
            ...invite,
            [GSI1.partition]: keys.invitesOf(invite.groupId),
            [GSI1.sort]: invite.createdAt,
            ttl: Math.ceil(invite.expiresAt / 1000) + 86400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async getInvite(tokenHash: string): Promise<InviteRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.invite(tokenHash) }));
      return (out.Item as InviteRecord | undefined) ?? null;
    },

    async listInvites(groupId: string): Promise<InviteRecord[]> {
      return gsi1First<InviteRecord>(db, keys.invitesOf(groupId), 50, 'newest');
    },

    /** The invite id is the token's hash, so revoking needs no lookup. */
    async revokeInvite(groupId: string, inviteId: string): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.invite(inviteId),
            UpdateExpression: 'SET revoked = :t',
            ConditionExpression: 'groupId = :g',
            ExpressionAttributeValues: { ':t': true, ':g': groupId },
          }),
        ),
      );
    },
  };
}
