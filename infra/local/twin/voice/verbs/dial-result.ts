// What happens after a <Dial> ends (docs/twilio-behaviour.md §3.7): request `action` with DialCallStatus and friends, or carry
// on with the next verb; if the caller hung up, report to the action anyway and ignore its answer.
import type { Flow, Params } from '../types.js';
import type { XmlElement } from '../xml.js';
import { methodAttr, urlAttr } from './attrs.js';
import type { VerbContext } from './verb-context.js';

export async function afterDial(ctx: VerbContext, el: XmlElement, params: Params): Promise<Flow> {
  const { engine, call } = ctx;
  engine.event(call, `dial ended ${params.DialCallStatus ?? ''}`, { ...params });
  if (call.control.interruption?.type === 'redirect') return { kind: 'stop' };
  const action = urlAttr(ctx, el, 'action');
  if (!action) return call.control.hungUp ? { kind: 'stop' } : { kind: 'next' };
  const method = methodAttr(el, 'method');
  if (call.control.hungUp) {
    await engine.send(call, action, method, { ...engine.params(call), ...params });
    return { kind: 'stop' };
  }
  return { kind: 'goto', nav: { kind: 'url', url: action, method, params } };
}

/** Say and Play of a short document run on a call that is busy elsewhere (queue `url`, announcements). */
export function announce(ctx: VerbContext, verbs: readonly XmlElement[], target = ctx.call): void {
  for (const v of verbs) {
    const text = v.children
      .filter((c): c is string => typeof c === 'string')
      .join('')
      .trim();
    if (v.name === 'Say')
      ctx.engine.heard(target, { verb: 'say', text, language: v.attrs.language ?? 'en-US' });
    if (v.name === 'Play' && text) ctx.engine.heard(target, { verb: 'play', text });
  }
}
