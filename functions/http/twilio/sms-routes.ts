// Incoming SMS: acknowledges in the customer's language (the SMS bot comes later). Opt-out keywords
// get no reply of ours: Twilio confirms the opt-out itself and blocks further messages.
import { Hono } from 'hono';
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import { callerId } from '../../domain/caller-id.js';
import type { Language } from '../../domain/model.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { optionalParam, requiredParam } from './params.js';

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const HAN = /\p{Script=Han}/u;

function acknowledgement(language: Language, name: string | undefined): string {
  if (language === 'zh') return `${name ? `${name}，` : ''}您好！我们已收到您的短信，客服人员会尽快回复您。`;
  return `Hello${name ? ` ${name}` : ''}, we have received your message; an agent will reply shortly.`;
}

export function createSmsApp(deps: WebhookDeps): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  // A fresh object per response: @hono/node-server's Response keeps and later changes the one it is given.
  const xml = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });

  app.post('/', async (c) => {
    const p = c.var.twilioParams;
    const from = requiredParam(p, 'From');
    const body = optionalParam(p, 'Body') ?? '';
    const response = new MessagingResponse();
    if (OPT_OUT.has(body.trim().toUpperCase())) return c.body(response.toString(), 200, xml());
    const phone = callerId(from);
    const matches = phone.ok ? await deps.store.customers.find({ by: 'phone', value: phone.e164 }) : [];
    const customer = matches.length === 1 ? matches[0] : undefined;
    const language: Language = customer?.language ?? (HAN.test(body) || !body ? 'zh' : 'en');
    response.message(acknowledgement(language, customer?.name));
    return c.body(response.toString(), 200, xml());
  });

  return app;
}
