// Labels of the supervisor console's list of refused outbound calls and texts, in Chinese and English.
import type { Labels } from './lang.js';

export const DIAL_LABELS = {
  dialRefusals: { zh: '被拦截的外呼与短信', en: 'Refused calls and texts' },
  dialRefusalsHint: {
    zh: '今天和昨天被拨号策略拦截的尝试，最新的在前',
    en: 'Attempts the dialling policy refused today and yesterday, newest first',
  },
  refusalBurst: { zh: '短时间内多次被拦截', en: 'burst of refusals' },
  refusedAt: { zh: '时间', en: 'Time' },
  refusedBy: { zh: '发起人', en: 'By' },
  refusedNumber: { zh: '号码', en: 'Number' },
  refusedPurpose: { zh: '用途', en: 'Purpose' },
  refusedReason: { zh: '原因', en: 'Reason' },
  'purpose_agent-dial': { zh: '座席外呼', en: 'agent dial' },
  purpose_transfer: { zh: '转接外线', en: 'transfer' },
  'purpose_add-party': { zh: '加入第三方', en: 'add party' },
  purpose_callback: { zh: '自动回拨', en: 'callback' },
  purpose_campaign: { zh: '外呼活动', en: 'campaign' },
  purpose_sms: { zh: '短信', en: 'SMS' },
  'reason_premium-rate': { zh: '高额付费号码', en: 'premium-rate' },
  'reason_shared-cost': { zh: '分摊费用号码', en: 'shared-cost' },
  'reason_international-network': { zh: '卫星/国际网络号码', en: 'satellite / international network' },
  'reason_blocked-prefix': { zh: '高风险目的地', en: 'blocked destination' },
  'reason_country-not-allowed': { zh: '国家/地区不允许', en: 'country not allowed' },
  'reason_caller-id-not-ours': { zh: '主叫号码不是本中心的', en: 'caller id not ours' },
  'reason_not-a-phone-number': { zh: '不是电话号码', en: 'not a phone number' },
  'reason_invalid-number': { zh: '无效号码', en: 'invalid number' },
  'reason_unknown-recipient': { zh: '无会话且非客户', en: 'unknown recipient' },
  'reason_unknown-campaign': { zh: '未知外呼活动', en: 'unknown campaign' },
  'reason_rate-limit': { zh: '超出频率限制', en: 'rate limit' },
} as const satisfies Labels;
