// The Users page's form logic: the choices come from the routing config and the domain, a form becomes
// the POST body, an edit sends only what changed with the version seen, a 400's issues land on their
// fields, and the loaded list is filtered and kept in id order.
import { describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import {
  choicesWith,
  EMPTY_FORM,
  fieldErrors,
  formOf,
  matchesFilter,
  newUserBody,
  REGIONS,
  ROLES,
  SKILLS,
  toggled,
  userPatch,
  withUser,
} from '../../../web/src/admin/user-form.js';
import type { AdminUser } from '../../../web/src/admin/users-api.js';
import { ApiError } from '../../../web/src/api.js';

function user(id: string, over: Partial<AdminUser> = {}): AdminUser {
  return {
    id,
    name: `Agent ${id}`,
    roles: ['agent'],
    skills: ['claims', 'general'],
    languages: ['zh'],
    regions: ['east-china'],
    extension: id,
    disabled: false,
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    version: 3,
    ...over,
  };
}

describe('choices', () => {
  it('offers the routing queues as skills and each region once', () => {
    expect(SKILLS).toEqual(['claims', 'complaints', 'policy', 'general', 'rescue', 'support']);
    expect(SKILLS).toEqual(routing.queues.map((q) => q.name));
    expect(REGIONS).toEqual(['east-china', 'north-china', 'south-china', 'west-china', 'us']);
    expect(ROLES).toEqual(['agent', 'supervisor', 'admin']);
  });

  it('keeps values a user holds that are not offered', () => {
    expect(choicesWith(['a', 'b'], ['b', 'x'])).toEqual(['a', 'b', 'x']);
  });

  it('toggles a value in the order of the offered list', () => {
    expect(toggled(['general'], 'claims', true, SKILLS)).toEqual(['claims', 'general']);
    expect(toggled(['claims', 'general'], 'claims', false, SKILLS)).toEqual(['general']);
    expect(toggled(['x', 'general'], 'claims', true, SKILLS)).toEqual(['claims', 'general', 'x']);
  });
});

describe('newUserBody', () => {
  it('trims id, name and extension and leaves an empty extension out', () => {
    const form = {
      ...EMPTY_FORM,
      id: ' 1077 ',
      password: ' secret with spaces ',
      name: ' Zhao Lei ',
      skills: ['claims', 'general'],
      languages: ['zh', 'en'] as const,
      extension: '',
    };
    expect(newUserBody(form)).toEqual({
      id: '1077',
      password: ' secret with spaces ',
      name: 'Zhao Lei',
      roles: ['agent'],
      skills: ['claims', 'general'],
      languages: ['zh', 'en'],
      regions: [],
      disabled: false,
    });
    expect(newUserBody({ ...form, extension: ' 1077 ' }).extension).toBe('1077');
  });
});

describe('userPatch', () => {
  it('sends only the version when nothing changed', () => {
    const u = user('1077');
    expect(userPatch(u, formOf(u))).toEqual({ version: 3 });
  });

  it('sends the fields that changed with the version seen', () => {
    const u = user('1077');
    const form = { ...formOf(u), name: 'Zhao Lei ', skills: ['claims'], disabled: true, extension: '1078' };
    expect(userPatch(u, form)).toEqual({
      version: 3,
      name: 'Zhao Lei',
      skills: ['claims'],
      disabled: true,
      extension: '1078',
    });
  });

  it('sends a cleared extension as null, which removes it', () => {
    const u = user('1077');
    expect(userPatch(u, { ...formOf(u), extension: ' ' })).toEqual({ version: 3, extension: null });
    const without = user('1078', { extension: undefined });
    expect(userPatch(without, formOf(without))).toEqual({ version: 3 });
  });
});

describe('fieldErrors', () => {
  it('puts each issue of a 400 on its field, in the UI’s language', () => {
    const error = new ApiError(400, 'validation', 'Invalid request: ...', {
      issues: [
        { path: 'body.password', code: 'too_small', message: 'Too small' },
        { path: 'body.skills.0', code: 'too_big', message: 'Too long' },
        { path: 'body.skills.2', code: 'invalid_value', message: 'Empty' },
        { path: 'body', code: 'unrecognized_keys', message: 'Unrecognized key' },
      ],
    });
    expect(fieldErrors(error, 'zh')).toEqual({
      password: '太短或太小',
      skills: '太长或太大；不是允许的选项',
    });
    expect(fieldErrors(error, 'en')).toEqual({
      password: 'is too short or too small',
      skills: 'is too long or too large; is not one of the allowed values',
    });
  });

  it('names no field for other errors', () => {
    expect(fieldErrors(new ApiError(409, 'duplicate', 'exists', { field: 'id' }), 'zh')).toEqual({});
    expect(fieldErrors(new Error('network'), 'zh')).toEqual({});
    expect(
      fieldErrors(new ApiError(400, 'validation', 'odd', { issues: [null, { path: 1 }] }), 'zh'),
    ).toEqual({});
  });
});

describe('the loaded list', () => {
  it('filters by id or name, ignoring case', () => {
    const u = user('1077', { name: 'Zhao Lei' });
    expect(matchesFilter(u, '')).toBe(true);
    expect(matchesFilter(u, '107')).toBe(true);
    expect(matchesFilter(u, ' zhao ')).toBe(true);
    expect(matchesFilter(u, 'wang')).toBe(false);
  });

  it('puts a new or changed user in id order', () => {
    const list = [user('1001'), user('1002'), user('admin')];
    expect(withUser(list, user('1077')).map((u) => u.id)).toEqual(['1001', '1002', '1077', 'admin']);
    expect(withUser(list, user('zz')).map((u) => u.id)).toEqual(['1001', '1002', 'admin', 'zz']);
    const changed = withUser(list, user('1002', { version: 4 }));
    expect(changed.map((u) => [u.id, u.version])).toEqual([
      ['1001', 3],
      ['1002', 4],
      ['admin', 3],
    ]);
  });
});
