/**
 * A member's personal safety plan: one item in their own partition, read and written by them
 * alone, exported with their data and deleted with their account (which deletes the partition).
 * @module
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SafetyPlanPart } from '../../core/safety-plan';
import type { Db } from '../client';
import { keys } from '../keys';

export type SafetyPlan = Record<SafetyPlanPart, string> & { updatedAt: number | null };

export function safetyPlanRepo(db: Db) {
  const { doc, table } = db;
  return {
    async get(userId: string): Promise<Partial<SafetyPlan> | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.safetyPlan(userId), ConsistentRead: true }),
      );
      if (!out.Item) return null;
      const { pk: _pk, sk: _sk, ...plan } = out.Item;
      return plan as Partial<SafetyPlan>;
    },

    async put(userId: string, plan: SafetyPlan): Promise<void> {
      await doc.send(new PutCommand({ TableName: table, Item: { ...keys.safetyPlan(userId), ...plan } }));
    },
  };
}
