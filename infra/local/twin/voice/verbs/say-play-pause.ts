// <Say>, <Play> and <Pause> (docs/twilio-behaviour.md §3.1-3.3): what the caller hears goes to the call's `heard` list when it
// starts, and the audio then takes its time on the clock: speech an estimate from its text (audio-length.ts), media
// its measured length or a default (play-length.ts), a pause its length; each times `loop`.
import { breakMs, digitsMs, sayMs } from '../audio-length.js';
import type { CallInput } from '../call-control.js';
import { playSeconds } from '../play-length.js';
import type { Flow } from '../types.js';
import { textOf, type XmlElement } from '../xml.js';
import { intAttr } from './attrs.js';
import type { VerbContext } from './verb-context.js';

/** Result of a prompt that may be cut short by input (inside <Gather>). */
export type PromptResult =
  | { readonly kind: 'done' }
  | { readonly kind: 'input'; readonly input: CallInput }
  | Flow;

export async function sayVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  return toFlow(await say(ctx, el, false));
}
export async function playVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  return toFlow(await play(ctx, el, false));
}
export async function pauseVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  return toFlow(await pause(ctx, el, false));
}

function toFlow(r: PromptResult): Flow {
  return r.kind === 'done' || r.kind === 'input' ? { kind: 'next' } : r;
}

// `loop=0` means "until hang-up", capped by Twilio at 1000 iterations.
function loops(el: XmlElement): number {
  const n = intAttr(el, 'loop', 1);
  return n <= 0 ? 1000 : n;
}

export async function say(ctx: VerbContext, el: XmlElement, acceptsInput: boolean): Promise<PromptResult> {
  const { text, breaks } = sayText(el);
  const loop = loops(el);
  ctx.engine.heard(ctx.call, {
    verb: 'say',
    text,
    language: el.attrs.language ?? 'en-US',
    ...(el.attrs.voice ? { voice: el.attrs.voice } : {}),
    ...(loop !== 1 ? { loop } : {}),
  });
  return spend(ctx, (sayMs(text, ctx.engine.timing) + breaks) * loop, acceptsInput);
}

export async function play(ctx: VerbContext, el: XmlElement, acceptsInput: boolean): Promise<PromptResult> {
  const loop = loops(el);
  const digits = el.attrs.digits;
  if (digits) ctx.engine.heard(ctx.call, { verb: 'dtmf', text: digits });
  const url = textOf(el);
  let ms = digits ? digitsMs(digits) : 0;
  if (url) {
    const absolute = ctx.engine.resolveUrl(ctx.docUrl, url) ?? url;
    ctx.engine.heard(ctx.call, { verb: 'play', text: absolute, ...(loop !== 1 ? { loop } : {}) });
    const seconds = await playSeconds(ctx.engine, ctx.call, absolute);
    ms += (seconds === undefined ? ctx.engine.timing.playDefaultMs : seconds * 1000) * loop;
  }
  return spend(ctx, ms, acceptsInput);
}

export async function pause(ctx: VerbContext, el: XmlElement, acceptsInput: boolean): Promise<PromptResult> {
  return spend(ctx, Math.max(0, intAttr(el, 'length', 1)) * 1000, acceptsInput);
}

/** Lets `ms` pass on the clock; a key press (in <Gather>) or an interruption cuts it short. */
async function spend(ctx: VerbContext, ms: number, acceptsInput: boolean): Promise<PromptResult> {
  if (ms <= 0) return { kind: 'done' };
  const o = await ctx.call.control.wait(acceptsInput ? 'input' : ctx.idleKind, {
    ms,
    input: acceptsInput,
    // What a queue, hold or conference wait document plays is music the caller waits through, not a prompt
    // they listen to (a reply to their keys in the queue is one); the sim plays the two out differently.
    audio: ctx.idleKind === 'nothing' || ctx.mode === 'queue-reply' ? 'prompt' : 'music',
    ...(ctx.until ? { until: ctx.until } : {}),
  });
  if (o.type === 'input') return { kind: 'input', input: o.input };
  if (o.type === 'timeout') return { kind: 'done' };
  return { kind: 'stop' };
}

/** The spoken text, SSML tags dropped but their text kept, and the milliseconds of its SSML `<break>`s. */
function sayText(el: XmlElement): { text: string; breaks: number } {
  const parts: string[] = [];
  let breaks = 0;
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') parts.push(c);
      else if (c.name === 'break') breaks += breakMs(c.attrs.time, c.attrs.strength);
      else walk(c);
    }
  };
  walk(el);
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), breaks };
}
