/**
 * Reading a partition page by page with opaque cursors, and, for the short lists jobs read
 * whole, every item at once.
 * @module
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { invalid } from '../core/errors';
import type { Db } from './client';
import { GSI1 } from './table';

type Item = Record<string, unknown>;

/**
 * Cursors carry the last returned item's key attributes. They are checked on the way back in:
 * a cursor from another partition or a tampered one is a 400, never a DynamoDB error.
 */
export function encodeCursor(item: Item, keyAttributes: readonly string[]): string {
  const key: Record<string, unknown> = {};
  for (const a of keyAttributes) key[a] = item[a];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string,
  keyAttributes: readonly string[],
  partition: { attribute: string; value: string },
): Record<string, string> {
  const fail = () =>
    invalid('The page cursor is not valid', [{ path: 'query.cursor', message: 'Not a valid cursor' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (!parsed || typeof parsed !== 'object') throw fail();
  const key = parsed as Record<string, unknown>;
  if (Object.keys(key).length !== keyAttributes.length) throw fail();
  for (const a of keyAttributes)
    if (typeof key[a] !== 'string' || (key[a] as string).length > 512) throw fail();
  if (key[partition.attribute] !== partition.value) throw fail();
  return key as Record<string, string>;
}

/**
 * Reads one page of `limit` matching items, following DynamoDB pages when a filter thins them out,
 * within a bounded number of round trips (so a request's cost stays known).
 */
export async function queryPage(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  opts: {
    limit: number;
    cursor?: string;
    keyAttributes: readonly string[];
    partition: { attribute: string; value: string };
    maxRounds?: number;
  },
): Promise<{ items: Item[]; nextCursor: string | null }> {
  let startKey = opts.cursor ? decodeCursor(opts.cursor, opts.keyAttributes, opts.partition) : undefined;
  const items: Item[] = [];
  const filtered = input.FilterExpression !== undefined;
  for (let round = 0; round < (opts.maxRounds ?? 5); round++) {
    const out = await db.doc.send(
      new QueryCommand({
        ...input,
        TableName: db.table,
        Limit: filtered ? 100 : opts.limit - items.length + 1,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) {
      if (items.length === opts.limit) {
        // One more match exists beyond the page: the cursor points at the last item we return.
        return { items, nextCursor: encodeCursor(items[items.length - 1]!, opts.keyAttributes) };
      }
      items.push(item);
    }
    if (!out.LastEvaluatedKey) return { items, nextCursor: null };
    startKey = out.LastEvaluatedKey as Record<string, string>;
  }
  // Out of rounds: hand back what we have and let the caller continue from where we stopped.
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: last ? encodeCursor(last, opts.keyAttributes) : encodeCursor(startKey!, opts.keyAttributes),
  };
}

/**
 * A page of the items of one base-table partition whose sort keys begin with `prefix` (oldest
 * sort key first unless `newestFirst`), optionally filtered.
 */
export function prefixPage(
  db: Db,
  where: {
    pk: string;
    prefix: string;
    newestFirst?: boolean;
    filter?: { expression: string; names?: Record<string, string>; values: Record<string, unknown> };
  },
  opts: { limit: number; cursor?: string },
) {
  return queryPage(
    db,
    {
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :prefix)',
      FilterExpression: where.filter?.expression,
      ExpressionAttributeNames: where.filter?.names,
      ExpressionAttributeValues: { ':p': where.pk, ':prefix': where.prefix, ...where.filter?.values },
      ScanIndexForward: !where.newestFirst,
      ConsistentRead: true,
    },
    { ...opts, keyAttributes: ['pk', 'sk'], partition: { attribute: 'pk', value: where.pk } },
  );
}

/** A page of one GSI1 partition, highest sort key first. */
export function gsi1Page(db: Db, partition: string, opts: { limit: number; cursor?: string }) {
  return queryPage(
    db,
    {
      IndexName: GSI1.name,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': GSI1.partition },
      ExpressionAttributeValues: { ':p': partition },
      ScanIndexForward: false,
    },
    {
      ...opts,
      keyAttributes: ['pk', 'sk', GSI1.partition, GSI1.sort],
      partition: { attribute: GSI1.partition, value: partition },
    },
  );
}

/** The first `limit` items of one GSI1 partition, in one Query: for lists that stay short. */
export async function gsi1First<T = Record<string, unknown>>(
  db: Db,
  partition: string,
  limit: number,
  order: 'oldest' | 'newest' = 'oldest',
): Promise<T[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: GSI1.name,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': GSI1.partition },
      ExpressionAttributeValues: { ':p': partition },
      ...(order === 'newest' ? { ScanIndexForward: false } : {}),
      Limit: limit,
    }),
  );
  return (out.Items ?? []) as T[];
}

/** Every item a query finds, page after page (for lists a job reads whole, that stay small). */
export async function queryAll(db: Db, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of one partition of an index. */
export const queryIndexed = (db: Db, index: { name: string; partition: string }, partition: string) =>
  queryAll(db, {
    IndexName: index.name,
    KeyConditionExpression: '#p = :p',
    ExpressionAttributeNames: { '#p': index.partition },
    ExpressionAttributeValues: { ':p': partition },
  });

/**
 * The key condition of a Query on one partition of an index with its sort key in a range: below
 * a bound, at most a bound, or between two (both included). Names `#p` and `#s` are set; add more.
 */
export function sortRange(
  index: { name: string; partition: string; sort: string },
  partition: string,
  range: { below: string } | { atMost: string } | { from: string; to: string },
) {
  const [condition, values] =
    'below' in range
      ? ['#s < :a', { ':a': range.below }]
      : 'atMost' in range
        ? ['#s <= :a', { ':a': range.atMost }]
        : ['#s BETWEEN :a AND :b', { ':a': range.from, ':b': range.to }];
  return {
    IndexName: index.name,
    KeyConditionExpression: `#p = :p AND ${condition}`,
    ExpressionAttributeNames: { '#p': index.partition, '#s': index.sort } as Record<string, string>,
    ExpressionAttributeValues: { ':p': partition, ...values } as Record<string, unknown>,
  };
}
