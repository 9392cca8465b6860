// Wrap-up codes every hotline offers besides its own: each flow lists its outcomes first, then these.
import type { Disposition } from '../functions/domain/disposition.js';

export const COMMON_DISPOSITIONS = [
  { code: 'callback-needed', label: { zh: '需要回电', en: 'Callback needed' } },
  { code: 'transferred', label: { zh: '已转接', en: 'Transferred' } },
  { code: 'wrong-number', label: { zh: '打错电话', en: 'Wrong number' } },
  { code: 'other', label: { zh: '其他', en: 'Other' } },
] as const satisfies readonly Disposition[];
