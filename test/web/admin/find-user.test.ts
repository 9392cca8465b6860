// Reading one user afresh through the paged list: found on a later page, or given up on once the
// id-ordered pages pass it or run out.
import { describe, expect, it } from 'vitest';
import { findUser, type ListUsers } from '../../../web/src/admin/find-user.js';
import type { AdminUser } from '../../../web/src/admin/users-api.js';

const user = (id: string) => ({ id, name: id, version: 1 }) as AdminUser;

function pages(...ids: string[][]): { list: ListUsers; calls: (string | undefined)[] } {
  const calls: (string | undefined)[] = [];
  const list: ListUsers = async (_limit, cursor) => {
    calls.push(cursor);
    const at = cursor ? Number(cursor) : 0;
    const items = (ids[at] ?? []).map(user);
    return at + 1 < ids.length ? { items, cursor: String(at + 1) } : { items };
  };
  return { list, calls };
}

describe('findUser', () => {
  it('reads pages until the user is found', async () => {
    const { list, calls } = pages(['1001', '1002'], ['1077', '2001'], ['admin']);
    expect((await findUser(list, '1077'))?.id).toBe('1077');
    expect(calls).toEqual([undefined, '1']);
  });

  it('stops once a page passes the id, or at the last page', async () => {
    const passed = pages(['1001', '1002'], ['1078', '2001'], ['admin']);
    expect(await findUser(passed.list, '1077')).toBeUndefined();
    expect(passed.calls).toEqual([undefined, '1']);
    const end = pages(['1001'], ['1002']);
    expect(await findUser(end.list, 'zz')).toBeUndefined();
    expect(end.calls).toEqual([undefined, '1']);
  });
});
