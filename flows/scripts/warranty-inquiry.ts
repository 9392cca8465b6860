// Warranty hotline, procedure G (product and policy questions): answered on the call when the agent can;
// otherwise an inquiry ticket goes to the back office, which calls the customer back with the answer.
import type { Script } from '../../functions/domain/scripts/types.js';
import { CLOSING, WARRANTY_PHRASES } from './warranty-common.js';

export const warrantyInquiryScript = {
  name: 'warranty-g-inquiry',
  hotline: 'warranty',
  queues: ['general'],
  titles: { zh: '程序G：产品或保单咨询', en: 'Procedure G: product or policy question' },
  ticketType: 'inquiry',
  start: 'greet',
  steps: {
    greet: {
      say: {
        zh: '您好，这里是爱车保服务热线。请问您叫什么名字？',
        en: 'Good day, this is the Car Care warranty hotline. May I have your name, please?',
      },
      ask: { field: 'callerName', kind: 'text', required: true },
      record: { callerName: 'callerName' },
      next: 'question',
    },
    question: {
      say: { zh: '请问您想咨询什么问题？', en: 'What would you like to know?' },
      ask: { field: 'question', kind: 'text', required: true },
      record: { subject: 'question', question: 'question' },
      next: 'canAnswer',
    },
    canAnswer: {
      say: {
        zh: '（能否现在答复？查看保单条款和常见问题。）',
        en: '(Can you answer now? Check the policy terms and the common questions.)',
      },
      ask: { field: 'answered', kind: 'yes-no', required: true },
      next: [{ when: { field: 'answered', equals: 'yes' }, next: 'answer' }, { next: 'later' }],
    },
    answer: {
      say: { zh: '（答复客户。）还有其他问题吗？', en: '(Give the answer.) Is there anything else?' },
      next: 'bye',
    },
    bye: { say: CLOSING, end: 'close' },
    later: {
      say: {
        zh: '这个问题需要进一步核实，我已经记录下来，专人会在一个工作日内给您回电答复。',
        en: 'This needs checking; I have written it down and a colleague will call you back with the answer within one working day.',
      },
      end: 'create-ticket',
    },
  },
  phrases: [...WARRANTY_PHRASES, CLOSING],
} as const satisfies Script;
