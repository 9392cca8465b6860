// IT support line (seed 003): weekdays 09:00-18:00 on the Chinese holiday calendar (make-up working days
// open); customer id code, device, fault description, a fault ticket, then the support queue.
import type { Flow } from '../functions/domain/ivr/types.js';
import { COMMON_DISPOSITIONS } from './dispositions.js';

const OFFICE = ['09:00', '18:00'] as const;
const INVALID = { zh: '对不起，您的输入有误。', en: 'Sorry, that is not valid.' };
const SILENCE = { zh: '对不起，没有收到您的输入。', en: 'Sorry, we did not hear anything.' };

export const itSupportFlow = {
  name: 'it-support',
  description: 'IT support line 技术支持热线 (customer id code, device, fault ticket)',
  languages: ['zh', 'en'],
  defaultLanguage: 'zh',
  timeZone: 'Asia/Shanghai',
  hours: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE },
  calendar: 'cn',
  closed: {
    zh: '您好，这里是技术支持热线。我们的服务时间是{hours}，法定节假日休息。请在提示音后留言，工程师上班后会尽快联系您。',
    en: 'This is IT support. We are open {hours}, closed on public holidays. Please leave a message after the tone and an engineer will call you back.',
  },
  closedQueue: 'support',
  dispositions: [
    { code: 'solved-on-call', label: { zh: '电话中解决', en: 'Solved on the call' } },
    { code: 'ticket-opened', label: { zh: '已建故障工单', en: 'Fault ticket opened' } },
    { code: 'engineer-dispatched', label: { zh: '已派工程师上门', en: 'Engineer dispatched' } },
    { code: 'device-registered', label: { zh: '已登记新设备', en: 'New device registered' } },
    ...COMMON_DISPOSITIONS,
  ],
  start: 'greet',
  states: {
    greet: {
      kind: 'say',
      say: { zh: '您好，欢迎致电技术支持热线。', en: 'Welcome to IT support.' },
      next: 'chooseLanguage',
    },
    chooseLanguage: {
      kind: 'language',
      prompt: { zh: '普通话请按1。', en: 'For English press 2.' },
      options: { '1': 'zh', '2': 'en' },
      speech: { zh: { zh: ['中文', '普通话'] }, en: { en: ['english'] } },
      next: 'askIdCode',
      noInput: SILENCE,
      fallback: 'askIdCode',
    },
    askIdCode: {
      kind: 'input',
      prompt: {
        zh: '请输入您的客户标识号中的数字，然后按井号键；没有标识号请按星号键。',
        en: 'Please key in the digits of your customer id code, then press pound. If you have none, press star.',
      },
      into: 'idCode',
      input: 'dtmf speech',
      minDigits: 4,
      maxDigits: 10,
      none: { target: 'newCustomer' },
      next: 'lookupIdCode',
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'newCustomer',
      timeout: 10,
    },
    lookupIdCode: {
      kind: 'lookup',
      lookup: 'customer-id-code',
      from: 'idCode',
      prefix: 'KH',
      found: 'known',
      notFound: 'unknownCode',
    },
    known: {
      kind: 'say',
      say: { zh: '{customerName}，您好。', en: 'Hello {customerName}.' },
      next: 'askDevice',
    },
    unknownCode: {
      kind: 'say',
      say: {
        zh: '没有找到这个客户标识号，我们会为您登记新的客户资料。',
        en: 'We could not find that id code; we will register you as a new customer.',
      },
      next: 'askDevice',
    },
    newCustomer: {
      kind: 'say',
      say: { zh: '我们会为您登记新的客户资料。', en: 'We will register you as a new customer.' },
      next: 'askDevice',
    },
    askDevice: {
      kind: 'input',
      prompt: {
        zh: '请说出需要报修的设备名称或型号。',
        en: 'Please say the product name or model of the device.',
      },
      into: 'device',
      input: 'speech',
      next: 'askFault',
      retries: 1,
      noInput: SILENCE,
      fallback: 'askFault',
      timeout: 10,
    },
    askFault: {
      kind: 'input',
      prompt: { zh: '请描述故障现象。', en: 'Please describe the fault.' },
      into: 'problem',
      input: 'speech',
      next: 'faultTicket',
      retries: 1,
      noInput: SILENCE,
      fallback: 'faultTicket',
      timeout: 10,
    },
    faultTicket: {
      kind: 'ticket',
      type: 'fault',
      priority: 'normal',
      subject: { zh: '设备故障 {device}', en: 'Device fault {device}' },
      description: 'problem',
      next: 'faultTold',
    },
    faultTold: {
      kind: 'say',
      say: {
        zh: '故障单已登记，编号 {ticketNumber:spell}。正在为您转接工程师。',
        en: 'Your fault ticket is {ticketNumber:spell}. Putting you through to an engineer.',
      },
      next: 'supportQueue',
    },
    supportQueue: { kind: 'queue', queue: 'support' },
  },
} as const satisfies Flow;
