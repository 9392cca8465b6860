// The Users page's form logic: the choices offered (roles, the routing queues as skills, languages, the
// regions routing knows), a user's form values, and the bodies POST /users and PATCH /users/{id} take.
import { routing } from '../../../flows/routing.js';
import { LANGUAGES, type Language, ROLES, type Role, SKILL_LEVEL } from '../../../functions/domain/model.js';
import { fieldIssues } from '../errors.js';
import type { Lang } from '../lang.js';
import type { AdminUser, NewUserBody, UserPatchBody } from './users-api.js';

export { LANGUAGES, ROLES, SKILL_LEVEL };
/** The routing queues are the skills an agent can have. */
export const SKILLS: readonly string[] = routing.queues.map((queue) => queue.name);
/** The regions caller numbers map to, each once. */
export const REGIONS: readonly string[] = [...new Set(Object.values(routing.regionsByPrefix))];

export interface UserForm {
  readonly id: string;
  readonly password: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly skills: readonly string[];
  /** Only the levels an admin set; a skill without one routes at the default. */
  readonly skillLevels: Readonly<Record<string, number>>;
  readonly languages: readonly Language[];
  readonly regions: readonly string[];
  readonly extension: string;
  readonly disabled: boolean;
}

export const EMPTY_FORM: UserForm = {
  id: '',
  password: '',
  name: '',
  roles: ['agent'],
  skills: [],
  skillLevels: {},
  languages: ['zh'],
  regions: [],
  extension: '',
  disabled: false,
};

export function formOf(user: AdminUser): UserForm {
  return {
    id: user.id,
    password: '',
    name: user.name,
    roles: user.roles,
    skills: user.skills,
    skillLevels: user.skillLevels ?? {},
    languages: user.languages,
    regions: user.regions,
    extension: user.extension ?? '',
    disabled: user.disabled,
  };
}

/** The offered values followed by any others the user already has, so editing never drops them unseen. */
export function choicesWith(offered: readonly string[], held: readonly string[]): string[] {
  return [...offered, ...held.filter((value) => !offered.includes(value))];
}

/** `list` with `value` in or out, in the order of `order` (a user's choices read the same everywhere). */
export function toggled<T extends string>(
  list: readonly T[],
  value: T,
  on: boolean,
  order: readonly T[],
): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  const ranked = order.filter((v) => set.has(v));
  return [...ranked, ...[...set].filter((v) => !order.includes(v))];
}

export function newUserBody(form: UserForm): NewUserBody {
  const extension = form.extension.trim();
  return {
    id: form.id.trim(),
    password: form.password,
    name: form.name.trim(),
    roles: form.roles,
    skills: form.skills,
    ...(Object.keys(heldLevels(form)).length > 0 ? { skillLevels: heldLevels(form) } : {}),
    languages: form.languages,
    regions: form.regions,
    ...(extension ? { extension } : {}),
    disabled: form.disabled,
  };
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** The levels of the skills still ticked: unticking a skill drops its level with it. */
export function heldLevels(form: Pick<UserForm, 'skills' | 'skillLevels'>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(form.skillLevels).filter(([skill]) => form.skills.includes(skill)),
  );
}

const sameLevels = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** The fields that differ from `user`, with the version seen; a cleared extension is sent as null (removed). */
export function userPatch(user: AdminUser, form: UserForm): UserPatchBody {
  const name = form.name.trim();
  const extension = form.extension.trim();
  return {
    version: user.version,
    ...(name !== user.name ? { name } : {}),
    ...(same(form.roles, user.roles) ? {} : { roles: form.roles }),
    ...(same(form.skills, user.skills) ? {} : { skills: form.skills }),
    ...(sameLevels(heldLevels(form), user.skillLevels ?? {}) ? {} : { skillLevels: heldLevels(form) }),
    ...(same(form.languages, user.languages) ? {} : { languages: form.languages }),
    ...(same(form.regions, user.regions) ? {} : { regions: form.regions }),
    ...(extension !== (user.extension ?? '') ? { extension: extension || null } : {}),
    ...(form.disabled !== user.disabled ? { disabled: form.disabled } : {}),
  };
}

export type FieldErrors = Readonly<Record<string, string>>;

/** A 400's issues by form field (`body.skills.0` is the skills field), in `lang`. Other errors name no field. */
export function fieldErrors(error: unknown, lang: Lang): FieldErrors {
  return fieldIssues(error, lang);
}

/** Users whose id or name contains the filter, ignoring case. */
export function matchesFilter(user: AdminUser, filter: string): boolean {
  const q = filter.trim().toLowerCase();
  return !q || user.id.toLowerCase().includes(q) || user.name.toLowerCase().includes(q);
}

/** The loaded list with `user` put in its place (the API lists users by id). */
export function withUser(list: readonly AdminUser[], user: AdminUser): AdminUser[] {
  const rest = list.filter((u) => u.id !== user.id);
  const at = rest.findIndex((u) => u.id > user.id);
  return at < 0 ? [...rest, user] : [...rest.slice(0, at), user, ...rest.slice(at)];
}
