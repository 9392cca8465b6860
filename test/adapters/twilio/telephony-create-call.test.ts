// The REST adapter's createCall options for a dialler: the form it posts to Calls.json (Url, Timeout, each
// StatusCallbackEvent, MachineDetection, AsyncAmd and its callback), and the same options end to end on the
// twin, where asynchronous detection posts its result to the callback.
import { afterEach, describe, expect, it } from 'vitest';
import { createRestTransport } from '../../../functions/adapters/twilio/rest-transport.js';
import { createTelephonyRest } from '../../../functions/adapters/twilio/telephony-rest.js';
import type { NewCall } from '../../../functions/domain/telephony-port.js';
import { ACCOUNT, type Harness, startHarness, xml } from '../../twin/support/harness.js';

const FROM = '+15550100000';
const TO = '+8613800000001';

/** The port over a fetch that records each form and answers like Twilio's create. */
function capturing() {
  const forms: URLSearchParams[] = [];
  const port = createTelephonyRest(
    createRestTransport({
      ...ACCOUNT,
      fetch: async (_url, init) => {
        forms.push(new URLSearchParams(String(init?.body)));
        return new Response(JSON.stringify({ sid: `CA${'1'.repeat(32)}`, status: 'queued' }), {
          status: 201,
        });
      },
    }),
  );
  return { port, forms };
}

describe('createCall form', () => {
  it('sends Url, Timeout, one StatusCallbackEvent per event, and synchronous MachineDetection', async () => {
    const { port, forms } = capturing();
    await port.createCall({
      from: FROM,
      to: TO,
      url: 'https://center.example/twilio/dialler/answered',
      timeoutSeconds: 25,
      statusCallback: 'https://center.example/twilio/dialler/status',
      statusCallbackEvents: ['initiated', 'answered', 'completed'],
      machineDetection: { mode: 'DetectMessageEnd', timeoutSeconds: 45 },
    });
    const form = forms[0];
    expect(form?.get('Url')).toBe('https://center.example/twilio/dialler/answered');
    expect(form?.has('Twiml')).toBe(false);
    expect(form?.get('Timeout')).toBe('25');
    expect(form?.getAll('StatusCallbackEvent')).toEqual(['initiated', 'answered', 'completed']);
    expect(form?.get('MachineDetection')).toBe('DetectMessageEnd');
    expect(form?.get('MachineDetectionTimeout')).toBe('45');
    expect(form?.has('AsyncAmd')).toBe(false);
    expect(form?.has('AsyncAmdStatusCallback')).toBe(false);
  });

  it('turns asyncCallback into AsyncAmd=true with that AsyncAmdStatusCallback', async () => {
    const { port, forms } = capturing();
    await port.createCall({
      from: FROM,
      to: TO,
      twiml: '<Response><Pause length="5"/></Response>',
      machineDetection: { mode: 'Enable', asyncCallback: 'https://center.example/twilio/dialler/amd' },
    });
    expect(Object.fromEntries(forms[0] ?? [])).toEqual({
      From: FROM,
      To: TO,
      Twiml: '<Response><Pause length="5"/></Response>',
      MachineDetection: 'Enable',
      AsyncAmd: 'true',
      AsyncAmdStatusCallback: 'https://center.example/twilio/dialler/amd',
      AsyncAmdStatusCallbackMethod: 'POST',
    });
  });

  it('sends none of the new parameters for a call placed as before', async () => {
    const { port, forms } = capturing();
    await port.createCall({
      from: FROM,
      to: TO,
      twiml: '<Response/>',
      statusCallback: 'https://c.example/s',
    });
    expect([...(forms[0]?.keys() ?? [])]).toEqual(['From', 'To', 'Twiml', 'StatusCallback']);
  });

  it('takes a document as twiml or url, never both nor neither (tsc fails if the type allows either)', () => {
    const both = { from: FROM, to: TO, twiml: '<Response/>', url: 'https://c.example/a' };
    const neither = { from: FROM, to: TO };
    // @ts-expect-error twiml and url together
    const a: NewCall = both;
    // @ts-expect-error no document
    const b: NewCall = neither;
    expect([a, b]).toHaveLength(2);
  });
});

describe('createCall on the twin', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('places a Url call with asynchronous detection: the Url runs on answer, the result reaches the callback', async () => {
    h = await startHarness();
    h.twin.numbers.addNumber(FROM);
    h.route('/answered', xml('<Pause length="60"/>'));
    h.route('/amd', '');
    h.route('/status', '');
    await h.sim('/callees', { number: TO, answer: 'machine', afterSeconds: 2, greetingSeconds: 10 });
    const port = createTelephonyRest(createRestTransport({ ...ACCOUNT, apiBaseUrl: h.twinBase() }));
    const call = await port.createCall({
      from: FROM,
      to: TO,
      url: h.url('/answered'),
      timeoutSeconds: 20,
      statusCallback: h.url('/status'),
      statusCallbackEvents: ['answered', 'completed'],
      machineDetection: { mode: 'DetectMessageEnd', asyncCallback: h.url('/amd') },
    });
    await h.twin.idle();
    expect(h.at('/answered')).toHaveLength(0);
    await h.advance(2_000);
    expect(h.at('/answered')).toHaveLength(1);
    expect(h.at('/status').map((r) => r.params.CallStatus)).toEqual(['in-progress']);
    await h.advance(10_000);
    expect(h.at('/amd').map((r) => r.params)).toEqual([
      expect.objectContaining({
        CallSid: call.sid,
        AnsweredBy: 'machine_end_beep',
        MachineDetectionDuration: '10000',
      }),
    ]);
  });
});
