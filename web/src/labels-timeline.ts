// Labels of a customer's timeline (every contact, newest first) and of the IVR's own call outcomes, in
// Chinese and English.
import type { Labels } from './lang.js';

export const TIMELINE_LABELS = {
  timeline: { zh: '联络记录', en: 'Timeline' },
  timelineEmpty: { zh: '还没有任何联络记录', en: 'No contact yet' },
  tl_inboundCall: { zh: '呼入电话', en: 'Call in' },
  tl_outboundCall: { zh: '呼出电话', en: 'Call out' },
  tl_recording: { zh: '通话录音', en: 'Recording' },
  tl_voicemail: { zh: '语音留言', en: 'Voicemail' },
  tl_smsIn: { zh: '收到短信', en: 'Text in' },
  tl_smsOut: { zh: '发出短信', en: 'Text out' },
  tl_ticket: { zh: '新建工单', en: 'Ticket opened' },
  tl_note: { zh: '工单备注', en: 'Ticket note' },
  tl_task: { zh: '待办', en: 'Task' },
  tl_fax: { zh: '传真', en: 'Fax' },
  tl_agent: { zh: '座席', en: 'agent' },
  tl_due: { zh: '到期', en: 'due' },
  tl_pages: { zh: '页', en: 'pages' },
  tl_notYours: {
    zh: '仅限本人、所属信箱或班长收听',
    en: 'Only its agent, its mailbox or a supervisor may play it',
  },
  taskStatus_open: { zh: '待处理', en: 'open' },
  'taskStatus_in-progress': { zh: '处理中', en: 'in progress' },
  taskStatus_done: { zh: '已完成', en: 'done' },
  taskStatus_cancelled: { zh: '已取消', en: 'cancelled' },
  // Why a caller left a voicemail.
  'vmReason_after-hours': { zh: '非服务时间', en: 'after hours' },
  'vmReason_queue-full': { zh: '排队已满', en: 'queue full' },
  vmReason_waited: { zh: '等待后留言', en: 'after waiting' },
  'vmReason_caller-choice': { zh: '来电者选择留言', en: "caller's choice" },
  // What the IVR itself records as a call's outcome, beside the hotline's wrap-up codes.
  'disp_after-hours': { zh: '非服务时间', en: 'After hours' },
  disp_blacklisted: { zh: '黑名单拦截', en: 'Blacklisted' },
  disp_voicemail: { zh: '留言', en: 'Voicemail left' },
  'disp_queue-full': { zh: '队列已满', en: 'Queue full' },
  'disp_callback-requested': { zh: '预约回电', en: 'Callback requested' },
} as const satisfies Labels;
