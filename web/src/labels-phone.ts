// The caller phone page's own messages (the sim API's refusals, keys nobody heard, call statuses) in Chinese
// and English, and the rule that picks one for a refusal: the sim answers in English for tests and logs.
import type { Labels } from './lang.js';
import { SimError } from './sim-api.js';

export const PHONE_LABELS = {
  simErrNotConfigured: { zh: '该号码没有配置为热线。', en: 'That number is not set up as a hotline.' },
  simErrNoCall: { zh: '找不到这通电话。', en: 'That call no longer exists.' },
  simErrEnded: { zh: '电话已经结束。', en: 'The call has already ended.' },
  simErrDigits: { zh: '按键只能是 0-9、* 和 #。', en: 'Keys are 0-9, * and #.' },
  simErrFrom: { zh: '请填写主叫号码。', en: 'Enter the number you call from.' },
  simErrBadRequest: {
    zh: '请求有误，请检查号码和内容。',
    en: 'The request is not valid: check the numbers and text.',
  },
  simErrUnreachable: { zh: '无法连接本地模拟器。', en: 'The local simulator cannot be reached.' },
  simErrOther: { zh: '模拟器拒绝了该操作。', en: 'The simulator refused that.' },
  keysLost: {
    zh: '按键没有被接收：当时没有菜单在等待按键。',
    en: 'Keys not heard: no menu was listening for them.',
  },
  callStatus_queued: { zh: '排队待拨', en: 'queued' },
  callStatus_ringing: { zh: '振铃中', en: 'ringing' },
  'callStatus_in-progress': { zh: '通话中', en: 'in progress' },
  callStatus_completed: { zh: '已结束', en: 'ended' },
  callStatus_busy: { zh: '占线', en: 'busy' },
  callStatus_failed: { zh: '呼叫失败', en: 'failed' },
  'callStatus_no-answer': { zh: '无人接听', en: 'no answer' },
  callStatus_canceled: { zh: '已取消', en: 'canceled' },
} as const satisfies Labels;

export type PhoneMessage = keyof typeof PHONE_LABELS;

/** The page's message for a failed sim request, by status and the field the sim names. */
export function simErrorMessage(error: unknown): PhoneMessage {
  if (!(error instanceof SimError)) return 'simErrUnreachable';
  if (error.status === 0) return 'simErrUnreachable';
  if (error.status === 404) return error.field === 'to' ? 'simErrNotConfigured' : 'simErrNoCall';
  if (error.status === 409) return 'simErrEnded';
  if (error.status === 400)
    return error.field === 'digits'
      ? 'simErrDigits'
      : error.field === 'from'
        ? 'simErrFrom'
        : 'simErrBadRequest';
  return 'simErrOther';
}
