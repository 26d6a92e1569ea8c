import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { queryPage } from '../../functions/store/paging';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
const PK = 'PAGING#test';

beforeAll(async () => {
  ({ db, stop } = await freshDb());
  // 250 items; every 50th is "wanted".
  const items = Array.from({ length: 250 }, (_, i) => ({
    pk: PK,
    sk: `ITEM#${String(i).padStart(4, '0')}`,
    wanted: i % 50 === 49,
  }));
  for (let i = 0; i < items.length; i += 25) {
    await db.doc.send(
      new BatchWriteCommand({
        RequestItems: { [db.table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
});
afterAll(() => stop());

const query = (filtered: boolean) => ({
  KeyConditionExpression: 'pk = :pk',
  FilterExpression: filtered ? 'wanted = :t' : undefined,
  ExpressionAttributeValues: { ':pk': PK, ...(filtered ? { ':t': true } : {}) },
});
const opts = { keyAttributes: ['pk', 'sk'], partition: { attribute: 'pk', value: PK } } as const;

async function all(filtered: boolean, limit: number, maxRounds?: number) {
  const seen: string[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await queryPage(db, query(filtered), { ...opts, limit, cursor, maxRounds });
    seen.push(...page.items.map((i) => i.sk as string));
    pages.push(page.items.length);
    if (!page.nextCursor) return { seen, pages };
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('queryPage', () => {
  it('pages through everything exactly once, in order, with full pages', async () => {
    const { seen, pages } = await all(false, 40);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect([...seen].sort()).toEqual(seen);
    expect(pages.slice(0, -1).every((n) => n === 40)).toBe(true);
  });

  it('follows DynamoDB pages when a filter thins them, and never loses a match between pages', async () => {
    const { seen } = await all(true, 2);
    expect(seen).toEqual(['ITEM#0049', 'ITEM#0099', 'ITEM#0149', 'ITEM#0199', 'ITEM#0249']);
  });

  it('stops after its round budget with a cursor that continues where it stopped', async () => {
    const first = await queryPage(db, query(true), { ...opts, limit: 10, maxRounds: 1 });
    expect(first.items.map((i) => i.sk)).toEqual(['ITEM#0049', 'ITEM#0099']);
    expect(first.nextCursor).not.toBeNull();
    const { seen } = await all(true, 10, 1);
    expect(seen).toEqual(['ITEM#0049', 'ITEM#0099', 'ITEM#0149', 'ITEM#0199', 'ITEM#0249']);
  });

  it('refuses a cursor for another partition', async () => {
    const other = Buffer.from(JSON.stringify({ pk: 'USER#someone', sk: 'USER' })).toString('base64url');
    await expect(queryPage(db, query(false), { ...opts, limit: 5, cursor: other })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});
