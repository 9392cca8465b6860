// The single DynamoDB table, built from the same layout as the local stack (functions/adapters/dynamo/table.ts)
// so keys and indexes cannot drift: on demand, PITR, deletion protection, TTL, customer-managed KMS, retained.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type CfnTable, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { INDEXES, KEY, TTL_ATTRIBUTE } from '../../../functions/adapters/dynamo/table.js';

export interface DataTableProps {
  /** Customer-managed key that encrypts the table. */
  readonly encryptionKey: IKey;
  /**
   * Logical id pinned in the template, so refactoring constructs never replaces the table.
   * @default 'DataTable'
   */
  readonly logicalId?: string;
}

export class DataTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: KEY.pk, type: AttributeType.STRING },
      sortKey: { name: KEY.sk, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const [indexName, ix] of Object.entries(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: ix.pk, type: AttributeType.STRING },
        sortKey: { name: ix.sk, type: AttributeType.STRING },
      });
    }
    (this.table.node.defaultChild as CfnTable).overrideLogicalId(props.logicalId ?? 'DataTable');
  }
}
