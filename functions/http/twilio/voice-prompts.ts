// TwiML the voice webhooks share outside the IVR: the apology every failed voice webhook answers with,
// and the empty document status callbacks answer.
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';

const ZH = { language: 'cmn-CN', voice: 'Polly.Zhiyu' } as const;
const EN = { language: 'en-US', voice: 'Polly.Joanna' } as const;

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
