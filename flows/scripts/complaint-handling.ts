// Complaint handling on any hotline (the telecom service-desk method): let the caller finish, apologise,
// take the facts, answer on the call when the agent can; otherwise a complaint ticket goes to the back
// office with a promised reply time. A suggestion is thanked and logged too.
import type { Script } from '../../functions/domain/scripts/types.js';

export const complaintHandlingScript = {
  name: 'complaint-handling',
  hotline: '*',
  titles: { zh: '投诉与建议受理', en: 'Complaints and suggestions' },
  ticketType: 'complaint',
  start: 'listen',
  steps: {
    listen: {
      say: {
        zh: '（耐心听客户把话说完，不打断、不争辩。）请问您贵姓？',
        en: '(Let the caller finish; do not interrupt or argue.) May I have your name?',
      },
      ask: { field: 'callerName', kind: 'text', required: true },
      record: { callerName: 'callerName' },
      next: 'kind',
    },
    kind: {
      say: { zh: '请问您的意见是关于哪方面的？', en: 'What is it about?' },
      ask: {
        field: 'kind',
        kind: 'choice',
        required: true,
        options: [
          { value: 'fees', label: { zh: '费用', en: 'Charges' } },
          { value: 'service', label: { zh: '服务质量', en: 'Quality of service' } },
          { value: 'staff', label: { zh: '工作人员', en: 'Our staff' } },
          { value: 'suggestion', label: { zh: '建议', en: 'A suggestion' } },
          { value: 'other', label: { zh: '其他', en: 'Something else' } },
        ],
      },
      next: [
        { when: { field: 'kind', equals: 'suggestion' }, next: 'thanks' },
        { when: { field: 'kind', equals: 'staff' }, next: 'staffSorry' },
        { next: 'sorry' },
      ],
    },
    thanks: {
      say: {
        zh: '谢谢您的建议，对我们改进工作很有帮助。请您说一下具体内容，我会记录下来。',
        en: 'Thank you for the suggestion, it helps us improve. Please tell me what it is and I will write it down.',
      },
      ask: { field: 'details', kind: 'text', required: true },
      record: { subject: 'details', about: 'details' },
      next: 'logged',
    },
    staffSorry: {
      say: {
        zh: '对不起，由于我们的失误给您带来了麻烦，非常抱歉。请您说一下经过，我们核实后会按规定处理。',
        en: 'I am sorry: our mistake has caused you trouble. Please tell me what happened; we will check and act on it.',
      },
      ask: { field: 'details', kind: 'text', required: true },
      record: { subject: 'details', about: 'details' },
      next: 'canAnswer',
    },
    sorry: {
      say: {
        zh: '给您带来不便，非常抱歉。请您说一下具体情况。',
        en: 'I am very sorry for the inconvenience. Please tell me exactly what happened.',
      },
      ask: { field: 'details', kind: 'text', required: true },
      record: { subject: 'details', about: 'details' },
      next: 'canAnswer',
    },
    canAnswer: {
      say: { zh: '（能否现在答复客户？）', en: '(Can you resolve it on the call?)' },
      ask: { field: 'answered', kind: 'yes-no', required: true },
      next: [{ when: { field: 'answered', equals: 'yes' }, next: 'resolved' }, { next: 'promise' }],
    },
    resolved: {
      say: {
        zh: '（答复客户。）请问还有什么需要帮忙的吗？感谢您的来电。',
        en: '(Give the answer.) Is there anything else I can help with? Thank you for calling.',
      },
      end: 'close',
    },
    promise: {
      say: {
        zh: '我已经把您的问题转给相关部门，我们会在24小时内把处理结果反馈给您。您希望我们怎样解决？',
        en: 'I have passed this to the team concerned; we will tell you the outcome within 24 hours. What outcome would you like?',
      },
      ask: { field: 'expected', kind: 'text', required: false },
      record: { expected: 'expected' },
      next: 'logged',
    },
    logged: {
      say: {
        zh: '已为您登记。请问还有其他需要帮忙的吗？感谢您的来电。',
        en: 'It is logged. Is there anything else? Thank you for calling.',
      },
      end: 'create-ticket',
    },
  },
  phrases: [
    { zh: '客户要求在约定时间内回复。', en: 'Caller wants a reply by the agreed time.' },
    { zh: '已向客户致歉。', en: 'Apologised to the caller.' },
    { zh: '客户的建议已记录，转相关部门参考。', en: 'Suggestion logged and passed on.' },
    {
      zh: '请问还有什么需要咨询的吗？感谢您的来电。',
      en: 'Is there anything else I can help with? Thank you for calling.',
    },
  ],
} as const satisfies Script;
