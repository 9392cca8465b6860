// Incoming SMS: the signed webhook's parameters go to the bot (functions/app/sms-conversation.ts) and its
// answer comes back as TwiML, or an empty response when there is nothing to say. Nothing here answers
// with a 5xx: bad or oversized input gets a polite reply, an unexpected fault an apology.
import { Hono } from 'hono';
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import { createHistory } from '../../app/history/history.js';
import { answerFromKb } from '../../app/kb.js';
import { createKbSearcher } from '../../app/kb-search.js';
import { answerInboundSms } from '../../app/sms-conversation.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { optionalParam } from './params.js';

type Deps = WebhookDeps & Pick<ChannelDeps, 'jobs'>;
// A fresh object per response: @hono/node-server's Response keeps and later changes the one it is given.
const XML = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });

function twiml(text?: string): string {
  const response = new MessagingResponse();
  if (text) response.message(text);
  return response.toString();
}

export function createSmsBotApp(deps: Deps): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  const history = createHistory({
    store: deps.store,
    clock: deps.clock,
    timeZone: deps.config.timeZone,
    logger: deps.logger,
  });
  // One index per container, rebuilt when the knowledge base changes (kb-search.ts).
  const kb = { store: deps.store, searcher: createKbSearcher(deps.store.kb) };
  const askKb = (question: string, language: 'zh' | 'en') => answerFromKb(kb, question, language);
  app.post('/', async (c) => {
    const p = c.var.twilioParams;
    const from = optionalParam(p, 'From');
    const sid = optionalParam(p, 'MessageSid') ?? optionalParam(p, 'SmsSid');
    // Without a sender there is nobody to answer; without a sid the message cannot be kept once.
    if (!from || !sid) return c.body(twiml(), 200, XML());
    await history.record([
      { id: `sms:${sid}:received`, at: new Date(deps.clock.now()).toISOString(), type: 'sms.received', from },
    ]);
    const reply = await answerInboundSms(
      { ...deps, recordHistory: history.record, askKb },
      {
        from,
        to: optionalParam(p, 'To') ?? '',
        sid,
        body: optionalParam(p, 'Body') ?? '',
      },
    );
    return c.body(twiml(reply), 200, XML());
  });
  return app;
}
