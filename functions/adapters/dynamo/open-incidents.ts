// Claims on a ticket's incident keys (domain/ticket-incident.ts): one small item per key naming the ticket
// that holds it, claimed with a conditional put, so of two tickets for the same incident exactly one keeps
// it. Without transactions the ticket is written first and its keys after: a key always names a ticket
// that was written, and a key whose ticket is finished (or gone after a crash) is taken over.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { Ticket } from '../../domain/model.js';
import type { Clock } from '../../domain/ports.js';
import { type IncidentKey, stillHolds } from '../../domain/ticket-incident.js';
import * as keys from './keys.js';
import { getItem, type Item, putIf, type TableAccess } from './table-access.js';

/** How long a client's request key answers a retry with the same ticket. */
const REQUEST_KEY_SECONDS = 24 * 3600;

export interface IncidentClaims {
  /** The open ticket already holding one of the keys, read without writing anything. */
  holder(claims: readonly IncidentKey[]): Promise<Ticket | undefined>;
  /** Claims every key for `number`; on a live holder, gives back what it took and returns the holder. */
  claim(claims: readonly IncidentKey[], number: string): Promise<Ticket | undefined>;
}

export function createIncidentClaims(
  t: TableAccess,
  clock: Clock,
  ticket: (number: string) => Promise<Ticket | undefined>,
): IncidentClaims {
  const nowSeconds = () => Math.floor(clock.now() / 1000);

  /** The ticket a key's item names, if the item is live and the ticket still holds the key. */
  async function heldBy(claim: IncidentKey): Promise<{ number?: string; ticket?: Ticket }> {
    const item = await getItem(t, keys.incident(claim.key));
    const number = typeof item?.ticketNumber === 'string' ? item.ticketNumber : undefined;
    if (!number) return {};
    if (typeof item?.expiresAt === 'number' && item.expiresAt <= nowSeconds()) return { number };
    const held = await ticket(number);
    return stillHolds(claim, held) ? { number, ...(held ? { ticket: held } : {}) } : { number };
  }

  function itemFor(claim: IncidentKey, number: string): Item {
    return {
      pk: keys.incident(claim.key),
      sk: keys.ITEM_SK,
      entity: 'incident-key',
      ticketNumber: number,
      ...(claim.whileOpen ? {} : { expiresAt: nowSeconds() + REQUEST_KEY_SECONDS }),
    };
  }

  async function release(claim: IncidentKey, number: string): Promise<void> {
    await t.doc
      .send(
        new DeleteCommand({
          TableName: t.tableName,
          Key: { pk: keys.incident(claim.key), sk: keys.ITEM_SK },
          ConditionExpression: 'ticketNumber = :n',
          ExpressionAttributeValues: { ':n': number },
        }),
      )
      .catch((err: Error) => {
        if (err.name !== 'ConditionalCheckFailedException') throw err;
      });
  }

  /** True when the key is ours; else the live ticket holding it. */
  async function claimOne(claim: IncidentKey, number: string): Promise<true | Ticket> {
    const item = itemFor(claim, number);
    // A handful of rounds: each lost round means another creator changed the key in between.
    for (let round = 0; round < 5; round++) {
      if (await putIf(t, item, 'attribute_not_exists(pk) OR ticketNumber = :n', { ':n': number }))
        return true;
      const current = await heldBy(claim);
      if (current.ticket) return current.ticket;
      // Stale: its ticket is finished, expired or missing. Take it over from exactly that holder.
      if (current.number && (await putIf(t, item, 'ticketNumber = :old', { ':old': current.number })))
        return true;
    }
    throw new Error(`incident key ${claim.key} kept changing hands`);
  }

  return {
    async holder(claims) {
      for (const claim of claims) {
        const held = await heldBy(claim);
        if (held.ticket) return held.ticket;
      }
      return undefined;
    },

    async claim(claims, number) {
      const taken: IncidentKey[] = [];
      for (const claim of claims) {
        const result = await claimOne(claim, number);
        if (result !== true) {
          for (const mine of taken) await release(mine, number);
          return result;
        }
        taken.push(claim);
      }
      return undefined;
    },
  };
}
