// Roadside rescue hotline (seed 002): 24 hours a day; members recognised by their number; rescue and
// breakdown calls open a rescue ticket and jump the queue; accident reports; consultations.
import type { Flow } from '../functions/domain/ivr/types.js';
import { COMMON_DISPOSITIONS } from './dispositions.js';

const ALL_DAY = ['00:00', '24:00'] as const;
const INVALID = { zh: '对不起，您的输入有误。', en: 'Sorry, that is not one of the choices.' };
const SILENCE = { zh: '对不起，没有收到您的输入。', en: 'Sorry, we did not hear anything.' };

/** The wrap-up codes of a rescue call, on the rescue line and its emergency line alike. */
export const RESCUE_DISPOSITIONS = [
  { code: 'rescue-dispatched', label: { zh: '已派车救援', en: 'Rescue dispatched' } },
  { code: 'accident-reported', label: { zh: '事故已报案', en: 'Accident reported' } },
  { code: 'rescue-status', label: { zh: '救援进度查询', en: 'Rescue status given' } },
  { code: 'advice-given', label: { zh: '电话指导解决', en: 'Solved with advice on the phone' } },
  { code: 'rescue-cancelled', label: { zh: '客户取消救援', en: 'Rescue cancelled by the customer' } },
  ...COMMON_DISPOSITIONS,
] as const;

export const rescueFlow = {
  name: 'rescue',
  description: 'Roadside rescue hotline 汽车救援热线 (rescue, breakdown, accidents, consultations)',
  languages: ['zh', 'en'],
  defaultLanguage: 'zh',
  timeZone: 'Asia/Shanghai',
  hours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
  closed: {
    zh: '救援热线暂时无法接听，请在提示音后留言。',
    en: 'The rescue line cannot take your call right now; please leave a message after the tone.',
  },
  closedQueue: 'rescue',
  dispositions: RESCUE_DISPOSITIONS,
  start: 'identify',
  states: {
    identify: { kind: 'lookup', lookup: 'caller', found: 'greetMember', notFound: 'greet' },
    greetMember: {
      kind: 'say',
      say: {
        zh: '{customerName}会员您好，欢迎致电汽车救援热线。',
        en: 'Hello {customerName}, welcome to the roadside rescue line.',
      },
      next: 'menu',
    },
    greet: {
      kind: 'say',
      say: { zh: '您好，欢迎致电汽车救援热线。', en: 'Welcome to the roadside rescue line.' },
      next: 'menu',
    },
    menu: {
      kind: 'menu',
      prompt: {
        zh: '道路救援或车辆故障请按1；事故报案请按2；咨询请按3。For English, press 9.',
        en: 'For roadside rescue or a breakdown press 1. To report an accident press 2. For questions press 3.',
      },
      options: { '1': 'rescueWhere', '2': 'accidentWhere', '3': 'consultQueue', '9': 'english' },
      speech: {
        '1': { zh: ['救援', '故障', '抛锚', '拖车'], en: ['rescue', 'breakdown', 'broke down', 'tow'] },
        '2': { zh: ['事故', '报案', '撞'], en: ['accident', 'crash'] },
        '3': { zh: ['咨询', '问题'], en: ['question', 'information'] },
        '9': { en: ['english'] },
      },
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'consultQueue',
    },
    english: {
      kind: 'language',
      prompt: { zh: '普通话请按1。', en: 'For English press 2.' },
      options: { '1': 'zh', '2': 'en' },
      next: 'menu',
      fallback: 'menu',
    },
    rescueWhere: {
      kind: 'input',
      prompt: {
        zh: '请说出您现在的位置和车辆的情况。',
        en: 'Please tell us where you are and what happened to your car.',
      },
      into: 'location',
      input: 'speech',
      next: 'rescueTicket',
      retries: 1,
      noInput: SILENCE,
      fallback: 'rescueTicket',
      timeout: 10,
    },
    rescueTicket: {
      kind: 'ticket',
      type: 'rescue',
      priority: 'urgent',
      subject: { zh: '道路救援', en: 'Roadside rescue' },
      description: 'location',
      next: 'rescueTold',
    },
    rescueTold: {
      kind: 'say',
      say: {
        zh: '救援单号 {ticketNumber:spell}。正在为您优先转接救援调度员。',
        en: 'Your rescue number is {ticketNumber:spell}. We are putting you through to a dispatcher first.',
      },
      next: 'rescueQueue',
    },
    rescueQueue: { kind: 'queue', queue: 'rescue', priority: 50, attributes: { rescue: true } },
    accidentWhere: {
      kind: 'input',
      prompt: {
        zh: '请说出事故发生的地点和经过。',
        en: 'Please tell us where the accident happened and what happened.',
      },
      into: 'location',
      input: 'speech',
      next: 'accidentTicket',
      retries: 1,
      noInput: SILENCE,
      fallback: 'accidentTicket',
      timeout: 10,
    },
    accidentTicket: {
      kind: 'ticket',
      type: 'rescue',
      priority: 'high',
      subject: { zh: '事故报案', en: 'Accident report' },
      description: 'location',
      next: 'accidentTold',
    },
    accidentTold: {
      kind: 'say',
      say: {
        zh: '事故报案已登记，编号 {ticketNumber:spell}。正在为您转接。',
        en: 'Your accident report is logged as {ticketNumber:spell}. Putting you through.',
      },
      next: 'accidentQueue',
    },
    accidentQueue: { kind: 'queue', queue: 'rescue', priority: 20, attributes: { accident: true } },
    consultQueue: {
      kind: 'queue',
      queue: 'general',
      say: { zh: '正在为您转接客服，请稍候。', en: 'Connecting you to an agent, please hold.' },
    },
  },
} as const satisfies Flow;
