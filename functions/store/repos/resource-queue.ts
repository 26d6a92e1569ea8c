/**
 * Keeping a directory true: its review queue (listings due for review, suggestions waiting)
 * and the reports of its listings.
 * @module
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { iso } from '../../core/time';
import type { Db } from '../client';
import { keys } from '../keys';
import { gsi1First, sortRange } from '../paging';
import { GSI1 } from '../table';
import type { ResourceRecord, ResourceReportRecord } from './resource-records';

export function resourceQueue(db: Db) {
  const { doc, table } = db;
  return {
    /** Listings due for review by `now`, soonest due first; and suggestions, oldest first. */
    async queue(scope: string, now: number): Promise<{ due: ResourceRecord[]; suggested: ResourceRecord[] }> {
      const [due, suggested] = await Promise.all([
        doc.send(
          new QueryCommand({
            TableName: table,
            ...sortRange(GSI1, keys.resourceReviews(scope), { atMost: `${iso(now)}~` }),
            Limit: 50,
          }),
        ),
        gsi1First<ResourceRecord>(db, keys.resourceSuggestions(scope), 50),
      ]);
      return { due: (due.Items ?? []) as ResourceRecord[], suggested };
    },

    async addReport(r: ResourceReportRecord): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.resourceReport(r.scope, iso(r.createdAt), r.reportId), ...r },
        }),
      );
    },

    async reports(scope: string): Promise<ResourceReportRecord[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :r)',
          ExpressionAttributeValues: { ':p': partition(scope), ':r': keys.prefix.resourceReport },
          ScanIndexForward: false,
          Limit: 50,
        }),
      );
      return (out.Items ?? []) as ResourceReportRecord[];
    },
  };
}

export const partition = keys.resourcesOf;
