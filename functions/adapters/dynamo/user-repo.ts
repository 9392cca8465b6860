// Agents, supervisors and admins, keyed by login id.
import type { User } from '../../domain/model.js';
import type { Clock, NewUser, Page, UserRepo, WriteResult } from '../../domain/ports.js';
import * as keys from './keys.js';
import { fromItem, getItem, type Item, mapPage, putIf, queryPage, type TableAccess } from './table-access.js';
import { compact, versionedReplace } from './versioned.js';

function toItem(u: User): Item {
  return compact({
    ...u,
    pk: keys.user(u.id),
    sk: keys.ITEM_SK,
    entity: 'user',
    gsi2pk: keys.USERS,
    gsi2sk: u.id,
  });
}

export function createUserRepo(t: TableAccess, clock: Clock): UserRepo {
  return {
    async create(input: NewUser): Promise<WriteResult<User>> {
      const now = new Date(clock.now()).toISOString();
      const user: User = compact({ ...input, createdAt: now, updatedAt: now, version: 1 });
      if (!(await putIf(t, toItem(user), 'attribute_not_exists(pk)'))) {
        return { ok: false, reason: 'duplicate', field: 'id', value: input.id };
      }
      return { ok: true, value: user };
    },

    async get(id: string): Promise<User | undefined> {
      const item = await getItem(t, keys.user(id));
      return item ? fromItem<User>(item) : undefined;
    },

    update(id, expectedVersion, patch): Promise<WriteResult<User>> {
      const now = new Date(clock.now()).toISOString();
      return versionedReplace<User>(t, keys.user(id), expectedVersion, (current) =>
        toItem(compact({ ...current, ...patch, id, updatedAt: now })),
      );
    },

    async list(page): Promise<Page<User>> {
      return mapPage<User>(await queryPage(t, { index: 'gsi2', pk: keys.USERS }, page));
    },
  };
}
