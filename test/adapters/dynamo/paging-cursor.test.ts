// Paging cursors are client input: the adapter refuses any cursor a list did not return (not base64 JSON,
// the wrong attributes, another partition, outside the sort-key range) with BadCursorError, before DynamoDB
// sees it, and resumes from every cursor it did return.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadCursorError } from '../../../functions/domain/problems.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { newCustomer } from './fixtures.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let ts: TestStore;
let real: string;
beforeAll(async () => {
  ts = await createTestStore();
  for (const name of ['Zhang A', 'Zhang B', 'Zhang C'])
    await ts.store.customers.create(newCustomer({ name, phones: [] }));
  real = (await ts.store.customers.list({ limit: 1 })).cursor as string;
});
afterAll(() => ts.stop());

describe('paging cursors', () => {
  it('resumes from the cursor a list returned', async () => {
    expect(real).toEqual(expect.any(String));
    const next = await ts.store.customers.list({ limit: 1, cursor: real });
    expect(next.items).toHaveLength(1);
  });

  it('refuses a cursor a list did not return, naming query.cursor', async () => {
    const key = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as Record<string, string>;
    const forged = [
      'not-a-cursor',
      b64('a string'),
      b64([key]),
      b64({}),
      b64({ ...key, extra: 'x' }),
      b64({ ...key, pk: 7 }),
      b64({ ...key, gsi2pk: 'ANOTHER#PARTITION' }),
      b64({ ...key, sk: 'x'.repeat(5_000) }),
    ];
    for (const cursor of forged) {
      const err = await ts.store.customers.list({ cursor }).catch((e: unknown) => e);
      expect(err, cursor).toBeInstanceOf(BadCursorError);
      expect((err as BadCursorError).issues[0]?.path).toBe('query.cursor');
    }
  });

  it('refuses a cursor from another query whose sort keys it cannot resume', async () => {
    // A cursor of the whole list, handed to a name search whose sort keys start elsewhere.
    await expect(
      ts.store.customers.search('nobody-starts-with-this', { cursor: real }),
    ).rejects.toBeInstanceOf(BadCursorError);
  });

  it('refuses a forged day cursor on the recordings search', async () => {
    for (const cursor of [b64({ day: 42 }), b64({ day: '2026-03-01', inner: 5 }), b64(null)]) {
      await expect(ts.store.recordings.search({}, { cursor })).rejects.toBeInstanceOf(BadCursorError);
    }
  });
});
