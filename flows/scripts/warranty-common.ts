// Words the warranty hotline's scripts share: the used-car market referral, the closing, the standard
// phrases agents insert into ticket notes.
import type { Bilingual } from '../../functions/domain/scripts/types.js';

export const CLOSING = {
  zh: '感谢您的来电，祝您愉快，再见。',
  en: 'Thank you for calling. Have a nice day. Goodbye.',
} as const satisfies Bilingual;

export const UCM_REFERRAL = {
  zh: '请您联系为您办理保单的二手车市场，由他们核对并修改您的保单信息；市场的电话印在您的保修证书上。感谢您的来电，祝您愉快。',
  en: 'Please contact the used-car market that issued your policy: they check and correct the policy details. Their number is printed on your warranty certificate. Thank you for calling, have a nice day.',
} as const satisfies Bilingual;

export const WARRANTY_PHRASES = [
  { zh: '客户已核实身份与保单信息。', en: 'Caller identity and policy details verified.' },
  {
    zh: '已建议客户到最近的特约修理厂检查。',
    en: 'Caller advised to take the car to the nearest approved repair shop.',
  },
  { zh: '已建议客户联系二手车市场办理。', en: 'Caller referred to the used-car market.' },
  { zh: '客户要求回电。', en: 'Caller asked to be called back.' },
] as const satisfies readonly Bilingual[];
