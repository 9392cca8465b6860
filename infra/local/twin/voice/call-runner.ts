// Running a call's documents (docs/twilio-behaviour.md §1.1, §1.4, §3 general rules): fetch the TwiML, fall back to the
// fallback URL with ErrorCode/ErrorUrl when the voice URL fails or returns invalid TwiML, treat audio and plain
// text as Twilio does, run the verbs, follow actions and redirects, and end the call when a document runs out.
import type { WebhookResult } from '../ports.js';
import { fallbackParams } from '../webhooks/webhook-sender.js';
import { APPLICATION_ERROR, type VoiceEngine } from './engine.js';
import { checkVoiceTwiml, TwimlErrors } from './twiml-schema.js';
import type { Call, LoadedDocument, Navigation, Params } from './types.js';
import { runDocument } from './verbs/run-verbs.js';

type Interpreted = LoadedDocument | { readonly code: number; readonly message: string } | undefined;

export async function runCall(
  engine: VoiceEngine,
  call: Call,
  nav: Navigation,
  primary: boolean,
): Promise<void> {
  let next: Navigation | undefined = nav;
  let usesFallback = primary;
  while (next && !call.control.hungUp) {
    call.position = { nav: next };
    const doc = await loadDocument(engine, call, next, usesFallback);
    usesFallback = false;
    const redirected = call.control.takeRedirect();
    if (redirected) {
      next = redirected;
      continue;
    }
    if (call.control.hungUp) return;
    if (!doc) {
      engine.answer(call);
      engine.heard(call, { verb: 'say', text: APPLICATION_ERROR, language: 'en-US' });
      engine.end(call, 'completed');
      return;
    }
    const flow = await runDocument(engine, call, doc.verbs, doc.url, 'main');
    const again = call.control.takeRedirect();
    if (again) next = again;
    else if (flow.kind === 'goto') next = flow.nav;
    else if (flow.kind === 'hangup') engine.end(call, flow.status ?? 'completed');
    else if (flow.kind !== 'stop') engine.end(call, 'completed');
    else next = undefined;
  }
}

export async function loadDocument(
  engine: VoiceEngine,
  call: Call,
  nav: Navigation,
  useFallback: boolean,
  extra: Params = {},
): Promise<LoadedDocument | undefined> {
  if (nav.kind === 'twiml') {
    const check = checkVoiceTwiml(nav.twiml);
    if (check.ok) return { verbs: check.verbs, url: undefined };
    engine.error(call, check.code, `TwiML rejected: ${check.message}`);
    return undefined;
  }
  const params = { ...engine.params(call), ...nav.params, ...extra };
  const res = await engine.send(call, nav.url, nav.method, params);
  const first = interpret(engine, call, res, nav.url);
  if (first && 'verbs' in first) return first;
  if (!useFallback || !call.fallback || call.control.hungUp) return undefined;
  const code = first?.code ?? res.errorCode ?? TwimlErrors.schemaValidation;
  const fbParams = fallbackParams(params, code, nav.url) as Params;
  const fb = await engine.send(call, call.fallback.url, call.fallback.method, fbParams);
  const second = interpret(engine, call, fb, call.fallback.url);
  return second && 'verbs' in second ? second : undefined;
}

function interpret(engine: VoiceEngine, call: Call, res: WebhookResult, url: string): Interpreted {
  if (!res.ok || call.control.hungUp) return undefined;
  const type = res.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  // An audio answer is played, then the call hangs up; plain text that is not TwiML is read aloud (§1.1).
  if (type.startsWith('audio/')) return { verbs: [{ name: 'Play', attrs: {}, children: [url] }], url };
  const twimlType = ['text/xml', 'application/xml', 'text/html', 'text/plain', ''].includes(type);
  const check = checkVoiceTwiml(res.body);
  if (check.ok && twimlType) return { verbs: check.verbs, url };
  if (type === 'text/plain') return { verbs: [{ name: 'Say', attrs: {}, children: [res.body] }], url };
  const code = twimlType && !check.ok ? check.code : TwimlErrors.invalidContentType;
  const message = twimlType && !check.ok ? check.message : `content type ${type} is not TwiML`;
  engine.error(call, code, `${message} (${url})`, { body: res.body.slice(0, 500) });
  return { code, message };
}
