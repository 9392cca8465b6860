// The single-table layout: one table, generic key names, three overloaded GSIs. Shared by the local
// stack (CreateTable on dynalite), the storage tests and the CDK stateful stack, so they cannot drift.
// The key strings are built in keys.ts; docs/data-model.md lists the items and their access patterns.

export const KEY = { pk: 'pk', sk: 'sk' } as const;

/** GSI name -> its partition and sort attribute. All project every attribute. */
export const INDEXES = {
  gsi1: { pk: 'gsi1pk', sk: 'gsi1sk' }, // owner: a customer's assets, policies, tickets, calls, tasks
  gsi2: { pk: 'gsi2pk', sk: 'gsi2sk' }, // state/time: tickets by status, tasks due, calls by day, users
  gsi3: { pk: 'gsi3pk', sk: 'gsi3sk' }, // person: tickets/tasks by assignee, calls by agent, audit by actor
} as const;

export type IndexName = keyof typeof INDEXES;

/** Attribute holding the expiry (epoch seconds) of short-lived items; DynamoDB TTL in AWS. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Input for CreateTable, used by the local stack and tests (the CDK stack mirrors it). */
export function createTableInput(tableName: string) {
  const attrs = new Set<string>([KEY.pk, KEY.sk]);
  for (const ix of Object.values(INDEXES)) {
    attrs.add(ix.pk);
    attrs.add(ix.sk);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: KEY.pk, KeyType: 'HASH' as const },
      { AttributeName: KEY.sk, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: Object.entries(INDEXES).map(([name, ix]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: ix.pk, KeyType: 'HASH' as const },
        { AttributeName: ix.sk, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
