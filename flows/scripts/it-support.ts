// IT support hotline: the caller's name, company and product, the fault in their words; solved on the call
// when it is quick, else a fault ticket for an engineer, who contacts the customer within minutes. A
// problem that is not with our product is referred to whoever runs it.
import type { Script } from '../../functions/domain/scripts/types.js';

export const itSupportScript = {
  name: 'it-support-call',
  hotline: 'it-support',
  queues: ['support'],
  titles: { zh: '技术支持来电', en: 'IT support call' },
  ticketType: 'fault',
  start: 'greet',
  steps: {
    greet: {
      say: {
        zh: '您好，技术支持中心，请问有什么可以帮您？请问您贵姓？',
        en: 'IT support, good day, how can I help? May I have your name?',
      },
      ask: { field: 'callerName', kind: 'text', required: true },
      record: { callerName: 'callerName' },
      next: 'company',
    },
    company: {
      say: { zh: '请问贵单位的全称是什么？', en: 'What is the full name of your company?' },
      ask: { field: 'company', kind: 'text', required: false },
      record: { company: 'company' },
      next: 'product',
    },
    product: {
      say: { zh: '请问是哪个产品或设备出了问题？', en: 'Which product or device is it about?' },
      ask: { field: 'product', kind: 'text', required: true },
      record: { product: 'product' },
      next: 'symptom',
    },
    symptom: {
      say: {
        zh: '请描述一下故障现象：出现了什么提示，是在哪一步操作时出现的？',
        en: 'Please describe the fault: what message appears, and at which step?',
      },
      ask: { field: 'symptom', kind: 'text', required: true },
      record: { subject: 'symptom', symptom: 'symptom' },
      next: 'ours',
    },
    ours: {
      say: {
        zh: '（判断：是否是我们产品的问题？）',
        en: '(Decide: is the problem with our product?)',
      },
      ask: { field: 'ours', kind: 'yes-no', required: true },
      next: [{ when: { field: 'ours', equals: 'yes' }, next: 'quick' }, { next: 'elsewhere' }],
    },
    elsewhere: {
      say: {
        zh: '这个问题需要由相关的主管部门处理，建议您联系当地负责的部门。感谢您的来电。',
        en: 'This is handled by the office responsible for that system; please contact your local office. Thank you for calling.',
      },
      end: 'close',
    },
    quick: {
      say: {
        zh: '（能否在电话里很快解决？例如下载驱动、检查证书是否过期、调整电脑时间。）',
        en: '(Can it be fixed on the phone quickly? For instance the driver download, an expired certificate, the computer clock.)',
      },
      ask: { field: 'quick', kind: 'yes-no', required: true },
      next: [{ when: { field: 'quick', equals: 'yes' }, next: 'guide' }, { next: 'contact' }],
    },
    guide: {
      say: {
        zh: '（一步步引导客户操作。）问题解决了吗？',
        en: '(Guide the caller step by step.) Is it working now?',
      },
      ask: { field: 'solved', kind: 'yes-no', required: true },
      next: [{ when: { field: 'solved', equals: 'yes' }, next: 'bye' }, { next: 'contact' }],
    },
    bye: {
      say: {
        zh: '问题已经解决，感谢您的来电，再见。',
        en: 'Glad it is fixed. Thank you for calling, goodbye.',
      },
      end: 'close',
    },
    contact: {
      say: {
        zh: '为了更快为您解决，我们的工程师会在5分钟内与您联系，远程协助处理。请留下联系方式。',
        en: 'To get this fixed faster, an engineer will contact you within five minutes and help remotely. How can we reach you?',
      },
      ask: { field: 'contact', kind: 'text', required: true },
      record: { contact: 'contact' },
      next: 'logged',
    },
    logged: {
      say: {
        zh: '我已经为您登记了故障单，工程师马上会联系您。感谢您的耐心。',
        en: 'I have logged the fault; the engineer will be in touch shortly. Thank you for your patience.',
      },
      end: 'create-ticket',
    },
  },
  phrases: [
    { zh: '已在电话中指导客户解决。', en: 'Solved on the call with the caller.' },
    { zh: '需工程师远程协助。', en: 'Needs an engineer to connect remotely.' },
    {
      zh: '客户对电脑不熟悉，请安排上门或找同事协助。',
      en: 'Caller is not at ease with computers: arrange a visit or a colleague to help.',
    },
  ],
} as const satisfies Script;
