// Labels of the supervisor console's callback list, in Chinese and English.
import type { Labels } from './lang.js';

export const CALLBACK_LABELS = {
  callbacks: { zh: '待回电', en: 'Callbacks' },
  callbacksHint: {
    zh: '未来 7 天内到期的回电和外呼，已超时的在前',
    en: 'Callbacks and outbound calls due within 7 days, overdue first',
  },
  overdueCount: { zh: '已超时', en: 'overdue' },
  callbacksCapped: { zh: '只显示最早的一部分', en: 'Showing the earliest only' },
  dueAt: { zh: '到期时间', en: 'Due' },
  assigneeOrQueue: { zh: '座席 / 队列', en: 'Assignee / queue' },
  attemptsHeader: { zh: '已拨 / 上限', en: 'Attempts' },
  dialMode: { zh: '拨打方式', en: 'Dialling' },
  autoDialMark: { zh: '自动回拨', en: 'auto-dial' },
  manualMark: { zh: '人工', en: 'manual' },
  overdueMark: { zh: '已超时', en: 'overdue' },
  latestAttempt: { zh: '最近一次', en: 'latest' },
  callNow: { zh: '立即回电', en: 'Call now' },
  reschedule: { zh: '改期', en: 'Reschedule' },
  newDueTime: { zh: '新的回电时间', en: 'New due time' },
  saveTime: { zh: '保存', en: 'Save' },
  closeEditor: { zh: '收起', en: 'Close' },
  cancelCallback: { zh: '取消回电', en: 'Cancel' },
  confirmCancel: { zh: '确认取消', en: 'Confirm cancel' },
  keepCallback: { zh: '保留', en: 'Keep' },
  changedElsewhere: {
    zh: '该回电已被他人修改，列表已刷新',
    en: 'Someone else changed this callback; the list is reloaded',
  },
} as const satisfies Labels;
