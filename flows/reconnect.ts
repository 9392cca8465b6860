// What a customer hears when the agent's leg dropped (a reload, a lost network): a short message over hold
// music while the agent's desk dials back in, and, if the center closed meanwhile, the voicemail prompt.
import type { Language } from '../functions/domain/model.js';

export const reconnectPrompts = {
  hold: {
    zh: '请稍候，我们正在为您重新接通座席。',
    en: 'Please hold while we reconnect you to an agent.',
  },
  voicemail: {
    zh: '非常抱歉，座席暂时无法接听。请在提示音后留言，按井号键结束。',
    en: 'We are sorry, no agent can take your call right now. Please leave a message after the tone, then press pound.',
  },
} as const satisfies Record<string, Record<Language, string>>;
