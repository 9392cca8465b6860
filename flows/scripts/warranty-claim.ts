// Warranty hotline, procedure A (claim notification): the caller's name, the policy or vehicle, the policy
// checked (a claim is taken only on a valid policy; otherwise the agent says why and where to turn), then
// the fault, where the car is and its mileage, the nearest repair shop, and a claim ticket with the answers.
import type { Script } from '../../functions/domain/scripts/types.js';
import { CLOSING, UCM_REFERRAL, WARRANTY_PHRASES } from './warranty-common.js';

export const warrantyClaimScript = {
  name: 'warranty-a-claim',
  hotline: 'warranty',
  queues: ['claims'],
  titles: { zh: '程序A：索赔通知', en: 'Procedure A: claim notification' },
  ticketType: 'claim',
  start: 'greet',
  steps: {
    greet: {
      say: {
        zh: '您好，这里是爱车保服务热线，我是您的客服代表。请问您叫什么名字？',
        en: 'Good day, this is the Car Care warranty hotline, I am your service agent. May I have your name, please?',
      },
      ask: { field: 'callerName', kind: 'text', required: true },
      record: { callerName: 'callerName' },
      next: 'hasInfo',
    },
    hasInfo: {
      say: {
        zh: '请问您能提供保单号码，或者车辆识别号（VIN）、车牌号吗？',
        en: 'Can you give me your policy number, or the vehicle identification number (VIN) or the plate?',
      },
      ask: { field: 'hasInfo', kind: 'yes-no', required: true },
      next: [{ when: { field: 'hasInfo', equals: 'yes' }, next: 'policy' }, { next: 'noInfo' }],
    },
    noInfo: {
      say: {
        zh: '很抱歉，没有保单号码或车辆信息我们无法受理索赔。您找到这些信息后，请在每天早上6点到晚上10点之间再次来电。感谢您的来电，祝您愉快。',
        en: 'I am sorry: without the policy number or the vehicle details we cannot take the claim. Once you have them, please call us again, any day from 6 am to 10 pm. Thank you for calling, have a nice day.',
      },
      end: 'close',
    },
    policy: {
      say: {
        zh: '请报一下保单号码。（客户只有VIN或车牌时，请在客户资料中找到对应保单后录入。）',
        en: 'Please read me the policy number. (If the caller has only the VIN or the plate, find the policy on the customer record and enter it.)',
      },
      ask: { field: 'policy', kind: 'policy', required: true },
      record: { policyNumber: 'policy' },
      next: [
        { when: { field: 'policyStatus', equals: 'valid' }, next: 'fault' },
        { when: { field: 'policyStatus', equals: 'expired' }, next: 'expired' },
        { when: { field: 'policyStatus', equals: 'cancelled' }, next: 'cancelled' },
        { next: 'notFound' },
      ],
    },
    expired: {
      say: {
        zh: '很抱歉，您的保单已经过了保修期，已过期的保单不能受理索赔。如对保修期有疑问，请联系为您办理保单的二手车市场。感谢您的来电。',
        en: 'I am sorry: your policy has expired, and a claim cannot be taken on an expired policy. If you have questions about the cover period, please contact the used-car market that issued the policy. Thank you for calling.',
      },
      end: 'close',
    },
    cancelled: {
      say: {
        zh: '很抱歉，系统显示您的保单已经取消，已取消的保单不能受理索赔。如您认为有误，请联系为您办理保单的二手车市场核实。感谢您的来电。',
        en: 'I am sorry: our records show that your policy was cancelled, and a claim cannot be taken on a cancelled policy. If you believe this is wrong, please ask the used-car market that issued it to check. Thank you for calling.',
      },
      end: 'close',
    },
    notFound: {
      say: {
        zh: '系统中没有找到这份保单。请您再核对一下VIN、车牌号和保单号码是否正确？需要重新核对吗？',
        en: 'I cannot find this policy in our system. Could you check the VIN, the plate and the policy number again? Shall we try once more?',
      },
      ask: { field: 'retry', kind: 'yes-no', required: true },
      next: [{ when: { field: 'retry', equals: 'yes' }, next: 'policy' }, { next: 'referUcm' }],
    },
    referUcm: { say: UCM_REFERRAL, end: 'close' },
    fault: {
      say: {
        zh: '好的，保单有效。请您描述一下车辆出现了什么问题？',
        en: 'Thank you, the policy is valid. Please describe what is wrong with the car.',
      },
      ask: { field: 'fault', kind: 'text', required: true },
      record: { subject: 'fault', fault: 'fault' },
      next: 'location',
    },
    location: {
      say: { zh: '车辆现在在什么位置？', en: 'Where is the car now?' },
      ask: { field: 'location', kind: 'text', required: true },
      record: { location: 'location' },
      next: 'mileage',
    },
    mileage: {
      say: { zh: '请问目前的行驶里程是多少公里？', en: 'What is the mileage now, in kilometres?' },
      ask: { field: 'mileage', kind: 'number', required: true },
      record: { mileage: 'mileage' },
      next: 'shop',
    },
    shop: {
      say: {
        zh: '离您最近的特约修理厂是……（告诉客户最近修理厂的名称和地址），请把车送到那里检查。',
        en: 'The nearest approved repair shop is … (tell the caller its name and address); please take the car there for inspection.',
      },
      ask: { field: 'shop', kind: 'text', required: false },
      record: { shop: 'shop' },
      next: 'confirm',
    },
    confirm: {
      say: {
        zh: '我已经为您登记了索赔，稍后会告诉您索赔单号。修理厂检查后会与我们联系。还有其他可以帮您的吗？',
        en: 'I am registering your claim now and will give you the claim number. The repair shop will contact us after the inspection. Is there anything else I can do for you?',
      },
      end: 'create-ticket',
    },
  },
  phrases: [...WARRANTY_PHRASES, CLOSING],
} as const satisfies Script;
