// Names of the codes routing data uses (regions, queues and skills, which share their names), in Chinese
// and English, so no page shows `east-china` or `claims` as it is stored.
import type { Labels } from './lang.js';

/** The hotlines' flows by name: a call's line (its intent on the desk), the console's hotline pages. */
export const FLOW_LABELS = {
  flow_warranty: { zh: '爱车保服务热线', en: 'Car Care warranty hotline' },
  flow_rescue: { zh: '汽车救援热线', en: 'Roadside rescue' },
  'flow_it-support': { zh: '技术支持热线', en: 'IT support' },
  'flow_rescue-emergency': { zh: '紧急救援专线', en: 'Emergency rescue' },
} as const satisfies Labels;

export const CODE_LABELS = {
  ...FLOW_LABELS,
  'region_east-china': { zh: '华东', en: 'East China' },
  'region_north-china': { zh: '华北', en: 'North China' },
  'region_south-china': { zh: '华南', en: 'South China' },
  'region_west-china': { zh: '华西', en: 'West China' },
  region_us: { zh: '美国', en: 'United States' },
  queue_claims: { zh: '理赔', en: 'Claims' },
  queue_complaints: { zh: '投诉', en: 'Complaints' },
  queue_policy: { zh: '保单', en: 'Policy questions' },
  queue_general: { zh: '一般咨询', en: 'General inquiries' },
  queue_rescue: { zh: '救援调度', en: 'Roadside rescue' },
  queue_support: { zh: '技术支持', en: 'IT support' },
  tier_none: { zh: '普通客户', en: 'Standard' },
  tier_silver: { zh: '银卡', en: 'Silver' },
  tier_gold: { zh: '金卡', en: 'Gold' },
  tier_platinum: { zh: '白金卡', en: 'Platinum' },
} as const satisfies Labels;
