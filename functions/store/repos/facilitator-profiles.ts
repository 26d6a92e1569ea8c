/**
 * Facilitators' profiles in a group: training, availability, most duties a month.
 * @module
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { keys } from '../keys';
import type { FacilitatorRecord } from './roster-records';

export function facilitatorProfiles(db: Db) {
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
  };
}
