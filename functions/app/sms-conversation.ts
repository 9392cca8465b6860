// A text a customer sends us, answered by the bilingual bot: opt-out/in kept on our own suppression list,
// HELP, claim status by number (only the sender's own claims), "new request" opening a ticket, survey
// answers, and everything else handed to an agent as a TaskRouter task (through a job: webhooks have no
// REST client). The thread is kept per phone and on the customer.

import { callerId } from '../domain/caller-id.js';
import type { SmsSession } from '../domain/channel-ports.js';
import type { NewCenterEvent } from '../domain/history/event.js';
import type { JobQueue } from '../domain/jobs.js';
import type { Customer, Language } from '../domain/model.js';
import {
  type BotIntent,
  classify,
  languageOf,
  MAX_BODY,
  render,
  replyLanguage,
  STATUS_WORDS,
} from '../domain/sms-bot.js';
import { type Answer, askable, smsPrompt, textAnswer } from '../domain/surveys.js';
import type { CenterBasics } from './center.js';
import { keepAnswers, questionnaireNamed } from './surveys.js';

export interface SmsConversationDeps extends Pick<CenterBasics, 'store' | 'clock' | 'logger'> {
  /** Where the hand-over to an agent is queued. */
  readonly jobs: JobQueue;
  /** Writes texts received and survey answers into the event history; absent, they are not counted. */
  readonly recordHistory?: (events: readonly NewCenterEvent[]) => Promise<void>;
  /** The knowledge base's best short answer to a question, in the language asked; absent, questions go to an agent. */
  readonly askKb?: (
    question: string,
    language: Language,
  ) => Promise<{ readonly title: string; readonly summary: string } | undefined>;
}

export interface InboundSms {
  /** The sender as Twilio gives it (normalised to E.164 when it parses). */
  readonly from: string;
  /** Our number the text was sent to. */
  readonly to: string;
  /** The message's SID: a text is kept and answered once per SID. */
  readonly sid: string;
  /** The text as received, before trimming to the longest body the bot reads. */
  readonly body: string;
}

interface Turn {
  readonly phone: string;
  readonly ourNumber: string;
  readonly sid: string;
  readonly language: Language;
  readonly session?: SmsSession;
  readonly customer?: Customer;
}

/**
 * The bot's answer to one inbound text, or undefined for none (a retried message, an opt-out Twilio
 * confirms itself, a suppressed number, a conversation an agent already has). Never throws: an
 * unexpected fault is logged and answered with an apology, so the sender always hears back.
 */
export async function answerInboundSms(
  deps: SmsConversationDeps,
  sms: InboundSms,
): Promise<string | undefined> {
  const { store } = deps;
  const now = () => new Date(deps.clock.now()).toISOString();
  const parsed = callerId(sms.from);
  const phone = parsed.ok ? parsed.e164 : sms.from;
  const tooLong = sms.body.length > MAX_BODY;
  const body = sms.body.slice(0, MAX_BODY);
  let language: Language = languageOf(body, 'zh');
  const keep = (customerId?: string) =>
    store.messaging.saveMessage({
      sid: sms.sid,
      direction: 'inbound',
      phone,
      body,
      at: now(),
      status: 'received',
      ...(customerId ? { customerId } : {}),
    });
  // A short code or a sender name (a bank's "ACME") cannot be texted back, and no desk could answer it:
  // the text is kept, no conversation is opened and nothing is promised.
  if (!parsed.ok) {
    await keep().catch((err) =>
      deps.logger.error('keeping a text failed', { sid: sms.sid, error: String(err) }),
    );
    deps.logger.info('text from a sender that is not a phone number: kept, not answered', {
      messageSid: sms.sid,
    });
    return undefined;
  }
  try {
    const [session, customer] = await Promise.all([
      store.messaging.getSession(phone),
      customerOf(deps, phone),
    ]);
    language = replyLanguage(
      body,
      {
        ...(customer ? { customer: customer.language } : {}),
        ...(session ? { session: session.language } : {}),
      },
      'zh',
    );
    const { created } = await keep(customer?.id);
    if (!created) return undefined; // Twilio retried a message we already answered
    const intent = classify(body, session);
    const reply = await act(deps, intent, {
      phone,
      ourNumber: sms.to,
      sid: sms.sid,
      language,
      ...(session ? { session } : {}),
      ...(customer ? { customer } : {}),
    });
    if (intent.kind !== 'opt-out' && (await store.messaging.isSuppressed(phone))) return undefined;
    const text = [tooLong ? render('tooLong', language) : '', reply].filter(Boolean).join('\n');
    if (!text) return undefined;
    await store.messaging.saveMessage({
      sid: `reply-${sms.sid}`,
      direction: 'outbound',
      phone,
      body: text,
      at: now(),
      status: 'replied',
      purpose: `bot:${intent.kind}`,
      ...(customer ? { customerId: customer.id } : {}),
    });
    return text;
  } catch (err) {
    deps.logger.error('sms bot failed', { sid: sms.sid, error: String(err) });
    return language === 'zh'
      ? '抱歉，系统暂时无法处理您的短信，请稍后再试。'
      : 'Sorry, we could not handle your message just now. Please try again later.';
  }
}

/**
 * How long a conversation may wait for its task: past the job queue's first retries, so a task merely late
 * is not asked for twice (a second one would be withdrawn when it found the first).
 */
export const SMS_TASK_STALL_MS = 15 * 60_000;

/** Waiting for a person with no task and no agent, for longer than a task takes to be made. */
function isStalled(session: SmsSession, nowMs: number): boolean {
  return !session.taskSid && !session.agentId && nowMs - Date.parse(session.updatedAt) >= SMS_TASK_STALL_MS;
}

/** The customer a number belongs to, when exactly one does: a shared number must not reveal claims. */
async function customerOf(deps: SmsConversationDeps, phone: string): Promise<Customer | undefined> {
  const matches = await deps.store.customers.find({ by: 'phone', value: phone });
  return matches.length === 1 ? matches[0] : undefined;
}

/** Does what the intent asks and returns the reply ('' for none). */
async function act(deps: SmsConversationDeps, intent: BotIntent, turn: Turn): Promise<string> {
  const { store } = deps;
  const { phone, language, customer } = turn;
  const now = () => new Date(deps.clock.now()).toISOString();
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
    case 'survey-reply': {
      const asked = await surveyAnswer(deps, turn, intent.text);
      // Not an answer to the question: the survey ends and the text is read as any other.
      if (!asked)
        return act(deps, classify(intent.text, { ...base, state: 'bot' }), {
          ...turn,
          session: { ...base, state: 'bot' },
        });
      await store.messaging.putSession(
        asked.next === undefined
          ? { ...base, state: 'bot' }
          : { ...base, state: 'survey', surveyCallSid: asked.callSid, surveyQuestion: asked.next.index },
      );
      return asked.next === undefined
        ? render('surveyDone', language)
        : render('surveyNext', language, { question: asked.next.prompt });
    }
    case 'question': {
      const answer = await deps.askKb?.(intent.text, language);
      if (answer) return render('kbAnswer', language, answer);
      // Nothing the knowledge base can say: a person answers, as any other text.
      return act(deps, { kind: 'agent', text: intent.text }, turn);
    }
    case 'agent': {
      const open = turn.session?.state === 'agent' ? turn.session : undefined;
      // An open conversation: the agent sees the thread. A wait that never got its task (its job failed
      // for good) is asked for again, so the customer is not left waiting on nobody.
      const stalled = open && isStalled(open, deps.clock.now());
      if (open && !stalled) return '';
      // The conversation waits for a person before its job exists: the job records its task only on a
      // conversation in that state, and may run before this webhook returns.
      // Of two texts arriving together, the one that starts the wait asks for the person; the other is
      // part of the same conversation.
      if (
        !(await store.messaging.startWaiting(
          { ...base, state: 'agent' },
          stalled ? open.updatedAt : undefined,
        ))
      )
        return '';
      try {
        await deps.jobs.send({
          kind: 'sms-task',
          phone,
          ourNumber: turn.ourNumber,
          language,
          firstMessage: intent.text,
          messageSid: turn.sid,
          ...(customer ? { customerId: customer.id } : {}),
        });
      } catch (err) {
        // No task will come: the conversation goes back to the bot, so the customer's next text is answered.
        // A stalled wait asked for again stays as it is now: the first request's job may yet land its task,
        // which a write of the old record could erase, and if it does not, the wait stalls and is asked for
        // again by a later text.
        if (!stalled) await store.messaging.putSession(turn.session ?? { ...base, state: 'bot' });
        throw err;
      }
      return render('toAgent', language);
    }
  }
}

/**
 * A reply to the survey question the sender was texted: its answer, and the next questions' when the
 * text carries them too ("5 great" rates and comments). Undefined when the text does not answer it.
 */
async function surveyAnswer(
  deps: SmsConversationDeps,
  turn: Turn,
  text: string,
): Promise<
  | { readonly callSid: string; readonly next?: { readonly index: number; readonly prompt: string } }
  | undefined
> {
  const callSid = turn.session?.surveyCallSid;
  const survey = callSid ? await deps.store.messaging.getSurvey(callSid) : undefined;
  const questionnaire = survey ? await questionnaireNamed(deps, survey.questionnaire) : undefined;
  if (!callSid || !survey || !questionnaire) return undefined;
  const questions = askable(questionnaire, 'sms');
  let index = turn.session?.surveyQuestion ?? 0;
  const given: Record<string, Answer> = {};
  let rest: string | undefined = text;
  while (rest !== undefined && index < questions.length) {
    const question = questions[index];
    const parsed: ReturnType<typeof textAnswer> = question ? textAnswer(question, rest) : undefined;
    if (!question || !parsed) break;
    given[question.id] = parsed.answer;
    rest = parsed.rest;
    index += 1;
  }
  if (Object.keys(given).length === 0) return undefined;
  const done = index >= questions.length;
  await keepAnswers(deps, survey, questionnaire, given, done);
  const next = questions[index];
  return done || !next
    ? { callSid }
    : { callSid, next: { index, prompt: smsPrompt(questionnaire, next, turn.language) } };
}
