// Labels of transfers on the agent desktop (the hand-over notes, the transfer's progress, complete and
// cancel, and the server's refusals by code), in Chinese and English.
import type { Labels } from './lang.js';

export const TRANSFER_LABELS = {
  transferNotes: { zh: '给接手同事的备注', en: 'Notes for the colleague' },
  transferTo: { zh: '转给', en: 'Transfer to' },
  transferFrom: { zh: '转自', en: 'Transferred by' },
  transferNotesReceived: { zh: '前一位座席的备注', en: "The first agent's notes" },
  completeTransfer: { zh: '完成转接', en: 'Complete transfer' },
  cancelTransfer: { zh: '取消转接', en: 'Cancel transfer' },
  transfer_warm: { zh: '咨询后转', en: 'warm' },
  transfer_cold: { zh: '直接转', en: 'cold' },
  transfer_offered: { zh: '正在振铃…', en: 'ringing…' },
  transfer_accepted: { zh: '已接听，可完成转接', en: 'joined: you can complete the transfer' },
  transfer_declined: { zh: '同事拒接了，请取消转接', en: 'declined: cancel to take the customer back' },
  'transfer_no-answer': {
    zh: '同事未接听，请取消转接',
    en: "didn't answer: cancel to take the customer back",
  },
  transfer_completed: { zh: '转接已完成', en: 'transfer complete' },
  // The receiver's words: only the colleague who transferred can complete a warm transfer.
  transfer_accepted_receiver: {
    zh: '已加入，由转出的同事完成转接',
    en: 'joined: your colleague completes the transfer',
  },
  transfer_accepted_receiver_cold: { zh: '通话已转给您', en: 'the call is yours' },
  transfer_canceled: { zh: '转接已取消', en: 'transfer cancelled' },
  'err_agent-busy': {
    zh: '该同事现在无法接听转接（忙碌或离线）',
    en: 'That colleague cannot take a transfer now (busy or offline)',
  },
  'err_transfer-not-accepted': { zh: '同事尚未接听', en: 'The colleague has not joined yet' },
  'err_transfer-pending': {
    zh: '请先完成或取消当前转接',
    en: 'Complete or cancel the transfer under way first',
  },
} as const satisfies Labels;
