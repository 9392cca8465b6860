// Voice webhooks: the incoming call (record it idempotently on CallSid, look the caller up, greet) and
// the call status callback (status, answer and end times; replays and late callbacks change nothing).
import { Hono } from 'hono';
import type { Customer } from '../../domain/model.js';
import { normalisePhone } from '../../domain/phone.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { CALL_SID, optionalParam, requiredParam } from './params.js';
import { emptyTwiml, greetingTwiml } from './voice-prompts.js';

const FINAL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export function createVoiceApp(deps: WebhookDeps): Hono<TwilioEnv> {
  const { store, clock } = deps;
  const app = new Hono<TwilioEnv>();
  // A fresh object per response: @hono/node-server's Response keeps and later changes the one it is given.
  const xml = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });

  /** The single customer owning the number; a shared number (several matches) identifies nobody. */
  async function callerOf(from: string): Promise<{ e164: string; customer?: Customer }> {
    const phone = normalisePhone(from, deps.config.defaultPhoneRegion);
    if (!phone.ok) return { e164: from }; // anonymous, client:..., withheld: kept as Twilio sent it
    const matches = await store.customers.find({ by: 'phone', value: phone.e164 });
    return matches.length === 1 && matches[0]
      ? { e164: phone.e164, customer: matches[0] }
      : { e164: phone.e164 };
  }

  app.post('/', async (c) => {
    const p = c.var.twilioParams;
    const callSid = requiredParam(p, 'CallSid', CALL_SID);
    const caller = await callerOf(requiredParam(p, 'From'));
    await store.calls.record({
      callSid,
      direction: 'inbound',
      from: caller.e164,
      to: requiredParam(p, 'To'),
      startedAt: new Date(clock.now()).toISOString(),
      status: optionalParam(p, 'CallStatus') ?? 'ringing',
      ...(caller.customer ? { customerId: caller.customer.id } : {}),
    });
    return c.body(greetingTwiml(caller.customer), 200, xml());
  });

  app.post('/status', async (c) => {
    const p = c.var.twilioParams;
    const callSid = requiredParam(p, 'CallSid', CALL_SID);
    const status = requiredParam(p, 'CallStatus');
    const now = new Date(clock.now()).toISOString();
    let call = await store.calls.get(callSid);
    if (!call) {
      // A callback for a call whose first webhook we never saw (e.g. an outbound leg): record it now.
      const direction = optionalParam(p, 'Direction')?.startsWith('outbound') ? 'outbound' : 'inbound';
      ({ call } = await store.calls.record({
        callSid,
        direction,
        from: optionalParam(p, 'From') ?? 'unknown',
        to: optionalParam(p, 'To') ?? 'unknown',
        startedAt: now,
        status,
      }));
    }
    // Callbacks can arrive late or twice; once a call has ended its record is final.
    if (call.endedAt) return c.body(emptyTwiml(), 200, xml());
    const timestamp = Date.parse(optionalParam(p, 'Timestamp') ?? '');
    const at = Number.isNaN(timestamp) ? now : new Date(timestamp).toISOString();
    await store.calls.update(callSid, {
      status,
      ...(status === 'in-progress' && !call.answeredAt ? { answeredAt: at } : {}),
      ...(FINAL_STATUSES.has(status) ? { endedAt: at } : {}),
    });
    return c.body(emptyTwiml(), 200, xml());
  });

  return app;
}
