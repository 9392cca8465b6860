// The emergency rescue line: someone hurt, a car on fire, stranded somewhere dangerous. No menu: the
// caller hears one short greeting in both languages and waits at once for a rescue dispatcher, ahead of
// every other caller in the rescue queue. The line refuses nobody, neither a blacklisted number nor a
// caller beyond the queue's limit (`emergency`); the duty phone still takes them when one is set and
// nobody answers in its time.
import type { Flow } from '../functions/domain/ivr/types.js';
import { RESCUE_DISPOSITIONS } from './rescue.js';

const ALL_DAY = ['00:00', '24:00'] as const;

export const rescueEmergencyFlow = {
  name: 'rescue-emergency',
  description: 'Emergency rescue line 紧急救援专线 (no menu, first in the rescue queue, nobody refused)',
  languages: ['zh', 'en'],
  defaultLanguage: 'zh',
  timeZone: 'Asia/Shanghai',
  hours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
  emergency: true,
  // Never heard (the line never closes); the validator wants every flow to say something when closed.
  closed: {
    zh: '紧急救援专线暂时无法接听，请在提示音后留言。',
    en: 'The emergency rescue line cannot take your call right now; please leave a message after the tone.',
  },
  closedQueue: 'rescue',
  dispositions: RESCUE_DISPOSITIONS,
  start: 'identify',
  states: {
    // One read, no question: a member's record is on the dispatcher's screen when they answer.
    identify: { kind: 'lookup', lookup: 'caller', found: 'greet', notFound: 'greet' },
    greet: {
      kind: 'say',
      allLanguages: true,
      say: {
        zh: '紧急救援专线，正在为您优先接通救援调度员。',
        en: 'Emergency rescue line. Putting you through to a dispatcher now.',
      },
      next: 'dispatch',
    },
    // Above any other caller in the rescue queue: the rescue line's 50 plus the top VIP boost is 65.
    dispatch: {
      kind: 'queue',
      queue: 'rescue',
      priority: 100,
      attributes: { rescue: true, emergency: true },
    },
  },
} as const satisfies Flow;
