// What callers hear before the IVR engine exists: a bilingual greeting (by name for known callers)
// and the apology every failed voice webhook answers with. The IVR issue replaces `greetingTwiml`.
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { Customer, Language } from '../../domain/model.js';

const ZH = { language: 'cmn-CN', voice: 'Polly.Zhiyu' } as const;
const EN = { language: 'en-US', voice: 'Polly.Joanna' } as const;

type Say = (response: VoiceResponse) => void;

function inOrder(first: Language, zh: Say, en: Say): Say[] {
  return first === 'en' ? [en, zh] : [zh, en];
}

export function greetingTwiml(customer: Customer | undefined): string {
  const response = new VoiceResponse();
  const name = customer?.name;
  const says = inOrder(
    customer?.language ?? 'zh',
    (r) => r.say(ZH, name ? `${name}，您好，欢迎致电客户服务中心。` : '您好，欢迎致电客户服务中心。'),
    (r) =>
      r.say(
        EN,
        name
          ? `Hello ${name}, thank you for calling customer service.`
          : 'Hello, thank you for calling customer service.',
      ),
  );
  for (const say of says) say(response);
  response.pause({ length: 1 });
  for (const say of inOrder(
    customer?.language ?? 'zh',
    (r) => r.say(ZH, '自助语音菜单即将开通，请稍后再拨。再见。'),
    (r) => r.say(EN, 'Our phone menu opens soon; please call again later. Goodbye.'),
  )) {
    say(response);
  }
  response.hangup();
  return response.toString();
}

/** Valid TwiML for any failure: never silence (STYLE habit 3). Voicemail joins this path with the IVR. */
export function apologyTwiml(): string {
  const response = new VoiceResponse();
  response.say(ZH, '非常抱歉，系统暂时出现故障，请稍后再拨。');
  response.say(EN, 'We are sorry, we are having a technical problem. Please call again later.');
  response.hangup();
  return response.toString();
}

export function emptyTwiml(): string {
  return new VoiceResponse().toString();
}
