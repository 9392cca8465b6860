// User administration: listing, creating a user with a password, changing a profile under optimistic
// locking, resetting a password. Every change is audited, and an agent added or changed gets their
// TaskRouter worker at once; password hashes never leave these functions.
import { routing as routingConfig } from '../../flows/routing.js';
import type { PublicUser, User } from '../domain/model.js';
import { hashPassword } from '../domain/password.js';
import type { NewUser, Page, PageRequest } from '../domain/ports.js';
import { NotFoundError, UnprocessableError, ValidationError } from '../domain/problems.js';
import type { AgentWorkerSync } from '../domain/taskrouter-port.js';
import type { CenterBasics } from './center.js';
import { unwrap } from './write-result.js';

export interface UserDeps extends Pick<CenterBasics, 'store' | 'logger'> {
  readonly agentWorkers: AgentWorkerSync;
}

/** A new user as an administrator enters them: the password in clear, hashed before it is stored. */
export type UserSignUp = Omit<NewUser, 'passwordHash'> & { readonly password: string };

/** A profile change; a null extension removes it (an agent who no longer has a desk phone). */
export type UserChange = Partial<Omit<NewUser, 'id' | 'passwordHash' | 'extension'>> & {
  readonly extension?: string | null;
};

export function publicUser(user: User): PublicUser {
  const { passwordHash: _secret, ...rest } = user;
  return rest;
}

/** The user is saved whatever Twilio says; a failed sync is logged and the next provisioning run repairs it. */
async function syncWorker(deps: UserDeps, user: User): Promise<void> {
  await deps.agentWorkers
    .sync(user)
    .catch((err: unknown) => deps.logger.error('worker sync failed', { user: user.id, error: String(err) }));
}

export async function listUsers(deps: UserDeps, page: PageRequest): Promise<Page<PublicUser>> {
  const found = await deps.store.users.list(page);
  return { ...found, items: found.items.map(publicUser) };
}

export async function existingUser(deps: Pick<UserDeps, 'store'>, id: string): Promise<User> {
  const user = await deps.store.users.get(id);
  if (!user) throw new NotFoundError('user', id);
  return user;
}

/**
 * Skills are the queues an agent answers: a name that is no queue would route them nothing, and an agent
 * left with only such names would sit Available taking no calls.
 */
function checkSkills(skills: readonly string[] | undefined, kept: readonly string[] = []): void {
  const queues: readonly string[] = routingConfig.queues.map((q) => q.name);
  const stray = (skills ?? []).flatMap((skill, i) =>
    queues.includes(skill) || kept.includes(skill) ? [] : [{ skill, i }],
  );
  if (stray.length === 0) return;
  throw new ValidationError(
    stray.map(({ skill, i }) => ({
      path: `body.skills.${i}`,
      code: 'not-a-queue',
      message: `"${skill}" is not a queue: choose from ${queues.join(', ')}`,
    })),
  );
}

/** A level may only grade a skill the agent has: one for another would silently route nothing. */
function checkLevels(levels: Readonly<Record<string, number>> | undefined, skills: readonly string[]): void {
  const stray = Object.keys(levels ?? {}).filter((skill) => !skills.includes(skill));
  if (stray.length === 0) return;
  throw new ValidationError(
    stray.map((skill) => ({
      path: `body.skillLevels.${skill}`,
      code: 'skill-not-held',
      message: `is not one of the agent's skills (${skills.join(', ') || 'none'})`,
    })),
  );
}

/**
 * An agent is called by their number: their extension, else their id. A number another active user already
 * answers to would make both unreachable by internal call, so it is refused at the field.
 */
async function checkAgentNumber(
  deps: Pick<UserDeps, 'store'>,
  id: string,
  extension: string | undefined,
): Promise<void> {
  const others: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    others.push(...page.items.filter((u) => u.id !== id && !u.disabled));
    cursor = page.cursor;
  } while (cursor);
  const clash = (number: string) => others.find((u) => u.extension === number || u.id === number);
  const taken = extension ? clash(extension) : others.find((u) => u.extension === id);
  if (!taken) return;
  throw new ValidationError([
    {
      path: extension ? 'body.extension' : 'body.id',
      code: 'agent-number-taken',
      message: `${extension ?? id} is already the number of ${taken.name} (${taken.id}); choose another`,
    },
  ]);
}

export async function createUser(deps: UserDeps, actor: User, input: UserSignUp): Promise<User> {
  const { password, ...profile } = input;
  checkSkills(profile.skills);
  checkLevels(profile.skillLevels, profile.skills);
  await checkAgentNumber(deps, profile.id, profile.extension);
  const user = unwrap(
    await deps.store.users.create({ ...profile, passwordHash: await hashPassword(password) }),
    'user',
    profile.id,
  );
  await deps.store.audit.append({
    actor: actor.id,
    action: 'user.create',
    target: user.id,
    detail: { roles: user.roles },
  });
  await syncWorker(deps, user);
  return user;
}

export async function changeUser(
  deps: UserDeps,
  actor: User,
  id: string,
  version: number,
  change: UserChange,
): Promise<User> {
  const { extension, ...rest } = change;
  // Only a skill being added must be a queue: one kept from a queue since retired does not block the save.
  if (change.skills) checkSkills(change.skills, (await existingUser(deps, id)).skills);
  if (change.skillLevels)
    checkLevels(change.skillLevels, change.skills ?? (await existingUser(deps, id)).skills);
  // Removing the extension makes the id the agent's number: it must not be someone's extension.
  if (extension !== undefined) await checkAgentNumber(deps, id, extension ?? undefined);
  // The store drops absent attributes: an extension set to undefined is removed.
  const patch = extension === undefined ? rest : { ...rest, extension: extension ?? undefined };
  // An admin cannot lock themselves out; another admin must do it.
  if (id === actor.id && (patch.disabled === true || (patch.roles && !patch.roles.includes('admin')))) {
    throw new UnprocessableError(
      'self-lockout',
      'You cannot disable yourself or remove your own admin role.',
    );
  }
  const user = unwrap(await deps.store.users.update(id, version, patch), 'user', id, publicUser);
  await deps.store.audit.append({
    actor: actor.id,
    action: 'user.update',
    target: id,
    detail: { changed: Object.keys(patch) },
  });
  await syncWorker(deps, user);
  return user;
}

/** A new password ends every session of the user: their tokens carry the old hash's fingerprint. */
export async function resetUserPassword(
  deps: Pick<UserDeps, 'store'>,
  actor: User,
  id: string,
  password: string,
): Promise<void> {
  const target = await existingUser(deps, id);
  const passwordHash = await hashPassword(password);
  unwrap(await deps.store.users.update(id, target.version, { passwordHash }), 'user', id, publicUser);
  await deps.store.audit.append({ actor: actor.id, action: 'user.password-reset', target: id });
}
