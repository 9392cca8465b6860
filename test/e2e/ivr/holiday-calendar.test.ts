// The holiday calendar set on the console, end to end with no restart: a holiday an admin adds through
// the API closes the IT line that very day, a make-up working day (调休) opens it on a Saturday, and
// restoring an earlier version brings the earlier days back; every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendars } from '../../../flows/calendar.js';
import { type IvrHarness, SUPPORT, startIvr } from './support.js';

const WELCOME = '您好，欢迎致电技术支持热线。';
const CLOSED = /^您好，这里是技术支持热线。我们的服务时间是周一至周五09:00至18:00，法定节假日休息。/;

let h: IvrHarness;
let admin: string;
const signIn = async () => {
  const login = await fetch(`${h.stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'admin', password: 'demo-admin' }),
  });
  admin = ((await login.json()) as { token: string }).token;
};
// Wednesday 2027-03-10 10:00 Shanghai: an ordinary working day, the IT line open.
beforeAll(async () => {
  h = await startIvr('2027-03-10T02:00:00Z');
  await signIn();
});
afterAll(() => h.stop());

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${h.stack.url}/api/admin/${path}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
const putCalendar = (holidays: Record<string, string>, makeUpDays: Record<string, string>) =>
  api('PUT', 'calendars/cn', { holidays, makeUpDays });

/** What a caller to the IT line hears first, hanging up after. */
async function firstHeard(caller: string): Promise<string> {
  const sid = await h.call(caller, SUPPORT);
  const heard = (await h.heardNew(sid))[0] ?? '';
  await h.hangup(sid);
  return heard;
}

describe('holiday calendar set on the console', () => {
  it('closes the line the day an admin makes it a holiday, at once', async () => {
    expect(await firstHeard('+8613900008001')).toBe(WELCOME);
    const set = await putCalendar(
      { ...calendars.cn.holidays, '2027-03-10': '公司年会 Company day' },
      {
        ...calendars.cn.makeUpDays,
      },
    );
    expect(set.status).toBe(200);
    // No restart and no clock moved: the very next call hears the line is closed.
    const sid = await h.call('+8613900008002', SUPPORT);
    expect((await h.heardNew(sid))[0]).toMatch(CLOSED);
    expect(await h.stack.store.calls.get(sid)).toMatchObject({ disposition: 'after-hours' });
    await h.hangup(sid);
  });

  it('opens the line on a Saturday an admin makes a make-up working day', async () => {
    // Saturday 2027-03-13 10:00 Shanghai: closed, as every weekend.
    await h.clock.advance(Date.parse('2027-03-13T02:00:00Z') - h.clock.now());
    await signIn(); // days on, the session may have expired
    expect(await firstHeard('+8613900008003')).toMatch(CLOSED);
    const set = await putCalendar(
      { '2027-03-10': '公司年会 Company day' },
      { '2027-03-13': '调休 Make-up day' },
    );
    expect(set.status).toBe(200);
    expect(await firstHeard('+8613900008004')).toBe(WELCOME);
  });

  it('brings the earlier calendar back on restore, and every change is audited', async () => {
    const history = (await (await api('GET', 'settings/calendar:cn/history')).json()) as {
      items: { version: number; value: { makeUpDays: Record<string, string> } }[];
    };
    expect(
      history.items.map((v) => [v.version, Object.keys(v.value.makeUpDays).includes('2027-03-13')]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    const restored = await api('POST', 'settings/calendar:cn/restore', { version: 1 });
    expect(restored.status).toBe(200);
    // Version 1 had no make-up day on this Saturday: closed again, at once.
    expect(await firstHeard('+8613900008005')).toMatch(CLOSED);
    const audit = (await h.stack.store.audit.byActor('admin')).items;
    expect(audit.filter((e) => e.action === 'calendar.replace')).toHaveLength(2);
    expect(audit.find((e) => e.action === 'calendar.replace.restore')).toMatchObject({
      target: 'calendar:cn',
      detail: { restoredFrom: 1, after: { holidays: { '2027-03-10': '公司年会 Company day' } } },
    });
  });
});
