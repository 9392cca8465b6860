// <Gather> (docs/twilio-behaviour.md §3.4): nested prompts that a key press cuts short, then digits until numDigits or
// finishOnKey, or speech; the timeout restarts after each key. With input it requests `action` (default: the
// current document); with none it falls through to the next verb unless actionOnEmptyResult is set.
import type { CallInput } from '../call-control.js';
import type { Flow } from '../types.js';
import { childElements, type XmlElement } from '../xml.js';
import { boolAttr, intAttr, methodAttr, urlAttr } from './attrs.js';
import { pause, play, say } from './say-play-pause.js';
import type { VerbContext } from './verb-context.js';

interface Collected {
  digits: string;
  speech?: string;
  finishedOnKey: string;
  done: boolean;
}

export async function gatherVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  const inputs = (el.attrs.input ?? 'dtmf').split(/\s+/);
  const acceptsDtmf = inputs.includes('dtmf');
  const acceptsSpeech = inputs.includes('speech');
  const finishOnKey = el.attrs.finishOnKey ?? '#';
  const numDigits = intAttr(el, 'numDigits', 0);
  const timeoutMs = Math.max(1, intAttr(el, 'timeout', 5)) * 1000;
  const got: Collected = { digits: '', finishedOnKey: '', done: false };

  const take = (input: CallInput) => {
    if ('speech' in input) {
      if (!acceptsSpeech) return;
      got.speech = input.speech;
      got.done = true; // speech ends at the first pause (speechTimeout); the sim sends whole utterances
      return;
    }
    if (!acceptsDtmf) return;
    for (const key of input.digits) {
      if (finishOnKey.includes(key)) {
        got.finishedOnKey = key;
        got.done = true;
        return;
      }
      got.digits += key;
      if (numDigits > 0 && got.digits.length >= numDigits) {
        got.done = true;
        return;
      }
    }
  };

  for (const child of childElements(el)) {
    const prompt = child.name === 'Say' ? say : child.name === 'Play' ? play : pause;
    const r = await prompt(ctx, child, true);
    if (r.kind === 'input') {
      take(r.input); // a key press stops the prompt and starts the timeout
      break;
    }
    if (r.kind !== 'done') return r.kind === 'next' ? r : { kind: 'stop' };
  }

  while (!got.done) {
    const o = await ctx.call.control.wait('input', {
      ms: timeoutMs,
      input: true,
      ...(ctx.until ? { until: ctx.until } : {}),
    });
    if (o.type === 'timeout') break;
    if (o.type !== 'input') return { kind: 'stop' };
    take(o.input);
  }

  const empty = got.digits === '' && got.speech === undefined;
  if (empty && !boolAttr(el, 'actionOnEmptyResult', false)) return { kind: 'next' };
  const action = el.attrs.action !== undefined ? urlAttr(ctx, el, 'action') : ctx.docUrl;
  if (!action) {
    ctx.engine.error(ctx.call, 11100, '<Gather> has no usable action URL');
    return { kind: 'hangup' };
  }
  const params: Record<string, string> = { msg: 'Gather End' };
  if (acceptsDtmf) {
    params.Digits = got.digits;
    params.FinishedOnKey = got.finishedOnKey;
  }
  if (got.speech !== undefined) {
    params.SpeechResult = got.speech;
    params.Confidence = '0.9';
  } else if (acceptsSpeech && empty) params.SpeechResult = '';
  return { kind: 'goto', nav: { kind: 'url', url: action, method: methodAttr(el, 'method'), params } };
}
