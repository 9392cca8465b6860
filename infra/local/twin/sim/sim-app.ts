// The simulation API (local only, never deployed): place a call, press keys, speak, hang up, answer a ringing
// agent, script the numbers the center calls, send an SMS, read what a caller heard and what the app sent,
// read and move the clock, read the log.
// Mount at /sim. Acting endpoints wait until the twin is idle, so a reply already shows the call's new state; on a
// frozen clock they also play out the prompts the caller hears (play-out.ts) unless the body says `listen: false`.
import { Hono } from 'hono';
import { isManualClock, type TimerClock } from '../../../../functions/domain/manual-clock.js';
import type { MessagingEngine } from '../messaging/messaging-engine.js';
import type { TwinLog } from '../ports.js';
import { receiveCall } from '../voice/call-starts.js';
import type { VoiceEngine } from '../voice/engine.js';
import type { AnswerPolicy } from '../voice/parties.js';
import type { Call } from '../voice/types.js';
import { createCalleesSimApp } from './callees-sim.js';
import { createClockSimApp } from './clock-sim.js';
import { playOut, playsOutByDefault } from './play-out.js';
import { address, optBool, optStr, readJson, SimBadRequest, str } from './sim-body.js';
import { callView, messageView } from './sim-views.js';

export interface SimAppDeps {
  readonly voice: VoiceEngine;
  readonly messaging: MessagingEngine;
  readonly log: TwinLog;
  readonly clock: TimerClock;
  /** The center's time zone for GET /clock; default UTC. */
  readonly timeZone?: string;
}

const POLICIES: readonly AnswerPolicy[] = ['answer', 'ring', 'reject', 'busy', 'no-answer', 'fail'];

export function createSimApp(deps: SimAppDeps): Hono {
  const { voice, messaging } = deps;
  const app = new Hono();
  const settle = () => voice.idle();
  const findCall = (sid: string) => voice.calls.get(sid);
  const listens = (body: Record<string, unknown>) => optBool(body, 'listen') ?? playsOutByDefault(deps.clock);
  // For input, `listen: "before"` waits for something to listen but leaves the reply playing (a caller who
  // keys ahead through a menu they know).
  const listensForInput = (body: Record<string, unknown>): { before: boolean; after: boolean } => {
    if (body.listen === 'before') return { before: true, after: false };
    const on = listens(body);
    return { before: on, after: on };
  };
  const listen = (call: Call, mode?: 'prompts' | 'until-listening') =>
    playOut({ voice, clock: deps.clock, settle }, call, mode);

  app.onError((err, c) => {
    if (err instanceof SimBadRequest) return c.json({ error: err.message, field: err.field }, 400);
    throw err;
  });

  app.post('/calls', async (c) => {
    const body = await readJson(c);
    const from = address(body, 'from');
    const to = address(body, 'to');
    const patient = listens(body);
    const res = receiveCall(voice, { from, to });
    if (!res.ok) return c.json({ error: `${to}: ${res.reason}`, field: 'to' }, 404);
    await settle();
    if (patient) await listen(res.call);
    return c.json({ callSid: res.call.sid }, 201);
  });

  app.get('/calls', (c) => c.json({ calls: [...voice.calls.values()].map((call) => callView(voice, call)) }));

  app.get('/calls/:sid', (c) => {
    const call = findCall(c.req.param('sid'));
    return call ? c.json(callView(voice, call)) : c.json({ error: 'no such call' }, 404);
  });

  app.post('/calls/:sid/input', async (c) => {
    const call = findCall(c.req.param('sid'));
    if (!call) return c.json({ error: 'no such call' }, 404);
    const body = await readJson(c);
    const digits = optStr(body, 'digits');
    const speech = optStr(body, 'speech');
    if (digits === undefined && speech === undefined)
      throw new SimBadRequest('digits', 'give digits or speech');
    if (digits !== undefined && !/^[0-9*#w]*$/.test(digits))
      throw new SimBadRequest('digits', 'digits are 0-9, * and #');
    if (voice.isEnded(call)) return c.json({ error: `call is ${call.status}` }, 409);
    const patient = listensForInput(body);
    // A patient caller waits until something listens before pressing; an impatient one presses now, and keys
    // pressed while nothing listens (audio outside a <Gather>) are lost [K].
    if (patient.before) await listen(call, 'until-listening');
    const accepted = call.control.input(digits !== undefined ? { digits } : { speech: speech ?? '' });
    await settle();
    if (patient.after) await listen(call);
    return c.json({ accepted, ...callView(voice, call) });
  });

  // Lets the caller hear the call's prompts out now (after a clock move started new ones, say), or with
  // `until: "input"` wait through any audio until something listens; 409 on the system clock.
  app.post('/calls/:sid/listen', async (c) => {
    const call = findCall(c.req.param('sid'));
    if (!call) return c.json({ error: 'no such call' }, 404);
    if (!isManualClock(deps.clock)) return c.json({ error: 'the system clock cannot be moved' }, 409);
    const until = optStr(await readJson(c), 'until');
    if (until !== undefined && until !== 'input')
      throw new SimBadRequest('until', 'until is "input" or absent');
    const playedMs = await listen(call, until === 'input' ? 'until-listening' : 'prompts');
    return c.json({ playedMs, ...callView(voice, call) });
  });

  app.post('/calls/:sid/hangup', async (c) => {
    const call = findCall(c.req.param('sid'));
    if (!call) return c.json({ error: 'no such call' }, 404);
    voice.end(call, call.status === 'ringing' || call.status === 'queued' ? 'canceled' : 'completed');
    await settle();
    return c.json(callView(voice, call));
  });

  for (const action of ['answer', 'reject'] as const) {
    app.post(`/calls/:sid/${action}`, async (c) => {
      const ring = voice.deps.parties.ringing.get(c.req.param('sid'));
      if (!ring) return c.json({ error: 'that call is not ringing' }, 409);
      ring[action]();
      await settle();
      return c.json({ ok: true });
    });
  }

  app.post('/parties', async (c) => {
    const body = await readJson(c);
    const address = str(body, 'address');
    const policy = str(body, 'policy') as AnswerPolicy;
    if (!POLICIES.includes(policy))
      throw new SimBadRequest('policy', `policy is one of ${POLICIES.join(', ')}`);
    const after = body.answerAfterMs;
    if (after !== undefined && (typeof after !== 'number' || after < 0)) {
      throw new SimBadRequest('answerAfterMs', 'answerAfterMs is a non-negative number');
    }
    voice.deps.parties.register(address, {
      policy,
      ...(typeof after === 'number' ? { answerAfterMs: after } : {}),
    });
    return c.json({ address, policy }, 201);
  });

  app.route('/callees', createCalleesSimApp(voice.deps.parties));

  app.get('/conferences/:id', (c) => {
    const id = c.req.param('id');
    const conf = voice.conferences.conferences.get(id) ?? voice.conferences.active(id);
    if (!conf) return c.json({ error: 'no such conference' }, 404);
    return c.json({
      sid: conf.sid,
      friendlyName: conf.friendlyName,
      status: conf.status,
      participants: [...conf.participants.values()].map((p) => ({
        callSid: p.call.sid,
        label: p.label ?? null,
        muted: p.muted,
        hold: p.hold,
        coaching: p.coaching,
        callSidToCoach: p.callSidToCoach ?? null,
      })),
      hears: voice.conferences.hears(conf),
    });
  });

  app.post('/messages', async (c) => {
    const body = await readJson(c);
    const msg = await messaging.receive({
      from: address(body, 'from'),
      to: address(body, 'to'),
      body: str(body, 'body'),
    });
    await settle();
    return c.json({ messageSid: msg.sid }, 201);
  });

  app.get('/messages', (c) => {
    const to = c.req.query('to');
    const sent = [...messaging.messages.values()].filter(
      (m) => m.direction !== 'inbound' && (!to || m.to === to),
    );
    return c.json({ messages: sent.map(messageView) });
  });

  app.route(
    '/clock',
    createClockSimApp({
      clock: deps.clock,
      settle,
      busy: () => voice.busy.isBusy(),
      timeZone: deps.timeZone ?? 'UTC',
    }),
  );

  app.get('/log', (c) => {
    const id = c.req.query('correlationId');
    return c.json({ entries: id ? deps.log.byCorrelation(id) : deps.log.all() });
  });

  return app;
}
