// The SMS self-service bot as a pure function: what an inbound text means given where the sender's
// dialogue stands (opt-out/in, help, claim status, a new request, a survey answer, or talk for an agent),
// and the bilingual replies. The HTTP layer carries out the decision.
import type { SmsSession } from './channel-ports.js';
import type { Language } from './model.js';

export const OPT_OUT_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
export const OPT_IN_WORDS = ['START', 'YES', 'UNSTOP'];
const HELP_WORDS = ['HELP', 'INFO', '帮助', '?', '？'];
const NEW_REQUEST = /^(new(\s+request)?|新(请求|申请|服务)|报案|我要报案)$/i;
const CLAIM_NUMBER = /\b([A-Z]{3}-\d{4}-\d{6})\b/i;
/** A question for the knowledge base: "? how long is the warranty", "Q: ...", "问 保修期多久". */
const QUESTION = /^(?:[?？]|Q[:：]|Q\s|问[:：]?)\s*(\S[\s\S]*)$/i;
const HAN = /\p{Script=Han}/u;
/** Twilio's limit for one message body (§6.3); longer inbound text is cut and the sender told. */
export const MAX_BODY = 1600;

export type BotIntent =
  | { readonly kind: 'opt-out'; readonly word: string }
  | { readonly kind: 'opt-in' }
  | { readonly kind: 'help' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'claim-status'; readonly number: string }
  | { readonly kind: 'new-request' }
  /** A question the knowledge base may answer; unanswered, it goes to an agent. */
  | { readonly kind: 'question'; readonly text: string }
  | { readonly kind: 'request-detail'; readonly text: string }
  /** A reply in a survey: the answer to the question asked, maybe more ("5 great"); see surveys.ts. */
  | { readonly kind: 'survey-reply'; readonly text: string }
  | { readonly kind: 'agent'; readonly text: string };

export function languageOf(text: string, fallback: Language): Language {
  if (HAN.test(text)) return 'zh';
  return /[a-z]/i.test(text) ? 'en' : fallback;
}

/**
 * The language of the bot's reply. A known customer is answered in the language stored on them, whatever
 * the text's script: a claim number like "CLM-2026-000123" is Latin letters even from a Chinese speaker.
 * Anyone else is answered in the text's language, and a text with no letters (a rating) keeps the
 * conversation's.
 */
export function replyLanguage(
  body: string,
  known: { readonly customer?: Language; readonly session?: Language },
  fallback: Language,
): Language {
  if (known.customer) return known.customer;
  if (known.session && !HAN.test(body) && !/[a-z]/i.test(body)) return known.session;
  return languageOf(body, fallback);
}

export function classify(rawBody: string, session: SmsSession | undefined): BotIntent {
  const text = rawBody.trim();
  const word = text.toUpperCase();
  if (OPT_OUT_WORDS.includes(word)) return { kind: 'opt-out', word };
  const state = session?.state ?? 'bot';
  // In a survey "YES" answers the question; it is not the opt-in word there.
  if (state === 'survey' && text && !HELP_WORDS.includes(word)) return { kind: 'survey-reply', text };
  if (OPT_IN_WORDS.includes(word)) return { kind: 'opt-in' };
  if (!text) return { kind: 'empty' };
  if (HELP_WORDS.includes(word)) return { kind: 'help' };
  if (state === 'new-request') return { kind: 'request-detail', text };
  const claim = CLAIM_NUMBER.exec(text);
  if (claim?.[1] && state !== 'agent') return { kind: 'claim-status', number: claim[1].toUpperCase() };
  if (NEW_REQUEST.test(text) && state !== 'agent') return { kind: 'new-request' };
  const question = QUESTION.exec(text);
  if (question?.[1] && state !== 'agent') return { kind: 'question', text: question[1].trim() };
  return { kind: 'agent', text };
}

type Texts = Record<Language, string>;
const t = (zh: string, en: string): Texts => ({ zh, en });

export const SMS_TEXTS = {
  help: t(
    '爱车保短信服务：发送理赔单号（如 CLM-2026-000123）查询进度；发送“新请求”提交新的服务请求；发送“问”加问题查询常见问题；直接留言将由客服回复。回复 STOP 退订。',
    'Car Care by SMS: send a claim number (e.g. CLM-2026-000123) for its status; "NEW" to open a request; "?" and a question for our answers; anything else reaches an agent. Reply STOP to opt out.',
  ),
  empty: t(
    '我们收到了一条空短信。发送 HELP 查看可用的服务。',
    'We received an empty message. Send HELP to see what we can do.',
  ),
  tooLong: t(
    '您的短信过长，我们只保留了前 1600 个字符。',
    'Your message was too long; we kept the first 1,600 characters.',
  ),
  optIn: t(
    '您已重新订阅爱车保短信。回复 STOP 退订。',
    'You are subscribed to Car Care texts again. Reply STOP to opt out.',
  ),
  claimNotFound: t(
    '没有找到与此手机号关联的单号 {number}。请核对后重试，或发送 HELP。',
    'We found no claim {number} for this phone number. Please check it, or send HELP.',
  ),
  claimStatus: t('单号 {number}：{status}。{extra}', 'Claim {number}: {status}. {extra}'),
  askRequest: t(
    '请用一条短信描述您的请求（车辆、位置、问题），我们会为您创建服务单。',
    'Please describe your request in one message (vehicle, location, problem) and we will open a ticket.',
  ),
  requestCreated: t(
    '已为您创建服务单 {number}，我们会尽快联系您。',
    'We opened ticket {number} for you and will be in touch soon.',
  ),
  kbAnswer: t('{title}：{summary}（回复“人工”转客服）', '{title}: {summary} (Reply AGENT for a person)'),
  toAgent: t('已转给客服人员，请稍候回复。', 'Thanks, an agent will reply to you here shortly.'),
  surveyNext: t('谢谢！{question}', 'Thank you! {question}'),
  surveyDone: t('感谢您的宝贵意见！', 'Thank you for your feedback!'),
  claimReceived: t(
    '我们已受理您的理赔申请，单号 {number}。发送单号可随时查询进度。',
    'We received your claim {number}. Text the number any time for its status.',
  ),
  rescueDispatched: t(
    '救援已出发（单号 {number}），预计 {eta} 到达。',
    'Rescue is on its way for ticket {number}, expected at {eta}.',
  ),
  ticketResolved: t(
    '您的服务单 {number} 已处理完毕。感谢您的耐心。',
    'Your ticket {number} has been resolved. Thank you for your patience.',
  ),
  voicemail: t(
    '新语音留言：来自 {from}，{duration} 秒，信箱 {box}。',
    'New voicemail from {from}, {duration} s, in mailbox {box}.',
  ),
} as const satisfies Record<string, Texts>;

export const STATUS_WORDS: Record<string, Texts> = {
  new: t('已受理', 'received'),
  open: t('处理中', 'in progress'),
  pending: t('等待补充材料', 'waiting for information'),
  escalated: t('已升级处理', 'escalated'),
  resolved: t('已解决', 'resolved'),
  closed: t('已结案', 'closed'),
  cancelled: t('已取消', 'cancelled'),
};

export function render(
  key: keyof typeof SMS_TEXTS,
  language: Language,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return SMS_TEXTS[key][language].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? '')).trim();
}
