import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { GSI1, GSI2, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/store/table';

/**
 * The one table. On demand, point-in-time recovery, TTL, deletion protection, and kept when the
 * stack is deleted: it holds people's accounts and groups.
 */
export class Data extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partition, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sort, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryptionV2.awsManagedKey(),
      globalSecondaryIndexes: [
        {
          indexName: GSI1.name,
          partitionKey: { name: GSI1.partition, type: AttributeType.STRING },
          sortKey: { name: GSI1.sort, type: AttributeType.STRING },
        },
        {
          indexName: GSI2.name,
          partitionKey: { name: GSI2.partition, type: AttributeType.STRING },
          sortKey: { name: GSI2.sort, type: AttributeType.STRING },
          projectionType: ProjectionType.INCLUDE,
          nonKeyAttributes: [...GSI2.projected],
        },
      ],
    });
  }
}
