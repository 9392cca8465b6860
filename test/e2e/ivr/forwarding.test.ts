// Forwarding to a duty phone, set by an admin through the API with no restart: after hours the IT line
// rings the on-call engineer's mobile (answered: the call is theirs; unanswered: the caller leaves a
// voicemail as before), and a warranty caller nobody answers in the set time leaves the queue for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { FORWARD_PROMPT } from '../../../functions/domain/forwarding.js';
import { type IvrHarness, SUPPORT, startIvr, WARRANTY } from './support.js';

const ON_CALL = '+8613900139000';
const DUTY_MANAGER = '+8613900139001';

let h: IvrHarness;
let admin: string;
// Thursday 2026-10-01 10:00 Shanghai: National Day, the IT line is closed.
const signIn = async () => {
  const login = await fetch(`${h.stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'admin', password: 'demo-admin' }),
  });
  admin = ((await login.json()) as { token: string }).token;
};
beforeAll(async () => {
  h = await startIvr('2026-10-01T02:00:00Z');
  await signIn();
});
afterAll(() => h.stop());

const putForwarding = (body: unknown) =>
  fetch(`${h.stack.url}/api/admin/forwarding`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const party = (address: string, policy: 'answer' | 'no-answer') =>
  fetch(`${h.stack.url}/sim/parties`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address, policy }),
  });

describe('forwarding set on the console', () => {
  it('refuses an unknown hotline, a bad number and one of our own, naming each', async () => {
    const res = await putForwarding({
      hotlines: {
        nowhere: { number: ON_CALL, afterHours: true, ringSeconds: 20 },
        warranty: { number: 'my mobile', afterHours: true, ringSeconds: 20 },
        rescue: { number: SUPPORT, afterHours: true, ringSeconds: 20 },
      },
    });
    expect(res.status).toBe(400);
    const { issues } = (await res.json()) as { issues: { path: string; code: string }[] };
    expect(issues).toEqual([
      expect.objectContaining({ path: 'body.hotlines.nowhere', code: 'unknown-hotline' }),
      expect.objectContaining({ path: 'body.hotlines.warranty.number', code: 'invalid-phone' }),
      expect.objectContaining({ path: 'body.hotlines.rescue.number', code: 'own-number' }),
    ]);
    const tooLong = await putForwarding({
      hotlines: { warranty: { number: ON_CALL, afterHours: true, ringSeconds: 600 } },
    });
    expect(tooLong.status).toBe(400);
  });

  it('after hours rings the duty phone, which takes the call', async () => {
    const set = await putForwarding({
      hotlines: { 'it-support': { number: '139 0013 9000', afterHours: true, ringSeconds: 20 } },
    });
    expect(set.status).toBe(200);
    expect(
      ((await set.json()) as { hotlines: Record<string, { number: string }> }).hotlines['it-support']?.number,
    ).toBe(ON_CALL);
    await party(ON_CALL, 'answer');
    const sid = await h.call('+8613900005555', SUPPORT);
    expect(await h.heardNew(sid)).toEqual([FORWARD_PROMPT.zh, FORWARD_PROMPT.en]);
    const view = await h.view(sid);
    expect(view.bridgedTo).not.toBeNull();
    await h.advance(30);
    await h.hangup(view.bridgedTo as string);
    expect(await h.stack.store.calls.get(sid)).toMatchObject({ disposition: 'forwarded' });
    const audit = await h.stack.store.audit.byActor('admin');
    expect(audit.items.find((e) => e.action === 'forwarding.replace')).toMatchObject({
      detail: { before: 'default', after: { hotlines: { 'it-support': { number: ON_CALL } } } },
    });
  });

  it('after hours, a duty phone nobody answers leaves the caller the voicemail', async () => {
    await party(ON_CALL, 'no-answer');
    const sid = await h.call('+8613900006666', SUPPORT);
    await h.heardNew(sid);
    await h.advance(21);
    expect(await h.heardNew(sid)).toContain('请在提示音后留言，按井号键结束。');
    await h.say(sid, '服务器宕机，请回电');
    await h.advance(5);
    const recordingSid = (await h.stack.store.calls.get(sid))?.recordingSids[0] ?? '';
    expect(await h.stack.store.voicemails.get(recordingSid)).toMatchObject({
      queue: 'support',
      reason: 'after-hours',
    });
  });

  it('sends a caller nobody answered in the set time from the queue to the duty phone', async () => {
    // To Friday 2026-10-09 10:00 Shanghai: a working day, every line open, no agent available.
    await h.clock.advance(Date.parse('2026-10-09T02:00:00Z') - h.clock.now());
    await signIn(); // a week on, the session has expired
    const set = await putForwarding({
      hotlines: {
        warranty: { number: DUTY_MANAGER, afterHours: false, noAgentAfterSeconds: 60, ringSeconds: 20 },
      },
    });
    expect(set.status).toBe(200);
    await party(DUTY_MANAGER, 'answer');
    const sid = await h.call('+8613900007777', WARRANTY);
    await h.press(sid, '1');
    await h.press(sid, '7');
    expect((await h.view(sid)).queueSid).not.toBeNull();
    for (let s = 0; s < 60 + 2 * routing.announceEverySeconds && !(await h.view(sid)).bridgedTo; s += 5)
      await h.advance(5);
    const view = await h.view(sid);
    expect(view.bridgedTo).not.toBeNull();
    expect(view.heard.map((x) => x.text)).toContain(FORWARD_PROMPT.zh);
    await h.hangup(view.bridgedTo as string);
    expect(await h.stack.store.calls.get(sid)).toMatchObject({ disposition: 'forwarded', queue: 'general' });
  });

  it('keeps every change as a version, and an earlier one comes back on restore, audited', async () => {
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${h.stack.url}/api/admin/settings/${path}`, {
        method,
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const history = (await (await api('GET', 'forwarding/history')).json()) as {
      items: { version: number; by: string; value: { hotlines: Record<string, unknown> } }[];
    };
    // Newest first: the warranty line's rule, then the IT line's (the refused change left no version).
    expect(history.items.map((v) => [v.version, v.by, Object.keys(v.value.hotlines)])).toEqual([
      [2, 'admin', ['warranty']],
      [1, 'admin', ['it-support']],
    ]);
    const restored = await api('POST', 'forwarding/restore', { version: 1 });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ version: 3, restoredFrom: 1 });
    const now = (await (
      await fetch(`${h.stack.url}/api/admin/forwarding`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { hotlines: Record<string, { number: string }> };
    expect(Object.keys(now.hotlines)).toEqual(['it-support']);
    const audit = await h.stack.store.audit.byActor('admin');
    expect(audit.items.find((e) => e.action === 'forwarding.replace.restore')).toMatchObject({
      target: 'forwarding',
      detail: { restoredFrom: 1, after: { hotlines: { 'it-support': { number: ON_CALL } } } },
    });
    expect((await api('POST', 'forwarding/restore', { version: 99 })).status).toBe(404);
    expect((await api('GET', 'nothing-like-it/history')).status).toBe(404);
    expect((await api('POST', 'forwarding/restore', { version: 'one' })).status).toBe(400);
  });
});
