// REST Calls (docs/twilio-behaviour.md §1.5, §8.4): create an outbound call with Url/Twiml/ApplicationSid, StatusCallback(Event),
// FallbackUrl, Record and answering-machine detection (MachineDetection, AsyncAmd...); fetch; list with To/From/Status filters; update with Url/Twiml (redirect) or
// Status=completed|canceled.
import type { Hono } from 'hono';
import { param, paramBool, paramList, readParams, TwilioRestError } from '../../rest-common.js';
import {
  type AmdSettings,
  DEFAULT_AMD_TIMEOUT_SECONDS,
  MACHINE_DETECTION_MODES,
  type MachineDetectionMode,
} from '../amd.js';
import { placeCall } from '../call-starts.js';
import { assertCallerId } from '../caller-id.js';
import type { VoiceEngine } from '../engine.js';
import { callRecordSettings } from '../record-settings.js';
import type { CallEvent, HttpMethod, Navigation } from '../types.js';
import { listPage, stripJson } from './paging.js';
import { renderCall } from './render.js';

const EVENTS: readonly CallEvent[] = ['initiated', 'ringing', 'answered', 'completed'];

export function method(v: string | undefined, fallback: HttpMethod = 'POST'): HttpMethod {
  const m = v?.toUpperCase();
  return m === 'GET' || m === 'POST' ? m : fallback;
}

export function mountCalls(app: Hono, engine: VoiceEngine): void {
  const ac = engine.accountSid;
  const find = (file: string) => {
    const call = engine.calls.get(stripJson(file) ?? '');
    if (!call) throw new TwilioRestError(404, 20404, `The requested resource ${file} was not found`);
    return call;
  };

  app.post('/Calls.json', async (c) => {
    const p = await readParams(c);
    const to = param(p, 'To');
    const from = param(p, 'From');
    if (!to) throw new TwilioRestError(400, 21201, 'No called number is specified');
    if (!from) throw new TwilioRestError(400, 21213, 'No caller ID is specified');
    assertCallerId(engine.deps.numbers, from, to);
    const appSid = param(p, 'ApplicationSid');
    const app = appSid ? engine.deps.numbers.applications.get(appSid) : undefined;
    if (appSid && !app?.voiceUrl)
      throw new TwilioRestError(400, 21212, `Application ${appSid} has no voice URL`);
    const nav =
      navigation(p) ??
      (app?.voiceUrl ? { kind: 'url' as const, url: app.voiceUrl, method: app.voiceMethod } : undefined);
    if (!nav) throw new TwilioRestError(400, 21205, 'Url, Twiml or ApplicationSid is required');
    const cbUrl = param(p, 'StatusCallback');
    const listed = paramList(p, 'StatusCallbackEvent')
      .flatMap((e) => e.split(/[\s,]+/))
      .filter((e): e is CallEvent => EVENTS.includes(e as CallEvent));
    const fallbackUrl = param(p, 'FallbackUrl');
    const record = callRecordSettings(p, 'OutboundAPI');
    const amd = amdSettings(p);
    const call = placeCall(engine, {
      from,
      to,
      nav,
      timeoutSeconds: Number(param(p, 'Timeout') ?? 60) || 60,
      ...(cbUrl
        ? {
            statusCallback: {
              url: cbUrl,
              method: method(param(p, 'StatusCallbackMethod')),
              events: new Set(listed.length ? listed : ['completed']),
            },
          }
        : {}),
      // FallbackUrl is ignored when ApplicationSid is used (docs/twilio-behaviour.md §1.4).
      ...(fallbackUrl && !appSid
        ? { fallback: { url: fallbackUrl, method: method(param(p, 'FallbackMethod')) } }
        : {}),
      ...(record ? { record } : {}),
      ...(appSid ? { applicationSid: appSid } : {}),
      ...(amd ? { machineDetection: amd } : {}),
    });
    return c.json(renderCall(ac, call), 201);
  });

  app.get('/Calls.json', (c) => {
    const q = (k: string) => c.req.query(k);
    const calls = [...engine.calls.values()]
      .filter((call) => (!q('To') || call.to === q('To')) && (!q('From') || call.from === q('From')))
      .filter(
        (call) =>
          (!q('Status') || call.status === q('Status')) &&
          (!q('ParentCallSid') || call.parentCallSid === q('ParentCallSid')),
      )
      .reverse();
    return c.json(listPage(c, 'calls', calls, (call) => renderCall(ac, call)));
  });

  app.get('/Calls/:file', (c) => c.json(renderCall(ac, find(c.req.param('file')))));

  app.post('/Calls/:file', async (c) => {
    const call = find(c.req.param('file'));
    const p = await readParams(c);
    const status = param(p, 'Status');
    const nav = navigation(p);
    if (status === 'completed' || status === 'canceled') {
      const unanswered = call.status === 'queued' || call.status === 'ringing';
      // canceled only applies to calls not yet answered; completed hangs up either kind.
      if (unanswered) engine.end(call, 'canceled');
      else if (status === 'completed') engine.end(call, 'completed');
    } else if (status) throw new TwilioRestError(400, 21220, `Invalid call status ${status}`);
    else if (nav) {
      if (engine.isEnded(call))
        throw new TwilioRestError(400, 21220, 'Call is not in-progress. Cannot redirect.');
      engine.redirect(call, nav);
    }
    await engine.idle(call.sid);
    return c.json(renderCall(ac, call));
  });
}

/** MachineDetection turns detection on; a value other than Enable or DetectMessageEnd leaves it off [K]. */
function amdSettings(p: Awaited<ReturnType<typeof readParams>>): AmdSettings | undefined {
  const mode = param(p, 'MachineDetection') as MachineDetectionMode | undefined;
  if (!mode || !MACHINE_DETECTION_MODES.includes(mode)) return undefined;
  const timeout = Number(param(p, 'MachineDetectionTimeout'));
  const callback = param(p, 'AsyncAmdStatusCallback');
  return {
    mode,
    timeoutMs: (Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_AMD_TIMEOUT_SECONDS) * 1000,
    async: paramBool(p, 'AsyncAmd') ?? false,
    ...(callback
      ? { callback: { url: callback, method: method(param(p, 'AsyncAmdStatusCallbackMethod')) } }
      : {}),
  };
}

function navigation(p: Awaited<ReturnType<typeof readParams>>): Navigation | undefined {
  const twiml = param(p, 'Twiml');
  if (twiml) {
    if (twiml.length > 4000) throw new TwilioRestError(400, 21220, 'Twiml is longer than 4000 characters');
    return { kind: 'twiml', twiml };
  }
  const url = param(p, 'Url');
  if (!url) return undefined;
  try {
    new URL(url);
  } catch {
    throw new TwilioRestError(400, 21205, `Url is not a valid URL: ${url}`);
  }
  return { kind: 'url', url, method: method(param(p, 'Method')) };
}
