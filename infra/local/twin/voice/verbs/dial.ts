// <Dial> with <Number> and <Client> nouns (docs/twilio-behaviour.md §3.7): rings up to 10 legs at once, the first to answer wins
// and the rest are canceled; the optional whisper `url` runs on the callee; then the legs are bridged until one
// side hangs up, `timeLimit` passes or the caller presses * with hangupOnStar. <Queue>/<Conference> go elsewhere.
import { Signal } from '../call-control.js';
import { type Leg, type LegOutcome, ringLeg } from '../legs.js';
import type { CallEvent, Flow, Params, StatusCallbackConfig } from '../types.js';
import { childElements, textOf, type XmlElement } from '../xml.js';
import { boolAttr, intAttr, methodAttr, urlAttr } from './attrs.js';
import { dialConference } from './dial-conference.js';
import { dialQueue } from './dial-queue.js';
import { afterDial } from './dial-result.js';
import type { VerbContext } from './verb-context.js';

interface Target {
  readonly address: string;
  readonly noun?: XmlElement;
  readonly customParameters: Record<string, string>;
}

export async function dialVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  const nouns = childElements(el);
  const conference = nouns.find((n) => n.name === 'Conference');
  if (conference) return dialConference(ctx, el, conference);
  const queue = nouns.find((n) => n.name === 'Queue');
  if (queue) return dialQueue(ctx, el, queue);
  const targets = collectTargets(el).slice(0, 10);
  if (!targets.length) {
    ctx.engine.error(ctx.call, 12200, '<Dial> has nothing to dial');
    return afterDial(ctx, el, { DialCallStatus: 'failed', DialBridged: 'false' });
  }
  return dialLegs(ctx, el, targets);
}

async function dialLegs(ctx: VerbContext, el: XmlElement, targets: readonly Target[]): Promise<Flow> {
  const { engine, call } = ctx;
  const timeout = intAttr(el, 'timeout', 30);
  const ringStart = engine.clock.now();
  const legs: Leg[] = targets.map((t) =>
    ringLeg(engine, {
      from: el.attrs.callerId ?? call.from,
      to: t.address,
      direction: 'outbound-dial',
      parentCallSid: call.sid,
      timeoutSeconds: timeout,
      customParameters: t.customParameters,
      ...(t.noun ? withCallback(ctx, t.noun) : {}),
    }),
  );
  const settled = new Signal();
  const outcomes = new Map<Leg, LegOutcome>();
  let winner: Leg | undefined;
  for (const leg of legs) {
    void leg.outcome.then((o) => {
      outcomes.set(leg, o);
      if (o === 'answered' && !winner) winner = leg;
      if (winner || outcomes.size === legs.length) settled.fire();
    });
  }
  await Promise.resolve();
  while (!settled.fired) {
    const o = await call.control.wait('agent', { until: settled });
    if (o.type === 'interrupted') break;
  }
  for (const leg of legs) if (leg !== winner) leg.cancel();
  if (!winner) {
    const all = [...outcomes.values()];
    const status = call.control.interruption
      ? 'canceled'
      : ((['no-answer', 'busy', 'failed'] as const).find((s) => all.includes(s)) ?? 'no-answer');
    return afterDial(ctx, el, {
      DialCallStatus: status,
      DialCallSid: legs[0]?.call.sid ?? '',
      DialBridged: 'false',
    });
  }
  const child = winner.call;
  const target = targets[legs.indexOf(winner)];
  const whisper = target?.noun ? urlAttr(ctx, target.noun, 'url') : undefined;
  if (whisper) {
    const doc = await engine.load(
      child,
      { kind: 'url', url: whisper, method: methodAttr(target?.noun as XmlElement, 'method') },
      false,
    );
    if (doc) await engine.runDocument(child, doc.verbs, doc.url, 'whisper');
  }
  if (engine.isEnded(child) || call.control.interruption) {
    engine.end(child, 'completed');
    return afterDial(ctx, el, { DialCallStatus: 'completed', DialCallSid: child.sid, DialBridged: 'false' });
  }
  const bridge = engine.bridge(call, child, [child.sid]);
  const record = el.attrs.record ?? 'do-not-record';
  const recordFrom = record.startsWith('record-from-ringing') ? ringStart : bridge.startedAt;
  const timeLimitMs = intAttr(el, 'timeLimit', 14_400) * 1000;
  const hangupOnStar = boolAttr(el, 'hangupOnStar', false);
  while (!bridge.ended.fired) {
    const left = bridge.startedAt + timeLimitMs - engine.clock.now();
    const o = await call.control.wait('nothing', { ms: left, input: hangupOnStar, until: bridge.ended });
    if (o.type === 'timeout') engine.end(child, 'completed');
    else if (o.type === 'input' && 'digits' in o.input && o.input.digits.includes('*'))
      engine.end(child, 'completed');
    else if (o.type === 'interrupted') engine.endBridge(call);
  }
  const params: Record<string, string> = {
    DialCallStatus: 'completed',
    DialCallSid: child.sid,
    DialCallDuration: String(Math.round(((bridge.endedAt ?? engine.clock.now()) - bridge.startedAt) / 1000)),
    DialBridged: 'true',
  };
  if (record !== 'do-not-record')
    Object.assign(params, recordBridge(ctx, el, recordFrom, record.endsWith('-dual')));
  return afterDial(ctx, el, params);
}

function recordBridge(ctx: VerbContext, el: XmlElement, startMs: number, dual: boolean): Params {
  const cb = urlAttr(ctx, el, 'recordingStatusCallback');
  const rec = ctx.engine.recordings.complete({
    call: ctx.call,
    startMs,
    endMs: ctx.engine.clock.now(),
    channels: dual ? 2 : 1,
    source: 'DialVerb',
    callback: {
      ...(cb ? { url: cb } : {}),
      method: methodAttr(el, 'recordingStatusCallbackMethod'),
      events: (el.attrs.recordingStatusCallbackEvent ?? 'completed').split(/\s+/),
    },
  });
  return ctx.engine.recordings.actionParams(rec);
}

function collectTargets(el: XmlElement): Target[] {
  const out: Target[] = [];
  const plain = textOf(el);
  if (plain) out.push({ address: plain, customParameters: {} });
  for (const noun of childElements(el)) {
    if (noun.name === 'Number') out.push({ address: textOf(noun), noun, customParameters: {} });
    if (noun.name === 'Client') {
      const identityEl = childElements(noun).find((c) => c.name === 'Identity');
      const identity = identityEl ? textOf(identityEl) : textOf(noun);
      const customParameters: Record<string, string> = {};
      for (const p of childElements(noun)) {
        if (p.name === 'Parameter' && p.attrs.name) customParameters[p.attrs.name] = p.attrs.value ?? '';
      }
      out.push({ address: `client:${identity}`, noun, customParameters });
    }
  }
  return out;
}

const EVENTS: readonly CallEvent[] = ['initiated', 'ringing', 'answered', 'completed'];

function withCallback(ctx: VerbContext, noun: XmlElement): { statusCallback?: StatusCallbackConfig } {
  const url = urlAttr(ctx, noun, 'statusCallback');
  if (!url) return {};
  const listed = (noun.attrs.statusCallbackEvent ?? '')
    .split(/\s+/)
    .filter((e): e is CallEvent => EVENTS.includes(e as CallEvent));
  return {
    statusCallback: {
      url,
      method: methodAttr(noun, 'statusCallbackMethod'),
      events: new Set<CallEvent>(listed.length ? listed : ['completed']),
    },
  };
}
