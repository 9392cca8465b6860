// Messaging TwiML (docs/twilio-behaviour.md §6.2): fetches the SMS webhook (with SmsFallbackUrl), sends each <Message> as an
// outbound-reply (to/from default to the sender and our number), follows <Redirect>; errors are logged, and a
// reply to an opted-out number is dropped with 21610 as Twilio would refuse it.

import type { TwinContext } from '../ports.js';
import { TwilioRestError } from '../rest-common.js';
import { childElements, parseXml, textOf, XmlSyntaxError } from '../voice/xml.js';
import type { Message, OutgoingMessage } from './message.js';

/**
 * What the runner needs of the messaging engine: the webhooks to fetch TwiML with, the log, and sending.
 * An interface rather than the engine's class, because the engine is the one that calls this runner.
 */
export interface MessagingTwimlEngine {
  readonly deps: { readonly ctx: Pick<TwinContext, 'log' | 'webhooks'> };
  send(input: OutgoingMessage): unknown;
}

export async function runMessagingTwiml(
  engine: MessagingTwimlEngine,
  inbound: Message,
  target: { url: string; method: 'GET' | 'POST' },
  params: Record<string, string>,
  fallbackUrl?: string,
): Promise<void> {
  const log = engine.deps.ctx.log;
  let next: { url: string; method: 'GET' | 'POST' } | undefined = target;
  for (let hops = 0; next && hops < 10; hops++) {
    const res = await engine.deps.ctx.webhooks.send({
      url: next.url,
      method: next.method,
      params,
      correlationId: inbound.sid,
      ...(hops === 0 && fallbackUrl ? { fallbackUrl } : {}),
    });
    const base: string = next.url;
    next = undefined;
    if (!res.ok || !res.body.trim()) return;
    let root: ReturnType<typeof parseXml>;
    try {
      root = parseXml(res.body);
    } catch (err) {
      if (!(err instanceof XmlSyntaxError)) throw err;
      log.append({ kind: 'error', correlationId: inbound.sid, code: 12100, summary: err.message });
      return;
    }
    if (root.name !== 'Response') {
      log.append({ kind: 'error', correlationId: inbound.sid, code: 12200, summary: `root <${root.name}>` });
      return;
    }
    for (const verb of childElements(root)) {
      if (verb.name === 'Message') {
        const bodyEl = childElements(verb).find((c) => c.name === 'Body');
        const media = childElements(verb)
          .filter((c) => c.name === 'Media')
          .map(textOf)
          .slice(0, 10);
        try {
          engine.send({
            from: verb.attrs.from ?? inbound.to,
            to: verb.attrs.to ?? inbound.from,
            body: bodyEl ? textOf(bodyEl) : textOf(verb),
            mediaUrls: media,
            direction: 'outbound-reply',
            ...(verb.attrs.statusCallback
              ? { statusCallback: new URL(verb.attrs.statusCallback, base).toString() }
              : {}),
          });
        } catch (err) {
          if (!(err instanceof TwilioRestError)) throw err;
          log.append({ kind: 'error', correlationId: inbound.sid, code: err.code, summary: err.message });
        }
      } else if (verb.name === 'Redirect') {
        next = {
          url: new URL(textOf(verb) || base, base).toString(),
          method: verb.attrs.method === 'GET' ? 'GET' : 'POST',
        };
        break;
      } else {
        log.append({
          kind: 'error',
          correlationId: inbound.sid,
          code: 12200,
          summary: `<${verb.name}> in Messaging TwiML`,
        });
        return;
      }
    }
  }
}
