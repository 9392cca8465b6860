// The static TwiML every number falls back to when our voice webhook cannot answer: a bilingual apology
// and a short voicemail. Served as files from S3 through CloudFront, so it works while Lambda does not.
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';

const ZH = { language: 'cmn-CN', voice: 'Polly.Zhiyu' } as const;
const EN = { language: 'en-US', voice: 'Polly.Joanna' } as const;

/** File names under the fallback prefix; the voicemail's action is relative to the first. */
export const FALLBACK_FILE = 'fallback.xml';
export const FALLBACK_RECORDED_FILE = 'fallback-recorded.xml';

/**
 * Twilio must fetch these with GET (the numbers' VoiceFallbackMethod): S3 behind CloudFront serves GET,
 * and a POST would be refused. The voicemail stays in the Twilio account's recordings (no status
 * callback: the application may be down), where the recordings worker can pick it up later.
 */
export const FALLBACK_METHOD = 'GET';

export function fallbackTwiml(): string {
  const response = new VoiceResponse();
  response.say(
    ZH,
    '非常抱歉，系统暂时出现故障。请在提示音后留下您的姓名和电话，按井号键结束，我们会尽快回电。',
  );
  response.say(
    EN,
    'We are sorry, our system is having a problem. Please leave your name and number after the tone, then press the pound key. We will call you back.',
  );
  response.record({
    action: FALLBACK_RECORDED_FILE,
    method: FALLBACK_METHOD,
    maxLength: 120,
    timeout: 5,
    finishOnKey: '#',
    playBeep: true,
    trim: 'trim-silence',
  });
  // Reached only when nothing was recorded: Twilio then skips the action and continues here.
  response.say(ZH, '我们没有收到留言，请稍后再拨。再见。');
  response.say(EN, 'We did not receive a message. Please call again later. Goodbye.');
  response.hangup();
  return response.toString();
}

export function fallbackRecordedTwiml(): string {
  const response = new VoiceResponse();
  response.say(ZH, '谢谢，您的留言已收到，我们会尽快回电。再见。');
  response.say(EN, 'Thank you, we have your message and will call you back soon. Goodbye.');
  response.hangup();
  return response.toString();
}
