// What a caller hears when an IVR webhook fails (STYLE habit 3): an apology and a path to voicemail, never
// silence. The voicemail's own action falls back to the apology alone, so a failing store cannot loop.
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import { VOICEMAIL_MAX_SECONDS } from '../../../domain/ivr/interpreter.js';
import { SAY } from './render.js';
import { ivrUrl } from './session-url.js';

export function failureTwiml(baseUrl: string, path: string): string | undefined {
  const voice = path === '/twilio/voice' || path.startsWith('/twilio/ivr/');
  if (!voice) return undefined;
  const r = new VoiceResponse();
  if (path === '/twilio/ivr/voicemail') {
    r.say(SAY.zh, '非常抱歉，系统暂时出现故障，请稍后再拨。');
    r.say(SAY.en, 'We are sorry, we are having a technical problem. Please call again later.');
    r.hangup();
    return r.toString();
  }
  r.say(SAY.zh, '非常抱歉，系统暂时出现故障。请在提示音后留言，我们会尽快给您回电。');
  r.say(SAY.en, 'We are sorry, we are having a technical problem. Please leave a message after the tone.');
  const session = {
    flow: 'warranty',
    state: 'goodbye',
    lang: 'zh' as const,
    attempt: 0,
    vars: { reason: 'system-error' },
  };
  r.record({
    action: ivrUrl(baseUrl, 'voicemail', session, { q: 'general' }),
    method: 'POST',
    maxLength: VOICEMAIL_MAX_SECONDS,
    timeout: 5,
    finishOnKey: '#',
    recordingStatusCallback: `${baseUrl}/twilio/recording-status`,
    recordingStatusCallbackMethod: 'POST',
  });
  return r.toString();
}
