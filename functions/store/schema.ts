import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { Db } from './client';
import { GSI1, GSI2, TABLE_KEYS } from './table';

/**
 * Creates the table and its index when missing (local runs and tests; in AWS the CDK stack owns
 * the table). Returns whether it created it.
 */
export async function ensureTable(db: Db): Promise<boolean> {
  const client = db.doc as unknown as DynamoDBClient;
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: db.table }));
    const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    const missing = [GSI1.name, GSI2.name].filter((n) => !have.has(n));
    if (missing.length) {
      // dynalite cannot add an index to an existing table (UpdateTable ignores it).
      throw new Error(
        `The local table "${db.table}" predates index ${missing.join(', ')}. Move its data directory aside (or set HEARTH_DATA_DIR) to start afresh.`,
      );
    }
    return false;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException) && (e as Error).name !== 'ResourceNotFoundException')
      throw e;
  }
  const attr = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
  await client.send(
    new CreateTableCommand({
      TableName: db.table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        attr(TABLE_KEYS.partition),
        attr(TABLE_KEYS.sort),
        attr(GSI1.partition),
        attr(GSI1.sort),
      ],
      KeySchema: [
        { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: GSI1.name,
          KeySchema: [
            { AttributeName: GSI1.partition, KeyType: 'HASH' },
            { AttributeName: GSI1.sort, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: GSI2.name,
          KeySchema: [
            { AttributeName: GSI2.partition, KeyType: 'HASH' },
            { AttributeName: GSI2.sort, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...GSI2.projected] },
        },
      ],
    }),
  );
  return true;
}
