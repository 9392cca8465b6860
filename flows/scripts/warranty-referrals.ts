// Warranty hotline, procedures C to F: wrong details on the policy, a lost warranty certificate, a policy
// transfer and a cancellation are all done by the used-car market that sold the car, so the agent finds
// out what the caller needs and sends them there (a cancellation after explaining what they would lose).
import type { Script } from '../../functions/domain/scripts/types.js';
import { CLOSING, UCM_REFERRAL, WARRANTY_PHRASES } from './warranty-common.js';

const GREET = {
  zh: '您好，这里是爱车保服务热线。请问您叫什么名字？',
  en: 'Good day, this is the Car Care warranty hotline. May I have your name, please?',
} as const;

export const warrantyDetailsScript = {
  name: 'warranty-c-details',
  hotline: 'warranty',
  queues: ['policy'],
  titles: { zh: '程序C：保单信息错误', en: 'Procedure C: wrong details on the policy' },
  start: 'greet',
  steps: {
    greet: { say: GREET, ask: { field: 'callerName', kind: 'text', required: true }, next: 'which' },
    which: {
      say: { zh: '请问保单上哪项信息有误？', en: 'Which detail on the policy is wrong?' },
      ask: {
        field: 'detail',
        kind: 'choice',
        required: true,
        options: [
          { value: 'name', label: { zh: '车主姓名', en: 'Owner name' } },
          { value: 'vehicle', label: { zh: '车辆信息（VIN、车牌）', en: 'Vehicle (VIN, plate)' } },
          { value: 'dates', label: { zh: '保修起止日期', en: 'Cover dates' } },
          { value: 'other', label: { zh: '其他', en: 'Something else' } },
        ],
      },
      next: 'refer',
    },
    refer: {
      say: {
        zh: '保单信息由二手车市场录入和修改。请您带上身份证件和车辆行驶证到二手车市场办理，他们会更正系统中的信息。',
        en: 'The used-car market enters and corrects policy details. Please take your ID and the vehicle registration to the market; they will correct our records.',
      },
      next: 'close',
    },
    close: { say: UCM_REFERRAL, end: 'close' },
  },
  phrases: [...WARRANTY_PHRASES, CLOSING],
} as const satisfies Script;

export const warrantyScheduleScript = {
  name: 'warranty-d-schedule',
  hotline: 'warranty',
  queues: ['policy'],
  titles: { zh: '程序D：保修证书丢失', en: 'Procedure D: lost warranty certificate' },
  start: 'greet',
  steps: {
    greet: { say: GREET, ask: { field: 'callerName', kind: 'text', required: true }, next: 'plate' },
    plate: {
      say: { zh: '请报一下车牌号，我帮您确认保单。', en: 'What is the plate? I will confirm the policy.' },
      ask: { field: 'plate', kind: 'plate', required: false },
      next: 'refer',
    },
    refer: {
      say: {
        zh: '保修证书可以由二手车市场重新打印。请您到办理保单的二手车市场，他们会为您补打一份。感谢您的来电。',
        en: 'The used-car market can print the certificate again. Please visit the market that issued the policy and they will give you a new copy. Thank you for calling.',
      },
      end: 'close',
    },
  },
  phrases: [...WARRANTY_PHRASES, CLOSING],
} as const satisfies Script;

export const warrantyTransferScript = {
  name: 'warranty-e-transfer',
  hotline: 'warranty',
  queues: ['policy'],
  titles: { zh: '程序E：保单转让', en: 'Procedure E: policy transfer' },
  start: 'greet',
  steps: {
    greet: { say: GREET, ask: { field: 'callerName', kind: 'text', required: true }, next: 'sold' },
    sold: {
      say: {
        zh: '请问车辆是否已经过户给新车主？',
        en: 'Has the car already been transferred to its new owner?',
      },
      ask: { field: 'sold', kind: 'yes-no', required: true },
      next: 'refer',
    },
    refer: {
      say: {
        zh: '保单转让由二手车市场办理。请您（或新车主）带上过户手续到二手车市场办理转让。感谢您的来电。',
        en: 'Policy transfers are done by the used-car market. Please (or the new owner) take the transfer papers to the market. Thank you for calling.',
      },
      end: 'close',
    },
  },
  phrases: [...WARRANTY_PHRASES, CLOSING],
} as const satisfies Script;

export const warrantyCancelScript = {
  name: 'warranty-f-cancel',
  hotline: 'warranty',
  queues: ['policy'],
  titles: { zh: '程序F：取消保单', en: 'Procedure F: policy cancellation' },
  start: 'greet',
  steps: {
    greet: { say: GREET, ask: { field: 'callerName', kind: 'text', required: true }, next: 'explain' },
    explain: {
      say: {
        zh: '这份延长保修已经包含在车价里，您不需要另外付费；取消后车辆出现故障将不能再享受保修。您还要取消吗？',
        en: 'The extended warranty is included in the price of the car, so it costs you nothing more; once cancelled, faults are no longer covered. Do you still want to cancel?',
      },
      ask: { field: 'stillCancel', kind: 'yes-no', required: true },
      next: [{ when: { field: 'stillCancel', equals: 'yes' }, next: 'refer' }, { next: 'kept' }],
    },
    refer: {
      say: {
        zh: '取消保单需要由二手车市场办理，请您到办理保单的二手车市场提出申请。感谢您的来电。',
        en: 'A cancellation is made by the used-car market: please ask the market that issued the policy. Thank you for calling.',
      },
      end: 'close',
    },
    kept: {
      say: { zh: '好的，您的保单继续有效。', en: 'Very well: your policy stays in force.' },
      next: 'bye',
    },
    bye: { say: CLOSING, end: 'close' },
  },
  phrases: [...WARRANTY_PHRASES, CLOSING],
} as const satisfies Script;
