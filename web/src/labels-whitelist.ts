// Labels of the supervisor console's whitelist, in Chinese and English.
import type { Labels } from './lang.js';

export const WHITELIST_LABELS = {
  whitelist: { zh: '白名单', en: 'Whitelist' },
  whitelistHelp: {
    zh: '白名单号码不会被黑名单拦截，队列已满时也会排队等候。加入已拉黑的号码会解除拉黑。',
    en: 'Whitelisted numbers are never blocked and still wait when the queue is full. Adding a blacklisted number lifts its block.',
  },
  whitelistPhone: { zh: '号码', en: 'Number' },
  whitelistNote: { zh: '说明', en: 'Note' },
  whitelistAdd: { zh: '加入白名单', en: 'Add to whitelist' },
  whitelistRemove: { zh: '移出', en: 'Remove' },
  whitelistAddedBy: { zh: '添加人', en: 'added by' },
} as const satisfies Labels;
