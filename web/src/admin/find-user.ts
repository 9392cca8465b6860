// One user read afresh when the API offers no GET for one: pages of GET /users (in id order) are read
// until the id is found or passed. Used after a password reset, which changes the user's version.
import type { AdminUser, UserPage } from './users-api.js';

export type ListUsers = (limit: number, cursor?: string) => Promise<UserPage>;

const PAGE = 100;

export async function findUser(list: ListUsers, id: string): Promise<AdminUser | undefined> {
  let cursor: string | undefined;
  do {
    const page = await list(PAGE, cursor);
    const found = page.items.find((user) => user.id === id);
    if (found) return found;
    const last = page.items.at(-1);
    if (last && last.id > id) return undefined;
    cursor = page.cursor;
  } while (cursor);
  return undefined;
}
