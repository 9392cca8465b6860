// Acceptance: `npm start` with SIM_CLOCK, driven from outside as a tester would. The real entry runs as a
// child process from Monday 7 December 2026 09:00 in Shanghai: a call to the warranty hotline reaches
// the menu; after POST /sim/clock/advance to 23:00 the same day, the next caller hears the closed message.
// A SIM_CLOCK that is not a time stops the start with a message naming it and what it takes.
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../local/support.js';
import { startMain } from '../../support/npm-start.js';

const WARRANTY = '+18005550100';
const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** `tsx infra/local/main.ts` (npm start without the web build) with `env` on a free port. */
function npmStart(env: Record<string, string>) {
  const data = tempDir('sim-clock');
  cleanups.push(data.remove);
  const run = startMain({ PORT: '0', DATA_DIR: data.path, ...env });
  const { child, exited } = run;
  children.push(child);
  const url = async () => {
    await run.printed('Press Ctrl-C to stop.');
    const found = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output().stdout)?.[1];
    if (!found) throw new Error(`npm start printed no URL:\n${run.output().stdout}`);
    return found;
  };
  return { url, exited, output: run.output };
}

interface CallView {
  readonly status: string;
  readonly waitingFor: string;
  readonly heard: readonly { text: string }[];
}

function simApi(url: string) {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/sim${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} /sim${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    clock: () => send<{ now: string; mode: string; timeZone: string }>('GET', '/clock'),
    advance: (ms: number) => send<{ now: string }>('POST', '/clock/advance', { ms }),
    async call(from: string): Promise<string> {
      return (await send<{ callSid: string }>('POST', '/calls', { from, to: WARRANTY })).callSid;
    },
    view: (sid: string) => send<CallView>('GET', `/calls/${sid}`),
    press: (sid: string, digits: string) => send<CallView>('POST', `/calls/${sid}/input`, { digits }),
    hangup: (sid: string) => send<CallView>('POST', `/calls/${sid}/hangup`, {}),
  };
}

describe('npm start with SIM_CLOCK', () => {
  it('opens the warranty line at 09:00 and closes it after the clock is moved to 23:00', async () => {
    const run = npmStart({ SIM_CLOCK: '2026-12-07T09:00:00+08:00' });
    const sim = simApi(await run.url());
    expect(run.output().stdout).toContain('Clock: simulated (SIM_CLOCK), running at real speed');
    expect(run.output().stdout).toMatch(/center time Mon 7 Dec 2026 09:0\d \(Asia\/Shanghai\)/);

    const started = await sim.clock();
    expect(started).toMatchObject({ mode: 'running', timeZone: 'Asia/Shanghai' });
    const startedAt = Date.parse(started.now);
    expect(startedAt - Date.parse('2026-12-07T09:00:00+08:00')).toBeGreaterThanOrEqual(0);
    expect(startedAt - Date.parse('2026-12-07T09:00:00+08:00')).toBeLessThan(60_000);

    const morning = await sim.call('+8613900007001');
    expect((await sim.view(morning)).heard.map((h) => h.text)).toEqual([
      '您好，欢迎致电爱车保服务热线。',
      '普通话服务请按1。',
      'For English, press 2.',
    ]);
    const menu = await sim.press(morning, '1');
    expect(menu.heard.at(-1)?.text).toMatch(/^理赔报案请按1；投诉请按2/);
    expect(menu.waitingFor).toBe('input');
    expect(menu.heard.map((h) => h.text).join()).not.toMatch(/非服务时间/);
    await sim.hangup(morning);

    const elevenPm = Date.parse('2026-12-07T23:00:00+08:00');
    const moved = await sim.advance(elevenPm - Date.parse((await sim.clock()).now));
    expect(Date.parse(moved.now) - elevenPm).toBeGreaterThanOrEqual(0);
    expect(Date.parse(moved.now) - elevenPm).toBeLessThan(60_000);

    const night = await sim.call('+8613900007002');
    const heard = await sim.view(night);
    expect(heard.heard[0]?.text).toBe(
      '您好，这里是爱车保服务热线。我们的服务时间是每天06:00至22:00。现在是非服务时间，请在提示音后留言，我们会尽快回复您。',
    );
    expect(heard.waitingFor).toBe('recording');
    await sim.hangup(night);
  }, 180_000);

  it('refuses a SIM_CLOCK that is not a time, naming it and what it takes', async () => {
    const run = npmStart({ SIM_CLOCK: 'next monday' });
    expect(await run.exited).toBe(1);
    const { stderr } = run.output();
    expect(stderr).toContain('Cannot start: Configuration SIM_CLOCK: must be an ISO 8601 time');
    expect(stderr).toContain('SIM_CLOCK=2026-12-07T09:00:00+08:00');
    expect(stderr).toContain('"manual"');
    expect(stderr).toContain('got "next monday"');
  }, 60_000);
});
