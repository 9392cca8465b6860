// Calls to the user administration routes (admins only): list a page, create, change, reset a password.
import type { User } from '../../../functions/domain/model.js';
import { call } from '../api.js';

/** A user as GET /api/users shows it: everything but the password hash. */
export type AdminUser = Omit<User, 'passwordHash'>;

/** What POST /api/users takes: the profile and a first password. */
export type NewUserBody = Pick<
  User,
  'id' | 'name' | 'roles' | 'skills' | 'skillLevels' | 'languages' | 'regions' | 'extension' | 'disabled'
> & { readonly password: string };

/** What PATCH /api/users/{id} takes: the version seen and the fields that change. */
export type UserPatchBody = { readonly version: number } & Partial<
  Omit<NewUserBody, 'id' | 'password' | 'extension'>
> & {
    /** null removes it. */
    readonly extension?: string | null;
  };

export interface UserPage {
  readonly items: readonly AdminUser[];
  readonly cursor?: string;
}

const path = (id: string) => `/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (limit: number, cursor?: string) =>
    call<UserPage>(
      'GET',
      `/users?${new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })}`,
    ),
  get: (id: string) => call<AdminUser>('GET', path(id)),
  create: (body: NewUserBody) => call<AdminUser>('POST', '/users', body),
  update: (id: string, body: UserPatchBody) => call<AdminUser>('PATCH', path(id), body),
  resetPassword: (id: string, password: string) => call<void>('POST', `${path(id)}/password`, { password }),
};
