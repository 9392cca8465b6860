// Scripting the numbers the center calls through the sim API (POST/GET/DELETE /sim/callees): who answers and
// after how long, busy/no-answer/fail endings as the parties policies give them, keys pressed into a Gather,
// hanging up, one or thousands at once, and bad bodies refused whole with the field named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.twin.numbers.addNumber(FROM);
  h.route('/out', xml('<Pause length="120"/>'));
  h.route('/status', '');
});
afterEach(() => h.close());

const FROM = '+18005550100';
const CALLEE = '+8613800000001';

const remove = async (path: string) => {
  const res = await fetch(`${h.twinBase()}/sim${path}`, { method: 'DELETE' });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

async function place(to: string, url = h.url('/out'), timeout?: number) {
  const call = await h.client.calls.create({
    to,
    from: FROM,
    url,
    statusCallback: h.url('/status'),
    statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    ...(timeout ? { timeout } : {}),
  });
  await h.twin.idle();
  return call.sid;
}
const statuses = () => h.at('/status').map((r) => r.params.CallStatus);

describe('scripting callees', () => {
  it('scripts one callee with defaults filled in, lists it, and removes it', async () => {
    const res = await h.sim('/callees', { number: CALLEE, answer: 'machine' });
    expect(res).toEqual({
      status: 201,
      body: {
        count: 1,
        callees: [{ number: CALLEE, answer: 'machine', afterSeconds: 1, greetingSeconds: 8 }],
      },
    });
    expect((await h.sim('/callees')).body.callees).toEqual(res.body.callees);
    expect(await remove(`/callees/${encodeURIComponent(CALLEE)}`)).toEqual({
      status: 200,
      body: { removed: 1 },
    });
    expect(await remove(`/callees/${encodeURIComponent(CALLEE)}`)).toMatchObject({ status: 404 });
    expect((await h.sim('/callees')).body.callees).toEqual([]);
  });

  it('scripts thousands in one request and clears them all, leaving parties registered otherwise', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      number: `+86138${String(i).padStart(8, '0')}`,
      answer: i % 2 ? 'human' : 'busy',
    }));
    const res = await h.sim('/callees', { callees: many });
    expect(res.status).toBe(201);
    expect(res.body.count).toBe(3000);
    expect((await h.sim('/callees')).body.callees).toHaveLength(3000);
    await h.sim('/parties', { address: 'client:alice', policy: 'answer' });
    // A scripted busy number from the batch behaves so.
    await place(many[0]?.number ?? '');
    expect(statuses()).toEqual(['initiated', 'ringing', 'busy']);
    expect(await remove('/callees')).toEqual({ status: 200, body: { removed: 3000 } });
    expect((await h.sim('/callees')).body.callees).toEqual([]);
    expect(h.twin.parties.lookup('client:alice').policy).toBe('answer');
  });

  it('a human answers after afterSeconds of ringing; an unscripted number answers at once as before', async () => {
    await h.sim('/callees', { number: CALLEE, answer: 'human', afterSeconds: 5 });
    await place(CALLEE);
    expect(statuses()).toEqual(['initiated', 'ringing']);
    await h.advance(4_999);
    expect(h.at('/out')).toHaveLength(0);
    await h.advance(1);
    expect(statuses()).toEqual(['initiated', 'ringing', 'in-progress']);
    expect(h.at('/out')).toHaveLength(1);
    h.received.length = 0;
    await place('+8613800000999');
    expect(statuses()).toEqual(['initiated', 'ringing', 'in-progress']);
  });

  it.each([
    ['busy', 'busy'],
    ['fail', 'failed'],
  ])('%s ends the call %s without answering', async (answer, status) => {
    await h.sim('/callees', { number: CALLEE, answer });
    const sid = await place(CALLEE);
    expect(statuses()).toEqual(['initiated', 'ringing', status]);
    expect((await h.client.calls(sid).fetch()).status).toBe(status);
    expect(h.at('/out')).toHaveLength(0);
  });

  it('no-answer rings until the call Timeout and ends no-answer', async () => {
    await h.sim('/callees', { number: CALLEE, answer: 'no-answer' });
    await place(CALLEE, h.url('/out'), 20);
    await h.advance(19_999);
    expect(statuses()).toEqual(['initiated', 'ringing']);
    await h.advance(1);
    expect(statuses()).toEqual(['initiated', 'ringing', 'no-answer']);
    expect(h.at('/out')).toHaveLength(0);
  });

  it('presses its digits into the Gather digitsAfterSeconds after the TwiML starts', async () => {
    h.route(
      '/menu',
      xml('<Gather numDigits="1" action="/pressed" timeout="10"><Say>Press 1 to talk to us</Say></Gather>'),
    );
    h.route('/pressed', xml('<Hangup/>'));
    await h.sim('/callees', {
      number: CALLEE,
      answer: 'human',
      afterSeconds: 1,
      digits: '1',
      digitsAfterSeconds: 2,
    });
    await place(CALLEE, h.url('/menu'));
    await h.advance(1_000 + 1_999);
    expect(h.at('/pressed')).toHaveLength(0);
    await h.advance(1);
    expect(h.at('/pressed')[0]?.params).toMatchObject({ Digits: '1', msg: 'Gather End' });
  });

  it('hangs up hangUpAfterSeconds after answering', async () => {
    await h.sim('/callees', { number: CALLEE, answer: 'human', afterSeconds: 0, hangUpAfterSeconds: 4 });
    await place(CALLEE);
    await h.advance(3_999);
    expect(statuses()).toEqual(['initiated', 'ringing', 'in-progress']);
    await h.advance(1);
    expect(statuses().at(-1)).toBe('completed');
    expect(h.at('/status').at(-1)?.params.CallDuration).toBe('4');
  });
});

describe('bad bodies', () => {
  it.each([
    [{ number: CALLEE, answer: 'robot' }, 'answer', 'human, machine, fax, busy, no-answer, fail'],
    [{ number: '8613800000001', answer: 'human' }, 'number', 'E.164'],
    [{ number: CALLEE, answer: 'human', greetingSeconds: 5 }, 'greetingSeconds', 'machine'],
    [{ number: CALLEE, answer: 'human', afterSeconds: -1 }, 'afterSeconds', 'non-negative'],
    [{ number: CALLEE, answer: 'human', digits: '1x' }, 'digits', '0-9'],
    [{ number: CALLEE, answer: 'busy', hangUpAfterSeconds: 3 }, 'hangUpAfterSeconds', 'answers'],
    [{ number: CALLEE, answer: 'human', greeting: 5 }, 'greeting', 'unknown field'],
    [{ callees: 'many' }, 'callees', 'array'],
    [
      {
        callees: [
          { number: CALLEE, answer: 'human' },
          { number: CALLEE, answer: 'maybe' },
        ],
      },
      'callees[1].answer',
      'one of',
    ],
  ])('%j is refused naming %s', async (body, field, says) => {
    const res = await h.sim('/callees', body);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect(res.body.error).toContain(says);
    // Nothing of a refused body is applied.
    expect((await h.sim('/callees')).body.callees).toEqual([]);
  });
});
