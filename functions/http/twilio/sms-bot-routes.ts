// Incoming SMS answered by the bilingual bot (functions/domain/sms-bot.ts): opt-out/in kept on our own
// suppression list, HELP, claim status by number (only the sender's own claims), "new request" opening a
// ticket, survey answers, and everything else handed to an agent through TaskRouter (a job: webhooks have
// no REST client). The thread is kept per phone and on the customer. Nothing here answers with a 5xx:
// bad or oversized input gets a polite reply, an unexpected fault an apology.
import { Hono } from 'hono';
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import { callerId } from '../../domain/caller-id.js';
import type { SmsSession } from '../../domain/channel-ports.js';
import type { Customer, Language } from '../../domain/model.js';
import {
  type BotIntent,
  classify,
  languageOf,
  MAX_BODY,
  render,
  STATUS_WORDS,
} from '../../domain/sms-bot.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { optionalParam } from './params.js';

type Deps = WebhookDeps & Pick<ChannelDeps, 'jobs'>;
// A fresh object per response: @hono/node-server's Response keeps and later changes the one it is given.
const XML = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });

function twiml(...replies: string[]): string {
  const response = new MessagingResponse();
  const text = replies.filter(Boolean).join('\n');
  if (text) response.message(text);
  return response.toString();
}

export function createSmsBotApp(deps: Deps): Hono<TwilioEnv> {
  const { store, clock } = deps;
  const app = new Hono<TwilioEnv>();
  const now = () => new Date(clock.now()).toISOString();

  async function customerOf(phone: string): Promise<Customer | undefined> {
    const matches = await store.customers.find({ by: 'phone', value: phone });
    return matches.length === 1 ? matches[0] : undefined;
  }

  async function act(
    intent: BotIntent,
    ctx: {
      phone: string;
      ourNumber: string;
      sid: string;
      language: Language;
      session?: SmsSession;
      customer?: Customer;
    },
  ): Promise<string> {
    const { phone, language, customer } = ctx;
    const base = { phone, language, updatedAt: now(), ...(customer ? { customerId: customer.id } : {}) };
    switch (intent.kind) {
      case 'opt-out':
        await store.messaging.suppress(phone, intent.word);
        return ''; // Twilio itself confirms the opt-out
      case 'opt-in':
        await store.messaging.unsuppress(phone);
        return '';
      case 'help':
        return render('help', language);
      case 'empty':
        return render('empty', language);
      case 'claim-status': {
        const ticket = await store.tickets.get(intent.number);
        if (!ticket || !customer || ticket.customerId !== customer.id)
          return render('claimNotFound', language, { number: intent.number });
        const eta = ticket.fields.eta
          ? language === 'zh'
            ? `预计到达 ${ticket.fields.eta}`
            : `ETA ${ticket.fields.eta}`
          : '';
        const status = STATUS_WORDS[ticket.status]?.[language] ?? ticket.status;
        return render('claimStatus', language, { number: ticket.number, status, extra: eta });
      }
      case 'new-request':
        await store.messaging.putSession({ ...base, state: 'new-request' });
        return render('askRequest', language);
      case 'request-detail': {
        const created = await store.tickets.create(
          {
            type: 'inquiry',
            status: 'new',
            priority: 'normal',
            subject: language === 'zh' ? '短信服务请求' : 'Request by SMS',
            description: intent.text,
            ...(customer ? { customerId: customer.id } : {}),
            fields: { channel: 'sms', phone },
          },
          'sms-bot',
        );
        await store.messaging.putSession({ ...base, state: 'bot' });
        if (!created.ok) throw new Error(`ticket create: ${created.reason}`);
        return render('requestCreated', language, { number: created.value.number });
      }
      case 'survey-rating':
      case 'survey-comment': {
        const callSid = ctx.session?.surveyCallSid;
        const survey = callSid ? await store.messaging.getSurvey(callSid) : undefined;
        if (survey) {
          await store.messaging.putSurvey({
            ...survey,
            ...(intent.kind === 'survey-rating'
              ? {
                  rating: intent.rating,
                  ...(intent.comment ? { comment: intent.comment.slice(0, 1000) } : {}),
                }
              : { comment: intent.text.slice(0, 1000) }),
            answeredAt: now(),
          });
        }
        // A rating without a comment invites one; a comment (alone or with the rating) ends the survey.
        const rating = intent.kind === 'survey-rating' && !intent.comment;
        await store.messaging.putSession({
          ...base,
          state: rating ? 'survey-comment' : 'bot',
          ...(rating && callSid ? { surveyCallSid: callSid } : {}),
        });
        return render(rating ? 'surveyThanks' : 'surveyDone', language);
      }
      case 'agent': {
        if (ctx.session?.state === 'agent') return ''; // an open conversation: the agent sees the thread
        await deps.jobs.send({
          kind: 'sms-task',
          phone,
          ourNumber: ctx.ourNumber,
          language,
          firstMessage: intent.text,
          messageSid: ctx.sid,
          ...(customer ? { customerId: customer.id } : {}),
        });
        await store.messaging.putSession({ ...base, state: 'agent' });
        return render('toAgent', language);
      }
    }
  }

  app.post('/', async (c) => {
    const p = c.var.twilioParams;
    const from = optionalParam(p, 'From');
    const sid = optionalParam(p, 'MessageSid') ?? optionalParam(p, 'SmsSid');
    const raw = optionalParam(p, 'Body') ?? '';
    // Without a sender there is nobody to answer; without a sid the message cannot be kept once.
    if (!from || !sid) return c.body(twiml(), 200, XML());
    const parsed = callerId(from);
    const phone = parsed.ok ? parsed.e164 : from;
    const tooLong = raw.length > MAX_BODY;
    const body = raw.slice(0, MAX_BODY);
    let language: Language = languageOf(body, 'zh');
    try {
      const [session, customer] = await Promise.all([store.messaging.getSession(phone), customerOf(phone)]);
      language =
        session && !/\p{Script=Han}|[a-z]/iu.test(body)
          ? session.language
          : languageOf(body, customer?.language ?? 'zh');
      const { created } = await store.messaging.saveMessage({
        sid,
        direction: 'inbound',
        phone,
        body,
        at: now(),
        status: 'received',
        ...(customer ? { customerId: customer.id } : {}),
      });
      if (!created) return c.body(twiml(), 200, XML()); // Twilio retried a message we already answered
      const intent = classify(body, session);
      const reply = await act(intent, {
        phone,
        ourNumber: optionalParam(p, 'To') ?? '',
        sid,
        language,
        ...(session ? { session } : {}),
        ...(customer ? { customer } : {}),
      });
      if (intent.kind !== 'opt-out' && (await store.messaging.isSuppressed(phone)))
        return c.body(twiml(), 200, XML());
      const text = [tooLong ? render('tooLong', language) : '', reply].filter(Boolean).join('\n');
      if (text) {
        await store.messaging.saveMessage({
          sid: `reply-${sid}`,
          direction: 'outbound',
          phone,
          body: text,
          at: now(),
          status: 'replied',
          purpose: `bot:${intent.kind}`,
          ...(customer ? { customerId: customer.id } : {}),
        });
      }
      return c.body(twiml(text), 200, XML());
    } catch (err) {
      deps.logger.error('sms bot failed', { sid, error: String(err) });
      const sorry =
        language === 'zh'
          ? '抱歉，系统暂时无法处理您的短信，请稍后再试。'
          : 'Sorry, we could not handle your message just now. Please try again later.';
      return c.body(twiml(sorry), 200, XML());
    }
  });
  return app;
}
