// The first admin of a deployment: created once, with the generated password from Secrets Manager, when no
// user has that id. An existing user is never touched, so a redeploy or a rotated secret cannot reset a
// password someone has changed (locking them out) or reopen access with the bootstrap password.
import { USER_ID_PATTERN, USER_ID_RULE } from '../domain/model.js';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../domain/password.js';
import type { NewUser, Store } from '../domain/ports.js';

export class BootstrapAdminError extends Error {
  override readonly name = 'BootstrapAdminError';
}

/** Admin for user administration and settings, supervisor for the floor; no agent desk, so no TaskRouter worker. */
export const BOOTSTRAP_ADMIN_ROLES = ['admin', 'supervisor'] as const;

export type BootstrapAdminOutcome =
  | { readonly created: true; readonly id: string }
  | { readonly created: false; readonly id: string; readonly reason: 'exists' };

export interface BootstrapAdminInput {
  readonly adminId: string;
  /** Read only when the user has to be created, so an existing admin's deploys never fetch the secret. */
  readonly readPassword: () => Promise<string>;
}

export async function bootstrapAdmin(
  store: Store,
  input: BootstrapAdminInput,
): Promise<BootstrapAdminOutcome> {
  const { adminId } = input;
  if (!USER_ID_PATTERN.test(adminId))
    throw new BootstrapAdminError(`adminId "${adminId}" is not a login id (${USER_ID_RULE})`);
  if (await store.users.get(adminId)) return { created: false, id: adminId, reason: 'exists' };

  const password = await input.readPassword();
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new BootstrapAdminError(
      `the admin password secret must hold at least ${PASSWORD_MIN_LENGTH} characters`,
    );
  const user: NewUser = {
    id: adminId,
    name: 'Administrator',
    roles: [...BOOTSTRAP_ADMIN_ROLES],
    skills: [],
    languages: ['zh', 'en'],
    regions: [],
    disabled: false,
    passwordHash: await hashPassword(password),
  };
  // Conditional on the id being free: a user created meanwhile (another run, an admin) wins and is kept.
  const result = await store.users.create(user);
  if (!result.ok) {
    if (result.reason === 'duplicate') return { created: false, id: adminId, reason: 'exists' };
    throw new Error(`creating the first admin "${adminId}" failed: ${result.reason}`);
  }
  await store.audit.append({
    actor: 'system',
    action: 'user.create',
    target: adminId,
    detail: { roles: user.roles, via: 'deploy-bootstrap' },
  });
  return { created: true, id: adminId };
}
