/**
 * Reading and writing many items in as few round trips as DynamoDB allows (100 keys a read, 25
 * items a write), asking again for what it left unprocessed.
 * @module
 */
import { BatchGetCommand, type BatchGetCommandOutput, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { Key } from './keys';

export type Item = Record<string, unknown>;

/** The map key of an item or a key. */
export const keyOf = (k: Key | Item) => `${k.pk as string}\n${k.sk as string}`;

/** A projection of attribute paths, each given as its segments (map keys may be any string). */
export type Paths = string[][];

function projection(paths: Paths) {
  const names: Record<string, string> = {};
  const alias = new Map<string, string>();
  const name = (segment: string) => {
    let a = alias.get(segment);
    if (!a) {
      a = `#p${alias.size}`;
      alias.set(segment, a);
      names[a] = segment;
    }
    return a;
  };
  // DynamoDB refuses a path named twice.
  const unique = new Set([['pk'], ['sk'], ...paths].map((path) => path.map(name).join('.')));
  const expression = [...unique].join(', ');
  return { ProjectionExpression: expression, ExpressionAttributeNames: names };
}

/** The items found, by `keyOf`; keys with no item are absent. `only` reads just those paths. */
export async function getMany(
  db: Db,
  wanted: Key[],
  opts: { consistent?: boolean; only?: Paths } = {},
): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const projected = opts.only ? projection(opts.only) : {};
  const unique = [...new Map(wanted.map((k) => [keyOf(k), k])).values()];
  const chunks: Item[][] = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  // Chunks are read at once, four at a time; the keys DynamoDB leaves unprocessed are asked again.
  for (let i = 0; i < chunks.length; i += 4) {
    await Promise.all(
      chunks.slice(i, i + 4).map(async (chunk) => {
        let pending: Item[] | undefined = chunk;
        for (let attempt = 0; pending?.length; attempt++) {
          if (attempt > 6) throw new Error('DynamoDB kept keys unprocessed');
          if (attempt) await new Promise((r) => setTimeout(r, 10 * 2 ** attempt));
          const out: BatchGetCommandOutput = await db.doc.send(
            new BatchGetCommand({
              RequestItems: {
                [db.table]: { Keys: pending, ConsistentRead: opts.consistent, ...projected },
              },
            }),
          );
          for (const item of out.Responses?.[db.table] ?? []) found.set(keyOf(item), item);
          pending = out.UnprocessedKeys?.[db.table]?.Keys;
        }
      }),
    );
  }
  return found;
}

/** Writes many items, 25 a request and four requests at a time, asking again for any left unprocessed. */
export const putMany = (db: Db, items: Item[]) =>
  writeMany(
    db,
    items.map((Item) => ({ PutRequest: { Item } })),
  );

/** Deletes many items by key, as `putMany` writes them. */
export const deleteMany = (db: Db, keys: Key[]) =>
  writeMany(
    db,
    keys.map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } })),
  );

async function writeMany(db: Db, requests: Item[]): Promise<void> {
  const items = requests;
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  for (let i = 0; i < chunks.length; i += 4) {
    await Promise.all(
      chunks.slice(i, i + 4).map(async (chunk) => {
        let pending: Item[] | undefined = chunk;
        for (let attempt = 0; pending?.length; attempt++) {
          if (attempt > 6) throw new Error('DynamoDB kept items unprocessed');
          if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
          const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: pending } }));
          pending = out.UnprocessedItems?.[db.table] as Item[] | undefined;
        }
      }),
    );
  }
}

/** Items a route reads with the session: whole, or only the paths named (of every item). */
export type Prefetch = { keys: Key[]; only?: Paths };
