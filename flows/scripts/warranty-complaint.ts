// Warranty hotline, procedure B (complaint): the centre keeps a log of complaints; the agent listens,
// apologises, takes what the complaint is about and what the caller expects, and files a complaint ticket.
import type { Script } from '../../functions/domain/scripts/types.js';
import { CLOSING, WARRANTY_PHRASES } from './warranty-common.js';

export const warrantyComplaintScript = {
  name: 'warranty-b-complaint',
  hotline: 'warranty',
  queues: ['complaints'],
  titles: { zh: '程序B：投诉', en: 'Procedure B: complaint' },
  ticketType: 'complaint',
  start: 'greet',
  steps: {
    greet: {
      say: {
        zh: '您好，这里是爱车保服务热线。请问您叫什么名字？',
        en: 'Good day, this is the Car Care warranty hotline. May I have your name, please?',
      },
      ask: { field: 'callerName', kind: 'text', required: true },
      record: { callerName: 'callerName' },
      next: 'policy',
    },
    policy: {
      say: {
        zh: '方便的话，请报一下您的保单号码。（没有也可以继续。）',
        en: 'If you have it, please give me your policy number. (We can go on without it.)',
      },
      ask: { field: 'policy', kind: 'policy', required: false },
      record: { policyNumber: 'policy' },
      next: 'about',
    },
    about: {
      say: {
        zh: '请您说一下遇到的问题，我会完整记录下来。',
        en: 'Please tell me what happened; I will write it all down.',
      },
      ask: { field: 'about', kind: 'text', required: true },
      record: { subject: 'about', about: 'about' },
      next: 'apologise',
    },
    apologise: {
      say: {
        zh: '给您带来不便，我们非常抱歉。您希望我们怎样处理？',
        en: 'We are very sorry for the trouble this has caused you. What would you like us to do?',
      },
      ask: { field: 'expected', kind: 'text', required: false },
      record: { expected: 'expected' },
      next: 'promise',
    },
    promise: {
      say: {
        zh: '您的投诉已经登记，我们会在两个工作日内核实并把处理结果反馈给您。',
        en: 'Your complaint is logged; we will look into it and tell you the outcome within two working days.',
      },
      end: 'create-ticket',
    },
  },
  phrases: [
    ...WARRANTY_PHRASES,
    { zh: '客户情绪激动，已安抚。', en: 'Caller was upset and has been calmed.' },
    CLOSING,
  ],
} as const satisfies Script;
