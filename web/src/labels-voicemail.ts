// Labels of the voicemail inbox on the desk, and of callback tasks made from a voicemail, in Chinese
// and English.
import type { Labels } from './lang.js';

export const VOICEMAIL_LABELS = {
  voicemails: { zh: '语音留言', en: 'Voicemails' },
  voicemailNote: { zh: '语音留言', en: 'Voicemail' },
  myMailbox: { zh: '我的信箱', en: 'My mailbox' },
  queueMailbox: { zh: '队列信箱', en: 'Queue' },
  agentMailbox: { zh: '座席信箱', en: 'Agent' },
  leftAt: { zh: '留言时间', en: 'Left' },
  notStoredYet: { zh: '录音保存中，稍后可听', en: 'Still being saved; playable shortly' },
  markHandled: { zh: '已处理', en: 'Handled' },
  takeIt: { zh: '转入我的信箱', en: 'Take it' },
  assignTo: { zh: '分配给座席', en: 'Assign to agent' },
  assign: { zh: '分配', en: 'Assign' },
  noVoicemails: { zh: '没有新留言', en: 'No new voicemails' },
  unknownCustomer: { zh: '未知客户', en: 'Unknown customer' },
} as const satisfies Labels;
