// Answering-machine detection on REST calls (voice README, "Answering-machine detection"): synchronously the
// Url is requested once detection ends, with AnsweredBy; asynchronously at once, and the result is posted
// to AsyncAmdStatusCallback. Detection runs on the manual clock from the callee's script.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.twin.numbers.addNumber(FROM);
  h.route('/out', xml('<Pause length="120"/>'));
  h.route('/amd', '');
  h.route('/status', '');
});
afterEach(() => h.close());

const FROM = '+18005550100';
const HUMAN = '+8613800000001';
const MACHINE = '+8613800000002';
const FAX = '+8613800000003';

async function script(callee: Record<string, unknown>) {
  expect((await h.sim('/callees', callee)).status).toBe(201);
}

async function place(to: string, amd: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const call = await h.client.calls.create({ to, from: FROM, url: h.url('/out'), ...amd, ...extra });
  await h.twin.idle();
  return call.sid;
}

describe('synchronous detection', () => {
  it('requests the Url only once a person is detected, 2.5 s after answer, with AnsweredBy=human', async () => {
    const sid = await place(HUMAN, { machineDetection: 'Enable' });
    expect((await h.client.calls(sid).fetch()).status).toBe('in-progress');
    await h.advance(2_499);
    expect(h.at('/out')).toHaveLength(0);
    await h.advance(1);
    expect(h.at('/out')).toHaveLength(1);
    expect(h.at('/out')[0]?.params).toMatchObject({
      CallSid: sid,
      AnsweredBy: 'human',
      CallStatus: 'in-progress',
    });
    expect(h.at('/out')[0]?.signatureValid).toBe(true);
    expect((await h.client.calls(sid).fetch()).answeredBy).toBe('human');
  });

  it('with DetectMessageEnd waits for the end of a machine greeting (machine_end_beep), so a message left then follows the beep', async () => {
    await script({ number: MACHINE, answer: 'machine', afterSeconds: 2, greetingSeconds: 12 });
    await place(MACHINE, { machineDetection: 'DetectMessageEnd' });
    await h.advance(2_000 + 11_999); // two seconds' ring, then the greeting
    expect(h.at('/out')).toHaveLength(0);
    await h.advance(1);
    expect(h.at('/out')[0]?.params.AnsweredBy).toBe('machine_end_beep');
  });

  it('with Enable reports a machine as soon as its greeting is heard (machine_start, 3 s)', async () => {
    await script({ number: MACHINE, answer: 'machine', afterSeconds: 0 });
    await place(MACHINE, { machineDetection: 'Enable' });
    await h.advance(3_000);
    expect(h.at('/out').map((r) => r.params.AnsweredBy)).toEqual(['machine_start']);
  });

  it('answers unknown when detection outlasts MachineDetectionTimeout', async () => {
    await script({ number: MACHINE, answer: 'machine', afterSeconds: 0, greetingSeconds: 40 });
    await place(MACHINE, { machineDetection: 'DetectMessageEnd', machineDetectionTimeout: 10 });
    await h.advance(9_999);
    expect(h.at('/out')).toHaveLength(0);
    await h.advance(1);
    expect(h.at('/out')[0]?.params.AnsweredBy).toBe('unknown');
  });

  it('a callee who hangs up during detection ends the call before the Url is ever requested', async () => {
    await script({ number: HUMAN, answer: 'human', afterSeconds: 0, hangUpAfterSeconds: 2 });
    const sid = await place(HUMAN, { machineDetection: 'Enable' });
    await h.advance(5_000);
    expect(h.at('/out')).toHaveLength(0);
    expect((await h.client.calls(sid).fetch()).status).toBe('completed');
  });
});

describe('asynchronous detection', () => {
  const asyncAmd = (mode: string) => ({
    machineDetection: mode,
    asyncAmd: 'true',
    asyncAmdStatusCallback: h.url('/amd'),
  });

  it('requests the Url at once without AnsweredBy, then posts the result, signed, to AsyncAmdStatusCallback', async () => {
    const sid = await place(HUMAN, asyncAmd('Enable'));
    expect(h.at('/out')).toHaveLength(1);
    expect(h.at('/out')[0]?.params.AnsweredBy).toBeUndefined();
    await h.advance(2_499);
    expect(h.at('/amd')).toHaveLength(0);
    await h.advance(1);
    const [cb] = h.at('/amd');
    expect(cb?.method).toBe('POST');
    expect(cb?.signatureValid).toBe(true);
    expect(cb?.params).toEqual({
      AccountSid: h.twin.context.account.accountSid,
      CallSid: sid,
      AnsweredBy: 'human',
      MachineDetectionDuration: '2500',
    });
    expect(h.at('/out')).toHaveLength(1);
  });

  it.each([
    ['Enable', MACHINE, 'machine_start', 3_000],
    ['DetectMessageEnd', MACHINE, 'machine_end_beep', 8_000], // the default greeting, 8 s
    ['DetectMessageEnd', FAX, 'fax', 3_000],
    ['DetectMessageEnd', HUMAN, 'human', 2_500],
  ])('%s on %s: %s after %i ms', async (mode, to, answeredBy, ms) => {
    await script({ number: MACHINE, answer: 'machine', afterSeconds: 0 });
    await script({ number: FAX, answer: 'fax', afterSeconds: 0 });
    await place(to, asyncAmd(mode));
    await h.advance(ms - 1);
    expect(h.at('/amd')).toHaveLength(0);
    await h.advance(1);
    expect(h.at('/amd').map((r) => [r.params.AnsweredBy, r.params.MachineDetectionDuration])).toEqual([
      [answeredBy, String(ms)],
    ]);
  });

  it('without AsyncAmdStatusCallback logs warning 21262 and keeps the result on the Call resource', async () => {
    const sid = await place(HUMAN, { machineDetection: 'Enable', asyncAmd: 'true' });
    await h.advance(3_000);
    const log = (await h.sim(`/log?correlationId=${sid}`)).body.entries as { code?: number }[];
    expect(log.some((e) => e.code === 21262)).toBe(true);
    expect((await h.client.calls(sid).fetch()).answeredBy).toBe('human');
  });

  it('sends no result for a call that ended before detection finished', async () => {
    await script({ number: MACHINE, answer: 'machine', afterSeconds: 0 });
    const sid = await place(MACHINE, asyncAmd('DetectMessageEnd'));
    await h.client.calls(sid).update({ status: 'completed' });
    await h.advance(10_000);
    expect(h.at('/amd')).toHaveLength(0);
  });
});

describe('without MachineDetection', () => {
  it('nothing carries AnsweredBy: not the Url, not the status callbacks, not the Call resource', async () => {
    await script({ number: MACHINE, answer: 'machine', afterSeconds: 0 });
    const sid = await place(
      MACHINE,
      {},
      {
        asyncAmdStatusCallback: h.url('/amd'),
        statusCallback: h.url('/status'),
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      },
    );
    expect(h.at('/out')).toHaveLength(1);
    await h.advance(30_000);
    await h.client.calls(sid).update({ status: 'completed' });
    await h.twin.idle();
    const all = [...h.at('/out'), ...h.at('/status')];
    expect(h.at('/status').map((r) => r.params.CallStatus)).toEqual([
      'initiated',
      'ringing',
      'in-progress',
      'completed',
    ]);
    expect(all.every((r) => r.params.AnsweredBy === undefined)).toBe(true);
    expect(h.at('/amd')).toHaveLength(0);
    expect((await h.client.calls(sid).fetch()).answeredBy).toBeNull();
  });
});
