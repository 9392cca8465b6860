// Voice webhooks: the incoming call (record it idempotently on CallSid, look the caller up, run the IVR) and
// the call status callback (status, answer and end times; replays and late callbacks change nothing).
import { Hono } from 'hono';
import { entrySteps } from '../../app/answer-call.js';
import type { Center } from '../../app/center.js';
import { recordCallReceived } from '../../app/history/call-history.js';
import { openCenter } from '../../app/open-center.js';
import { callerId } from '../../domain/caller-id.js';
import type { Customer } from '../../domain/model.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { renderIvr } from './ivr/ivr-routes.js';
import { CALL_SID, optionalParam, requiredParam } from './params.js';
import { queuePostCallSurvey } from './post-call-survey.js';
import { emptyTwiml } from './voice-prompts.js';

const FINAL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export function createVoiceApp(deps: WebhookDeps, ivr: Center = openCenter(deps)): Hono<TwilioEnv> {
  const { store, clock } = deps;
  const app = new Hono<TwilioEnv>();
  // A fresh object per response: @hono/node-server's Response keeps and later changes the one it is given.
  const xml = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });

  /** The single customer owning the number; a shared number (several matches) identifies nobody. */
  async function callerOf(from: string): Promise<{ e164: string; customer?: Customer; matches: Customer[] }> {
    const phone = callerId(from);
    if (!phone.ok) return { e164: from, matches: [] }; // anonymous, client:..., withheld: kept as Twilio sent it
    const matches = await store.customers.find({ by: 'phone', value: phone.e164 });
    return matches.length === 1 && matches[0]
      ? { e164: phone.e164, customer: matches[0], matches }
      : { e164: phone.e164, matches };
  }

  app.post('/', async (c) => {
    const p = c.var.twilioParams;
    const callSid = requiredParam(p, 'CallSid', CALL_SID);
    const from = requiredParam(p, 'From');
    const called = requiredParam(p, 'To');
    // The blacklist is keyed by the number alone: read beside the caller lookup, not after it.
    const phone = callerId(from);
    const listed = store.blacklist.get(phone.ok ? phone.e164 : from);
    listed.catch(() => undefined); // awaited below; a failure then fails the webhook, as before
    const caller = await callerOf(from);
    const recorded = await store.calls.record({
      callSid,
      direction: 'inbound',
      from: caller.e164,
      to: called,
      startedAt: new Date(clock.now()).toISOString(),
      status: optionalParam(p, 'CallStatus') ?? 'ringing',
      ...(caller.customer ? { customerId: caller.customer.id } : {}),
    });
    // The IVR: blacklist, hours and holidays, then the number's flow (functions/http/twilio/ivr/).
    const call = { callSid, caller: caller.e164, called };
    // The flow's caller lookup reuses the match just made (one fewer query per call). The history's
    // record of the call touches nothing the flow reads: both go at once.
    const [steps] = await Promise.all([
      entrySteps(deps, ivr, call, { phone: caller.e164, matches: caller.matches, listed }),
      recordCallReceived(ivr, recorded.call, caller.customer),
    ]);
    return c.body(await renderIvr(steps, call, deps.config.webhookBaseUrl, ivr), 200, xml());
  });

  app.post('/status', async (c) => {
    const p = c.var.twilioParams;
    const callSid = requiredParam(p, 'CallSid', CALL_SID);
    const status = requiredParam(p, 'CallStatus');
    const now = new Date(clock.now()).toISOString();
    const timestamp = Date.parse(optionalParam(p, 'Timestamp') ?? '');
    const at = Number.isNaN(timestamp) ? now : new Date(timestamp).toISOString();
    const change = { status, at, answered: status === 'in-progress', final: FINAL_STATUSES.has(status) };
    let updated = await store.calls.progress(callSid, change);
    if (updated.outcome === 'not-found') {
      // A callback for a call whose first webhook we never saw (e.g. an outbound leg): record it now.
      const direction = optionalParam(p, 'Direction')?.startsWith('outbound') ? 'outbound' : 'inbound';
      await store.calls.record({
        callSid,
        direction,
        from: optionalParam(p, 'From') ?? 'unknown',
        to: optionalParam(p, 'To') ?? 'unknown',
        startedAt: now,
        status,
      });
      updated = await store.calls.progress(callSid, change);
    }
    // Only the first final callback gets here (the record is final after it): one survey per call.
    // Callbacks can arrive late or twice; once a call has ended its record is final.
    if (status === 'completed' && updated.outcome === 'updated')
      await queuePostCallSurvey(deps, updated.call);
    return c.body(emptyTwiml(), 200, xml());
  });

  return app;
}
