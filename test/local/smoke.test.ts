// The smoke command end to end against the local stack, the twin's REST API standing in for Twilio: a
// healthy stack passes every check, and a number pointed elsewhere or a wrong auth token fails the check
// that should catch it, with a message saying what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { softphoneApp } from '../../functions/adapters/twilio/provision-twiml-app.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../functions/domain/routing/provisioned.js';
import { LOCAL_TWILIO } from '../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { overrideTarget, parseSmokeArgs } from '../../infra/smoke/args.js';
import { runSmoke } from '../../infra/smoke/run-smoke.js';
import { checkTwilio } from '../../infra/smoke/twilio-checks.js';
import { fakeWebRoot, LOCAL_EPOCH, tempDir } from './support.js';

describe('npm run smoke against the local stack', () => {
  const dir = tempDir('smoke');
  let stack: LocalStack;
  let argv: string[];

  beforeAll(async () => {
    stack = await startLocalStack({
      port: 0,
      clock: createManualClock(LOCAL_EPOCH),
      webRoot: fakeWebRoot(dir.path),
    });
    const sids = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!sids) throw new Error('the local stack provisioned no TaskRouter routing');
    argv = [
      ...['--url', stack.url, '--twilio-account', LOCAL_TWILIO.accountSid],
      ...['--twilio-api', `${stack.url}/twin`, '--user', '1002', '--password', 'demo-1002'],
      ...['--workspace', sids.workspaceSid, '--workflow', sids.workflowSid],
      ...(sids.applicationSid ? ['--softphone-app', sids.applicationSid] : []),
      ...['--numbers', HOTLINE_NUMBERS.map((n) => n.number).join(',')],
    ];
  });
  afterAll(async () => {
    await stack?.stop();
    dir.remove();
  });

  async function smoke(extra: string[], authToken: string = LOCAL_TWILIO.authToken) {
    const lines: string[] = [];
    const code = await runSmoke([...argv, ...extra], {
      print: (line) => lines.push(line),
      env: { TWILIO_AUTH_TOKEN: authToken },
    });
    const line = (name: string) => lines.find((l) => l.includes(` ${name}: `)) ?? '';
    return {
      code,
      lines,
      line,
      /** A failed check's line without its advice, and the advice alone. */
      problem: (name: string) => line(name).split('. What to do: ')[0],
      fix: (name: string) => line(name).split('. What to do: ')[1],
    };
  }

  it('passes every check on a healthy stack and exits 0', async () => {
    const { code, lines, line } = await smoke([]);
    expect(lines.filter((l) => l.startsWith('FAILED'))).toEqual([]);
    expect(code).toBe(0);
    for (const name of [
      'site',
      'health',
      'webhook, signed',
      'webhook, unsigned',
      'sign in',
      'softphone token',
      'Twilio account',
      'TaskRouter workspace',
      'TaskRouter workflow',
      'TaskRouter activities',
      ...HOTLINE_NUMBERS.map((n) => `number ${n.number}`),
    ])
      expect(line(name)).toMatch(/^ok {6}/);
    expect(line('softphone token')).toMatch(/Voice grant.*TaskRouter grant for worker WK/);
    expect(line('webhook, unsigned')).toContain('refused (403)');
    expect(lines.at(-1)).toMatch(/^all \d+ checks passed$/);
  });

  it('fails the number check, saying where the number points, when it points elsewhere', async () => {
    const moved = HOTLINE_NUMBERS[1].number;
    const [found] = await stack.twilio.incomingPhoneNumbers.list({ phoneNumber: moved, limit: 1 });
    if (!found) throw new Error(`${moved} is not in the twin`);
    const original = found.voiceUrl;
    await stack.twilio
      .incomingPhoneNumbers(found.sid)
      .update({ voiceUrl: 'https://elsewhere.example/voice' });
    try {
      const { code, lines, problem, fix } = await smoke([]);
      expect(code).toBe(1);
      expect(problem(`number ${moved}`)).toBe(
        `FAILED  number ${moved}: ${HOTLINE_NUMBERS[1].name}: voice URL is ` +
          `https://elsewhere.example/voice, expected ${stack.url}/twilio/voice`,
      );
      expect(fix(`number ${moved}`)).toMatch(/^redeploy/);
      // One line per check: the advice is on the failure's own line.
      for (const l of lines.slice(1, -1)) expect(l).toMatch(/^(ok {6}|FAILED {2})[^\n]+$/);
      expect(lines.filter((l) => l.startsWith('FAILED'))).toHaveLength(1);
      expect(lines.at(-1)).toMatch(/^1 of \d+ checks FAILED$/);
    } finally {
      await stack.twilio.incomingPhoneNumbers(found.sid).update({ voiceUrl: original });
    }
  });

  it('fails the signed webhook and the Twilio account checks with a wrong auth token', async () => {
    const { code, line, fix } = await smoke([], 'not-the-auth-token');
    expect(code).toBe(1);
    expect(line('webhook, signed')).toContain(
      `a request signed with the auth token of ${LOCAL_TWILIO.accountSid} was refused (403)`,
    );
    expect(line('Twilio account')).toMatch(/refused .*401 .*20003/);
    expect(fix('Twilio account')).toMatch(/^the auth token is wrong or was rotated/);
    // What does not depend on the token still passes, and what needs the REST API is not claimed to.
    for (const name of ['site', 'health', 'webhook, unsigned', 'softphone token'])
      expect(line(name)).toMatch(/^ok {6}/);
    expect(line('TaskRouter workspace')).toBe('');
  });

  it('fails the token check when the user cannot sign in', async () => {
    const { code, line } = await smoke(['--password', 'wrong-password']);
    expect(code).toBe(1);
    expect(line('sign in')).toMatch(/^FAILED {2}sign in: signing in as 1002 answered 401/);
  });

  it('fails the token check when an agent has no TaskRouter worker recorded', async () => {
    const sids = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!sids) throw new Error('no routing');
    const { '1002': _worker, ...others } = sids.workers;
    await stack.store.settings.put(ROUTING_SETTING, { ...sids, workers: others });
    try {
      const { code, problem } = await smoke([]);
      expect(code).toBe(1);
      expect(problem('softphone token')).toBe(
        'FAILED  softphone token: agent 1002 got no TaskRouter grant: TaskRouter has no worker recorded for them',
      );
    } finally {
      await stack.store.settings.put(ROUTING_SETTING, sids);
    }
  });

  it('checks the softphone TwiML App the token names, and fails it when the app points elsewhere', async () => {
    const sids = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!sids) throw new Error('no routing');
    // The local stack makes no softphone app; one made as provisioning makes it stands in.
    const app = await stack.twilio.applications.create(softphoneApp(stack.url, 'smoke softphone'));
    await stack.store.settings.put(ROUTING_SETTING, { ...sids, applicationSid: app.sid });
    try {
      const healthy = await smoke(['--softphone-app', app.sid]);
      expect(healthy.code).toBe(0);
      expect(healthy.line('softphone TwiML App')).toBe(
        `ok      softphone TwiML App: TwiML App ${app.sid}: voice URL, status callback at this deployment`,
      );
      expect(healthy.line('softphone token')).toContain(`(outgoing via ${app.sid})`);
      await stack.twilio.applications(app.sid).update({ statusCallback: 'https://elsewhere.example/status' });
      const moved = await smoke(['--softphone-app', app.sid]);
      expect(moved.code).toBe(1);
      expect(moved.problem('softphone TwiML App')).toBe(
        `FAILED  softphone TwiML App: TwiML App ${app.sid}: status callback is https://elsewhere.example/status, ` +
          `expected ${stack.url}/twilio/voice/status`,
      );
      const other = await smoke(['--softphone-app', `AP${'9'.repeat(32)}`]);
      expect(other.line('softphone token')).toMatch(/^FAILED .*outgoing calls go through TwiML App AP/);
    } finally {
      await stack.store.settings.put(ROUTING_SETTING, sids);
    }
  });

  it('checks that the API key a Twilio-mode token names exists in the account', async () => {
    // The local stack mints agent-link tokens, so the claims of a deployed one are given here.
    const key = await stack.twilio.newKeys.create({ friendlyName: 'smoke softphone key' });
    const target = overrideTarget(parseSmokeArgs(argv, { TWILIO_AUTH_TOKEN: LOCAL_TWILIO.authToken }));
    const results = await checkTwilio(target, stack.twilio, { mode: 'twilio', keySid: key.sid });
    expect(results.find((r) => r.name === 'API key')).toEqual({
      name: 'API key',
      ok: true,
      detail: `${key.sid} (smoke softphone key) exists`,
    });
    await stack.twilio.keys(key.sid).remove();
    const gone = await checkTwilio(target, stack.twilio, { mode: 'twilio', keySid: key.sid });
    expect(gone.find((r) => r.name === 'API key')).toMatchObject({
      ok: false,
      problem: `API key ${key.sid} does not exist in the account`,
    });
  });

  it('refuses incomplete arguments with the usage and exit code 2', async () => {
    const lines: string[] = [];
    const code = await runSmoke(['--url', stack.url], { print: (l) => lines.push(l), env: {} });
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/with --url, --twilio-account is needed too[\s\S]*Usage: npm run smoke/);
  });
});
