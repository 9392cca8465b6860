// <Record> (docs/twilio-behaviour.md §3.5): a beep, then the simulated caller talks until a finishOnKey key, hang-up or maxLength;
// a spoken `{speech}` input means "said this, then fell silent", so `timeout` seconds later it ends and the silence
// is trimmed. It always requests its action (default: the current document) and never reaches later verbs.
import type { Flow } from '../types.js';
import type { XmlElement } from '../xml.js';
import { boolAttr, intAttr, methodAttr, urlAttr } from './attrs.js';
import type { VerbContext } from './verb-context.js';

export async function recordVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  const { engine, call } = ctx;
  const finishOnKey = el.attrs.finishOnKey ?? '1234567890*#';
  const maxMs = Math.max(1, intAttr(el, 'maxLength', 3600)) * 1000;
  const silenceMs = Math.max(0, intAttr(el, 'timeout', 5)) * 1000;
  const trim = el.attrs.trim !== 'do-not-trim';
  const action = el.attrs.action !== undefined ? urlAttr(ctx, el, 'action') : ctx.docUrl;
  if (boolAttr(el, 'playBeep', true)) engine.heard(call, { verb: 'beep', text: '' });

  const start = engine.clock.now();
  const deadline = start + maxMs;
  let end = deadline;
  let digits = '';
  let spokeAt: number | undefined;
  for (;;) {
    const now = engine.clock.now();
    const silenceEnd =
      spokeAt !== undefined && silenceMs > 0 ? spokeAt + silenceMs : Number.POSITIVE_INFINITY;
    const o = await call.control.wait('recording', { ms: Math.min(deadline, silenceEnd) - now, input: true });
    if (o.type === 'timeout') {
      end = engine.clock.now();
      if (spokeAt !== undefined && end < deadline && trim) end = spokeAt;
      break;
    }
    if (o.type === 'interrupted') {
      end = engine.clock.now();
      if (call.control.hungUp) digits = 'hangup';
      break;
    }
    if (o.type !== 'input') continue;
    if ('speech' in o.input) {
      spokeAt = engine.clock.now();
      continue;
    }
    const key = [...o.input.digits].find((k) => finishOnKey.includes(k));
    if (key) {
      digits = key;
      end = engine.clock.now();
      break;
    }
  }

  const rec = engine.recordings.begin(call, 'RecordVerb', 1, start);
  const callback = {
    ...(urlAttr(ctx, el, 'recordingStatusCallback')
      ? { url: urlAttr(ctx, el, 'recordingStatusCallback') }
      : {}),
    method: methodAttr(el, 'recordingStatusCallbackMethod'),
    events: (el.attrs.recordingStatusCallbackEvent ?? 'completed').split(/\s+/),
  };
  rec.duration = Math.max(0, Math.round((end - start) / 1000));
  const params = { ...engine.recordings.actionParams(rec), Digits: digits };
  const redirected = call.control.interruption?.type === 'redirect';
  if (!action) {
    engine.error(call, 11100, '<Record> has no usable action URL');
    engine.recordings.finish(rec, end, callback);
    return { kind: 'hangup' };
  }
  // The action is requested before the file is ready; the recording callback comes after (docs/twilio-behaviour.md §3.5).
  const flow: Flow = redirected
    ? { kind: 'stop' }
    : { kind: 'goto', nav: { kind: 'url', url: action, method: methodAttr(el, 'method'), params } };
  if (call.control.hungUp) {
    await engine.send(call, action, methodAttr(el, 'method'), { ...engine.params(call), ...params });
  }
  engine.recordings.finish(rec, end, callback);
  return call.control.hungUp ? { kind: 'stop' } : flow;
}
