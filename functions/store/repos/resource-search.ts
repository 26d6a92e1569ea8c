/**
 * Searching a directory by facet: one Query of the narrowest facet the filters name, then the
 * words and the rest filtered, page by page, never a scan.
 * @module
 */
import type { Db } from '../client';
import { keys } from '../keys';
import { queryPage } from '../paging';
import { GSI1 } from '../table';
import type { ResourceRecord } from './resource-records';

export function resourceSearch(db: Db) {
  return {
    /**
     * A page of a directory under one facet, by title, with the other filters applied to what it
     * reads (paging on through DynamoDB pages while filters thin them out).
     */
    async search(
      scope: string,
      facet: string,
      filter: { category?: string; country?: string; cost?: string; lang?: string; q?: string },
      opts: { limit: number; cursor?: string },
    ) {
      const conditions: string[] = [];
      const names: Record<string, string> = { '#p': GSI1.partition };
      const values: Record<string, unknown> = { ':p': keys.resourceFacet(scope, facet) };
      if (filter.category) {
        conditions.push('category = :c');
        values[':c'] = filter.category;
      }
      if (filter.country) {
        conditions.push('country = :r');
        values[':r'] = filter.country;
      }
      if (filter.cost) {
        conditions.push('cost = :cost');
        values[':cost'] = filter.cost;
      }
      if (filter.lang) {
        conditions.push('contains(languages, :l)');
        values[':l'] = filter.lang;
      }
      for (const [i, word] of (filter.q?.split(' ').filter(Boolean) ?? []).slice(0, 5).entries()) {
        conditions.push(`contains(#search, :q${i})`);
        names['#search'] = 'search';
        values[`:q${i}`] = word;
      }
      const page = await queryPage(
        db,
        {
          IndexName: GSI1.name,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
        },
        {
          limit: opts.limit,
          cursor: opts.cursor,
          keyAttributes: ['pk', 'sk', GSI1.partition, GSI1.sort],
          partition: { attribute: GSI1.partition, value: keys.resourceFacet(scope, facet) },
        },
      );
      return { items: page.items as unknown as ResourceRecord[], nextCursor: page.nextCursor };
    },
  };
}
