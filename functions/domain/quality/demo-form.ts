// The form a new center starts with, drawn from the telecom customer-service standard (greeting, identity
// check, listening and empathy, solution, closing, no forbidden words) and its complaint handling steps.
import type { QaFormDraft } from './form.js';

export const DEMO_FORM_ID = 'telecom-service';

export const DEMO_FORM: QaFormDraft = {
  id: DEMO_FORM_ID,
  name: { zh: '电信客服通话质检表', en: 'Telecom service call scorecard' },
  sections: [
    {
      id: 'opening',
      name: { zh: '开场', en: 'Opening' },
      criteria: [
        {
          id: 'greeting',
          name: {
            zh: '标准问候语并报工号（“您好，很高兴为您服务”）',
            en: 'Standard greeting with staff number',
          },
          points: 10,
          autoFail: false,
        },
      ],
    },
    {
      id: 'identity',
      name: { zh: '身份核实', en: 'Identity check' },
      criteria: [
        {
          id: 'identity-check',
          name: {
            zh: '办理业务前核实客户身份（姓名、证件号）',
            en: "Verified the caller's identity before account work",
          },
          points: 10,
          autoFail: true,
        },
      ],
    },
    {
      id: 'empathy',
      name: { zh: '倾听与共情', en: 'Listening and empathy' },
      criteria: [
        {
          id: 'confirm-problem',
          name: { zh: '复述并确认客户问题', en: "Restated and confirmed the customer's problem" },
          points: 10,
          autoFail: false,
        },
        {
          id: 'apologise',
          name: {
            zh: '面对抱怨先致歉安抚（“给您带来不便，非常抱歉”）',
            en: 'Apologised and calmed a complaint first',
          },
          points: 10,
          autoFail: false,
        },
        {
          id: 'no-interrupting',
          name: {
            zh: '不抢话、不反问、不推脱',
            en: 'No interrupting, counter-questions or passing the buck',
          },
          points: 10,
          autoFail: false,
        },
      ],
    },
    {
      id: 'solution',
      name: { zh: '解决方案', en: 'Solution' },
      criteria: [
        {
          id: 'solution-given',
          name: { zh: '给出解决方案或明确的处理时限', en: 'Gave a solution or a clear time frame' },
          points: 20,
          autoFail: false,
        },
        {
          id: 'accurate-info',
          name: { zh: '业务信息准确', en: 'Accurate information' },
          points: 10,
          autoFail: false,
        },
      ],
    },
    {
      id: 'closing',
      name: { zh: '结束', en: 'Closing' },
      criteria: [
        {
          id: 'anything-else',
          name: { zh: '询问“请问还有什么可以帮到您？”', en: 'Asked whether there was anything else' },
          points: 5,
          autoFail: false,
        },
        {
          id: 'thanks',
          name: { zh: '感谢来电并礼貌道别', en: 'Thanked the caller and said goodbye politely' },
          points: 5,
          autoFail: false,
        },
      ],
    },
    {
      id: 'conduct',
      name: { zh: '服务禁忌', en: 'Conduct' },
      criteria: [
        {
          id: 'no-forbidden',
          name: {
            zh: '未使用服务禁语（喂、不知道、不可能……），未与客户争执',
            en: 'No forbidden words ("I don\'t know", "impossible"...), no arguing',
          },
          points: 10,
          autoFail: true,
        },
      ],
    },
  ],
};
