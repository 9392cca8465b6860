// Counts the commands a DynamoDB client sends (GetItem, PutItem, Query...), so a test can say what an
// action costs in reads and writes. The document client shares its client's middleware, so both count.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface CommandCount {
  /** The command names sent since the last `reset()`, e.g. `PutItemCommand`. */
  readonly commands: string[];
  reset(): void;
}

export function countCommands(client: DynamoDBClient): CommandCount {
  const commands: string[] = [];
  // One counter per client at a time: a newer one replaces the last.
  client.middlewareStack.remove('countCommands');
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  return { commands, reset: () => commands.splice(0) };
}
