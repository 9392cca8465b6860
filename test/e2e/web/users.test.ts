// Users (/admin/users) in Chromium: the admin opens the page from the header and sees the demo users,
// creates agent 1077 (a worker appears in TaskRouter at once), is shown the server's 409 for a duplicate
// id and its 400 naming the password field for a short password, edits and grades 1077's skills, meets a stale version
// (409, the latest loaded) and the self-lockout refusal (422), disables 1077 and resets its password,
// which then signs in. An agent sees no Users link and an admins-only message at the path.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../functions/domain/model.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the Users page in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let admin: Page;
  let agent: Page;

  const stored = async (id: string): Promise<User> => {
    const user = await stack.store.users.get(id);
    if (!user) throw new Error(`user ${id} is missing`);
    return user;
  };
  const login = (id: string, password: string) =>
    fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, password }),
    }).then((r) => r.status);
  const createForm = (): Locator => admin.getByTestId('create-user');
  const editor = (): Locator => admin.getByTestId('user-editor');
  const check = (form: Locator, name: string, value: string, on = true) =>
    form.locator(`input[name=${name}][value="${value}"]`).setChecked(on);

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
    const page = async () =>
      (await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } })).newPage();
    [admin, agent] = [await page(), await page()];
    for (const p of [admin, agent]) await p.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the admin opens Users from the header and sees the demo users', async () => {
    await signIn(admin, stack.url, 'admin', '/agent');
    await admin.getByTestId('users-link').click();
    await admin.waitForURL(/\/admin\/users$/, WITHIN);
    for (const id of ['1001', '1002', '1003', '1004', '2001', 'admin'])
      await admin.getByTestId(`user-${id}`).waitFor(WITHIN);
    await admin
      .getByTestId('user-1002')
      .getByTestId('skills')
      .getByText('Complaints, General inquiries, IT support')
      .waitFor(WITHIN);
    await admin.fill('input[name=filter]', 'emily');
    await admin.getByTestId('user-1001').waitFor({ state: 'detached', ...WITHIN });
    expect(await admin.locator('table.users-table tbody tr').count()).toBe(1);
    await admin.fill('input[name=filter]', '');
    await admin.getByTestId('user-1001').waitFor(WITHIN);
  });

  it('creates agent 1077, whose TaskRouter worker exists at once', async () => {
    const form = createForm();
    await form.locator('input[name=id]').fill('1077');
    await form.locator('input[name=name]').fill('赵磊 Zhao Lei');
    await form.getByRole('button', { name: 'Generate' }).click();
    const password = await form.locator('input[name=password]').inputValue();
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    await check(form, 'skills', 'general');
    await check(form, 'skills', 'claims');
    await check(form, 'languages', 'en');
    await check(form, 'regions', 'north-china');
    await form.locator('input[name=extension]').fill('1077');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByTestId('created').getByText('1077').waitFor(WITHIN);
    expect(await form.getByTestId('created-password').textContent()).toBe(password);
    await admin
      .getByTestId('user-1077')
      .getByTestId('skills')
      .getByText('Claims, General inquiries')
      .waitFor(WITHIN);
    await shot(admin, '40-users-created');

    expect(await stored('1077')).toMatchObject({
      name: '赵磊 Zhao Lei',
      roles: ['agent'],
      skills: ['claims', 'general'],
      languages: ['zh', 'en'],
      regions: ['north-china'],
      extension: '1077',
      disabled: false,
    });
    const routing = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    expect(routing?.workers['1077']).toMatch(/^WK/);
    expect(await login('1077', password)).toBe(200);
  });

  it('shows the server’s 409 for a duplicate id and its 400 naming the password field', async () => {
    const form = createForm();
    await form.locator('input[name=id]').fill('1077');
    await form.locator('input[name=name]').fill('Someone else');
    await form.locator('input[name=password]').fill('long enough password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByRole('alert').getByText('ID "1077" is already taken').waitFor(WITHIN);

    await form.locator('input[name=id]').fill('1078');
    await form.locator('input[name=password]').fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByRole('alert').getByText('Password: needs at least 8 characters').waitFor(WITHIN);
    await form.getByTestId('error-password').waitFor(WITHIN);
    await shot(admin, '41-users-short-password');
    expect(await stack.store.users.get('1078')).toBeUndefined();
  });

  it('edits 1077’s skills and grades one in the side panel', async () => {
    await admin.getByTestId('user-1077').getByRole('button', { name: 'Edit' }).click();
    const panel = editor();
    await panel.locator('input[name=name]').waitFor(WITHIN);
    expect(await panel.locator('input[name=name]').inputValue()).toBe('赵磊 Zhao Lei');
    await check(panel, 'skills', 'claims', false);
    await check(panel, 'skills', 'rescue');
    // A level for each skill ticked, the default until graded; the dispatcher is their best at rescue.
    const rescueLevel = panel.getByTestId('skill-levels').locator('select[name="level-rescue"]');
    expect(await rescueLevel.inputValue()).toBe('3');
    await rescueLevel.selectOption('5');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByRole('status').getByText('Saved').waitFor(WITHIN);
    await admin
      .getByTestId('user-1077')
      .getByTestId('skills')
      .getByText('General inquiries, Roadside rescue')
      .waitFor(WITHIN);
    expect((await stored('1077')).skills).toEqual(['general', 'rescue']);
    expect((await stored('1077')).skillLevels).toEqual({ rescue: 5 });
    await shot(admin, '42-users-edit');
  });

  it('meets a change made elsewhere with the 409 and the latest record', async () => {
    const before = await stored('1077');
    const elsewhere = await stack.store.users.update('1077', before.version, { name: 'Zhao Lei (renamed)' });
    expect(elsewhere.ok).toBe(true);
    const panel = editor();
    await check(panel, 'languages', 'zh', false);
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel
      .getByRole('alert')
      .getByText('Someone else changed this user', { exact: false })
      .waitFor(WITHIN);
    await expect
      .poll(() => panel.locator('input[name=name]').inputValue(), WITHIN)
      .toBe('Zhao Lei (renamed)');
    expect(await panel.locator('input[name=languages][value=zh]').isChecked()).toBe(true);
    expect((await stored('1077')).languages).toEqual(['zh', 'en']);
  });

  it('refuses to let the admin drop their own admin role (422)', async () => {
    await admin.getByTestId('user-admin').getByRole('button', { name: 'Edit' }).click();
    const panel = editor();
    await check(panel, 'roles', 'admin', false);
    await check(panel, 'roles', 'supervisor');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByRole('alert').getByText('You cannot disable yourself', { exact: false }).waitFor(WITHIN);
    expect((await stored('admin')).roles).toEqual(['admin']);
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('disables 1077 and resets its password, and the new one signs in', async () => {
    await admin.getByTestId('user-1077').getByRole('button', { name: 'Edit' }).click();
    const panel = editor();
    await panel.locator('input[name=disabled]').check();
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByTestId('user-1077').getByTestId('disabled').waitFor(WITHIN);
    expect((await stored('1077')).disabled).toBe(true);

    const reset = admin.getByTestId('reset-password');
    await reset.getByRole('button', { name: 'Generate' }).click();
    const password = await reset.locator('input[name=newPassword]').inputValue();
    expect(password).toHaveLength(16);
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await reset.getByTestId('new-password').getByText(password).waitFor(WITHIN);
    await shot(admin, '43-users-disabled-reset');
    // A disabled user cannot sign in; enabled again, the new password works and the old one does not.
    expect(await login('1077', password)).toBe(403);
    await panel.locator('input[name=disabled]').uncheck();
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await admin
      .getByTestId('user-1077')
      .getByTestId('disabled')
      .waitFor({ state: 'detached', ...WITHIN });
    expect(await login('1077', password)).toBe(200);
  });

  it('an agent sees no Users link and an admins-only message at the path', async () => {
    await signIn(agent, stack.url, '1002', '/agent');
    expect(await agent.getByTestId('users-link').count()).toBe(0);
    await agent.goto(`${stack.url}/admin/users`);
    await agent.getByTestId('admins-only').getByText('Only admins can manage users.').waitFor(WITHIN);
    expect(await agent.locator('table.users-table').count()).toBe(0);
    await shot(agent, '44-users-admins-only');
  });
});
