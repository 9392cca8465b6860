// Roadside rescue hotline (24 hours): what happened, safety first when someone is hurt, where the car is,
// its state and plate, where to tow it, then an urgent rescue ticket for dispatch; the centre follows the
// job and calls back after it. Consultations are answered without a ticket.
import type { Script } from '../../functions/domain/scripts/types.js';

export const rescueScript = {
  name: 'rescue-call',
  hotline: 'rescue',
  queues: ['rescue'],
  titles: { zh: '汽车救援受理', en: 'Roadside rescue call' },
  ticketType: 'rescue',
  start: 'greet',
  steps: {
    greet: {
      say: {
        zh: '您好，汽车救援中心。请问您贵姓？出了什么情况？',
        en: 'Roadside rescue centre, good day. May I have your name, and what has happened?',
      },
      ask: { field: 'callerName', kind: 'text', required: true },
      record: { callerName: 'callerName' },
      next: 'what',
    },
    what: {
      say: { zh: '请问是哪一类情况？', en: 'Which of these is it?' },
      ask: {
        field: 'kind',
        kind: 'choice',
        required: true,
        options: [
          { value: 'breakdown', label: { zh: '车辆故障', en: 'Breakdown' } },
          { value: 'accident', label: { zh: '交通事故', en: 'Accident' } },
          { value: 'consult', label: { zh: '咨询', en: 'Question' } },
        ],
      },
      next: [{ when: { field: 'kind', equals: 'consult' }, next: 'consult' }, { next: 'injured' }],
    },
    consult: {
      say: {
        zh: '（答复咨询：会员服务、保养知识、救援范围。）感谢您的来电。',
        en: '(Answer the question: membership, maintenance, what rescue covers.) Thank you for calling.',
      },
      end: 'close',
    },
    injured: {
      say: { zh: '有人受伤吗？', en: 'Is anyone hurt?' },
      ask: { field: 'injured', kind: 'yes-no', required: true },
      record: { injured: 'injured' },
      next: [{ when: { field: 'injured', equals: 'yes' }, next: 'safety' }, { next: 'location' }],
    },
    safety: {
      say: {
        zh: '请立即拨打120急救电话，发生事故请同时拨打122报警。请打开双闪，人员撤离到护栏外安全处。',
        en: 'Please call the ambulance (120) now, and the traffic police (122) for an accident. Switch on the hazard lights and get everyone behind the barrier, away from the traffic.',
      },
      next: 'location',
    },
    location: {
      say: {
        zh: '请告诉我车辆的准确位置：道路名称、方向、附近的标志或里程桩。',
        en: 'Where exactly is the car: road, direction, a landmark or the kilometre marker?',
      },
      ask: { field: 'location', kind: 'text', required: true },
      record: { subject: 'location', location: 'location' },
      next: 'state',
    },
    state: {
      say: {
        zh: '车辆现在是什么状况？还能行驶吗？',
        en: 'What state is the car in? Can it still be driven?',
      },
      ask: { field: 'vehicleState', kind: 'text', required: true },
      record: { vehicleState: 'vehicleState' },
      next: 'plate',
    },
    plate: {
      say: { zh: '请报一下车牌号。', en: 'What is the plate?' },
      ask: { field: 'plate', kind: 'plate', required: false },
      record: { plate: 'plate' },
      next: 'destination',
    },
    destination: {
      say: {
        zh: '如果需要拖车，您希望拖到哪里？（例如最近的修理厂）',
        en: 'If the car must be towed, where to? (for instance the nearest repair shop)',
      },
      ask: { field: 'destination', kind: 'text', required: false },
      record: { destination: 'destination' },
      next: 'dispatch',
    },
    dispatch: {
      say: {
        zh: '我们马上为您派出救援，救援人员出发后会与您联系。请保持电话畅通，在安全的地方等候。',
        en: 'We are sending help now; the crew will call you once they are on their way. Keep your phone on and wait somewhere safe.',
      },
      end: 'create-ticket',
    },
  },
  phrases: [
    {
      zh: '已提醒客户注意安全、打开双闪。',
      en: 'Caller reminded to stay safe and switch on the hazard lights.',
    },
    { zh: '已派拖车。', en: 'Tow truck dispatched.' },
    { zh: '已派抢修人员。', en: 'Repair crew dispatched.' },
    { zh: '救援结束后需回访。', en: 'Call the customer back after the job.' },
  ],
} as const satisfies Script;
