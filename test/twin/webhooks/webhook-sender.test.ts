// The webhook sender (docs/twilio-behaviour.md §1.1, §1.4, §2.5): form POST or GET with query params, signed; fallback with
// ErrorCode/ErrorUrl on 500, timeout and connection failure; redirects followed up to 10 (then 11215); all logged.
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createManualClock } from '../../../functions/domain/manual-clock.js';
import type { WebhookResult } from '../../../infra/local/twin/ports.js';
import { twilioSignature } from '../../../infra/local/twin/webhooks/signature.js';
import { createTwinLog } from '../../../infra/local/twin/webhooks/twin-log.js';
import { createWebhookSender } from '../../../infra/local/twin/webhooks/webhook-sender.js';
import { ACCOUNT, type Harness, startHarness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** Lets every promise chain that is ready settle. */
const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

function sender(timeoutMs = 300) {
  const log = createTwinLog({ clock: createManualClock(0) });
  return { log, send: createWebhookSender({ account: ACCOUNT, log, timeoutMs }) };
}

describe('webhook sender', () => {
  it('POSTs form-encoded PascalCase params (repeated keys kept) with a valid signature (§1.1, §2.1)', async () => {
    h.route('/hook', 'ok');
    const { send, log } = sender();
    const res = await send.send({
      url: h.url('/hook?x=1'),
      method: 'POST',
      params: { CallSid: 'CA1', Tags: ['b', 'a'] },
      correlationId: 'CA1',
    });
    expect(res).toMatchObject({ ok: true, status: 200, body: 'ok' });
    const r = h.at('/hook')[0];
    expect(r?.params).toMatchObject({ CallSid: 'CA1', x: '1' });
    expect(r?.signatureValid).toBe(true);
    expect(log.byCorrelation('CA1').map((e) => e.detail?.direction)).toEqual(['request', 'response']);
  });

  it('GET puts the params in the query and signs the URL alone (§2.1)', async () => {
    h.route('/hook', 'ok');
    const { send } = sender();
    await send.send({ url: h.url('/hook'), method: 'GET', params: { Digits: '1#', From: '+1 555' } });
    const r = h.at('/hook')[0];
    expect(r?.method).toBe('GET');
    expect(r?.params).toMatchObject({ Digits: '1#', From: '+1 555' });
    expect(r?.signatureValid).toBe(true);
  });

  it('falls back on a 500 with ErrorCode 11200 and ErrorUrl (§1.4)', async () => {
    h.route('/hook', { status: 500, body: 'boom' });
    h.route('/fallback', 'saved');
    const { send, log } = sender();
    const res = await send.send({
      url: h.url('/hook'),
      method: 'POST',
      params: { A: '1' },
      fallbackUrl: h.url('/fallback'),
      correlationId: 'c',
    });
    expect(res.body).toBe('saved');
    expect(h.at('/fallback')[0]?.params).toMatchObject({
      A: '1',
      ErrorCode: '11200',
      ErrorUrl: h.url('/hook'),
    });
    expect(h.at('/fallback')[0]?.signatureValid).toBe(true);
    expect(log.byCorrelation('c').some((e) => e.kind === 'error' && e.code === 11200)).toBe(true);
  });

  it('times out (injectable limit, 15 s by default) and falls back with 11205', async () => {
    // Wide margins: the fallback request gets the same limit, and a loaded CI machine is slow to answer.
    h.route('/slow', { delayMs: 5000, body: 'late' });
    h.route('/fallback', 'saved');
    const { send } = sender(500);
    const res = await send.send({
      url: h.url('/slow'),
      method: 'POST',
      params: {},
      fallbackUrl: h.url('/fallback'),
    });
    expect(res.body).toBe('saved');
    expect(h.at('/fallback')[0]?.params.ErrorCode).toBe('11205');
  });

  it('honours the #rt connection override and never sends the fragment', async () => {
    // The request's time limit runs on a manual clock: AbortSignal.timeout is the sender's only timer, and
    // a fetch that never answers leaves the limit as the only way the request can end.
    const clock = createManualClock(0);
    const timeout = vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      const controller = new AbortController();
      clock.at(clock.now() + ms, () =>
        controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      );
      return controller.signal;
    });
    onTestFinished(() => timeout.mockRestore());
    const requests: { url: string; signature: string | null }[] = [];
    const neverAnswers: typeof fetch = (input, init) => {
      requests.push({ url: String(input), signature: new Headers(init?.headers).get('X-Twilio-Signature') });
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    };
    const send = createWebhookSender({
      account: ACCOUNT,
      log: createTwinLog({ clock: createManualClock(0) }),
      timeoutMs: 5000,
      fetch: neverAnswers,
    });
    let result: WebhookResult | undefined;
    const sent = send.send({ url: 'http://x.test/slow#rt=150', method: 'POST', params: {} }).then((r) => {
      result = r;
    });
    await clock.advance(149);
    await macrotask();
    expect(result).toBeUndefined();
    await clock.advance(1);
    await macrotask();
    expect(result).toMatchObject({ ok: false, errorCode: 11205 });
    await sent;
    expect(requests).toEqual([
      { url: 'http://x.test/slow', signature: twilioSignature(ACCOUNT.authToken, 'http://x.test/slow', {}) },
    ]);
  });

  it('reports a refused connection as 11205', async () => {
    const { send } = sender();
    const res = await send.send({ url: 'http://127.0.0.1:9/nothing', method: 'POST', params: {} });
    expect(res).toMatchObject({ ok: false, errorCode: 11205 });
  });

  it('follows redirects (303 turns into GET without the body) and gives up after 10 with 11215 (§1.1)', async () => {
    // A stand-in fetch gives full control of Location headers.
    let hops = 0;
    const fakeFetch: typeof fetch = async (input, init) => {
      const url = String(input);
      if (url.endsWith('/loop')) {
        hops++;
        return new Response(null, { status: 302, headers: { location: '/loop' } });
      }
      if (url.endsWith('/start')) return new Response(null, { status: 303, headers: { location: '/final' } });
      return new Response(`${init?.method} ${init?.body ?? ''}`, { status: 200 });
    };
    const s = createWebhookSender({
      account: ACCOUNT,
      log: createTwinLog({ clock: createManualClock(0) }),
      fetch: fakeFetch,
    });
    expect((await s.send({ url: 'http://x.test/start', method: 'POST', params: { Digits: '1' } })).body).toBe(
      'GET ',
    );
    const loop = await s.send({ url: 'http://x.test/loop', method: 'POST', params: {} });
    expect(loop).toMatchObject({ ok: false, errorCode: 11215 });
    expect(hops).toBe(10);
  });
});
