/**
 * Reading many items by key in as few round trips as DynamoDB allows: 100 keys a request, and
 * the keys it left unprocessed asked again.
 * @module
 */
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { Key } from './keys';

export type Item = Record<string, unknown>;

/** The map key of an item or a key. */
export const keyOf = (k: Key | Item) => `${k.pk as string}\n${k.sk as string}`;

/** The items found, by `keyOf`; keys with no item are absent. */
export async function getMany(
  db: Db,
  wanted: Key[],
  opts: { consistent?: boolean; projection?: string } = {},
): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const unique = [...new Map(wanted.map((k) => [keyOf(k), k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Item[] | undefined = unique.slice(i, i + 100);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 6) throw new Error('DynamoDB kept keys unprocessed');
      if (attempt) await new Promise((r) => setTimeout(r, 10 * 2 ** attempt));
      const out: BatchGetCommandOutput = await db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.table]: {
              Keys: pending,
              ConsistentRead: opts.consistent,
              ProjectionExpression: opts.projection,
            },
          },
        }),
      );
      for (const item of out.Responses?.[db.table] ?? []) found.set(keyOf(item), item);
      pending = out.UnprocessedKeys?.[db.table]?.Keys;
    }
  }
  return found;
}
