// <Say>, <Play> and <Pause> (docs/twilio-behaviour.md §3.1-3.3): what the caller hears goes to the call's `heard` list; speech and
// media take the configured simulated time, a pause takes its length on the clock.
import type { CallInput } from '../call-control.js';
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
  const text = sayText(el);
  const loop = loops(el);
  ctx.engine.heard(ctx.call, {
    verb: 'say',
    text,
    language: el.attrs.language ?? 'en-US',
    ...(el.attrs.voice ? { voice: el.attrs.voice } : {}),
    ...(loop !== 1 ? { loop } : {}),
  });
  return spend(ctx, ctx.engine.timing.sayMsPerChar * text.length * loop, acceptsInput);
}

export async function play(ctx: VerbContext, el: XmlElement, acceptsInput: boolean): Promise<PromptResult> {
  const loop = loops(el);
  const digits = el.attrs.digits;
  if (digits) ctx.engine.heard(ctx.call, { verb: 'dtmf', text: digits });
  const url = textOf(el);
  if (url) {
    const absolute = ctx.engine.resolveUrl(ctx.docUrl, url) ?? url;
    ctx.engine.heard(ctx.call, { verb: 'play', text: absolute, ...(loop !== 1 ? { loop } : {}) });
  }
  return spend(ctx, url ? ctx.engine.timing.playMs * loop : 0, acceptsInput);
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
    ...(ctx.until ? { until: ctx.until } : {}),
  });
  if (o.type === 'input') return { kind: 'input', input: o.input };
  if (o.type === 'timeout') return { kind: 'done' };
  return { kind: 'stop' };
}

/** The spoken text, SSML tags dropped but their text kept. */
function sayText(el: XmlElement): string {
  const parts: string[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') parts.push(c);
      else walk(c);
    }
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
