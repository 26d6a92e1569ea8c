import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { Db } from './client';
import { GSI1, GSI2, TABLE_KEYS } from './table';

const isMissingTable = (e: unknown) =>
  e instanceof ResourceNotFoundException || (e as Error).name === 'ResourceNotFoundException';

/**
 * Creates the table and its indexes when missing (local runs and tests; in AWS the CDK stack
 * owns the table). Returns whether it created it.
 */
export async function ensureTable(db: Db): Promise<boolean> {
  const client = db.doc as unknown as DynamoDBClient;
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: db.table }));
    const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    const missing = [GSI1.name, GSI2.name].filter((n) => !have.has(n));
    if (missing.length) {
      // dynalite cannot add an index to an existing table (its UpdateTable ignores the request).
      throw new Error(
        `The local table "${db.table}" predates index ${missing.join(', ')}. Move its data directory aside (or set HEARTH_DATA_DIR) to start afresh.`,
      );
    }
    return false;
  } catch (e) {
    if (!isMissingTable(e)) throw e;
  }
  const attr = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
  const index = (name: string, partition: string, sort: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: partition, KeyType: 'HASH' as const },
      { AttributeName: sort, KeyType: 'RANGE' as const },
    ],
  });
  await client.send(
    new CreateTableCommand({
      TableName: db.table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        TABLE_KEYS.partition,
        TABLE_KEYS.sort,
        GSI1.partition,
        GSI1.sort,
        GSI2.partition,
        GSI2.sort,
      ].map(attr),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        { ...index(GSI1.name, GSI1.partition, GSI1.sort), Projection: { ProjectionType: 'ALL' } },
        {
          ...index(GSI2.name, GSI2.partition, GSI2.sort),
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...GSI2.projected] },
        },
      ],
    }),
  );
  // A new table is CREATING for a moment, even in dynalite: wait until it serves requests.
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: db.table }));
    if (Table?.TableStatus === 'ACTIVE') return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Table ${db.table} did not become active`);
}
