// <Redirect>, <Hangup>, <Reject> and <Leave> (docs/twilio-behaviour.md §3.9).
import type { Flow } from '../types.js';
import { textOf, type XmlElement } from '../xml.js';
import { methodAttr } from './attrs.js';
import type { VerbContext } from './verb-context.js';

export async function redirectVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  const target = textOf(el);
  // An empty <Redirect/> re-requests the current document (the usual way to loop hold music).
  const url = target ? ctx.engine.resolveUrl(ctx.docUrl, target) : ctx.docUrl;
  if (!url) {
    ctx.engine.error(ctx.call, 11100, `<Redirect> to an invalid URL: ${target}`);
    return { kind: 'hangup' };
  }
  return { kind: 'goto', nav: { kind: 'url', url, method: methodAttr(el, 'method') } };
}

export async function hangupVerb(): Promise<Flow> {
  return { kind: 'hangup' };
}

export async function rejectVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  const reason = el.attrs.reason === 'busy' ? 'busy' : 'rejected';
  // Only a first <Reject> keeps the call unanswered; afterwards it is just a hang-up.
  if (!ctx.firstVerb) return { kind: 'hangup' };
  return { kind: 'hangup', status: reason === 'busy' ? 'busy' : 'no-answer' };
}

export async function leaveVerb(ctx: VerbContext): Promise<Flow> {
  if (ctx.mode === 'queue-wait' || ctx.mode === 'queue-reply') return { kind: 'leave' };
  ctx.engine.error(ctx.call, 12200, '<Leave> outside an Enqueue waitUrl document is ignored');
  return { kind: 'next' };
}
