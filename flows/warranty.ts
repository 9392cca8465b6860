// Car Care warranty hotline (seed 000, the CADA warranty call-center script): open 06:00-22:00 every
// day; greeting, language choice, known callers by name; procedures A-G and self-service claim status.
import type { Flow } from '../functions/domain/ivr/types.js';
import { COMMON_DISPOSITIONS } from './dispositions.js';

const GOODBYE = {
  zh: '感谢您的来电，祝您愉快，再见。',
  en: 'Thank you for calling. Have a nice day. Goodbye.',
};
const INVALID = { zh: '对不起，您的输入有误。', en: 'Sorry, that is not one of the choices.' };
const SILENCE = { zh: '对不起，没有收到您的输入。', en: 'Sorry, we did not hear anything.' };
const UCM_OFFER = {
  zh: '二手车市场电话是 {ucmPhone:spell}。如需人工服务请按1，结束通话请按2。',
  en: 'The used car market can be reached at {ucmPhone:spell}. To speak to an agent press 1; to end the call press 2.',
};

export const warrantyFlow = {
  name: 'warranty',
  description: 'Car Care warranty hotline 爱车保服务热线 (claims, complaints, policy questions)',
  languages: ['zh', 'en'],
  defaultLanguage: 'zh',
  timeZone: 'Asia/Shanghai',
  hours: {
    mon: ['06:00', '22:00'],
    tue: ['06:00', '22:00'],
    wed: ['06:00', '22:00'],
    thu: ['06:00', '22:00'],
    fri: ['06:00', '22:00'],
    sat: ['06:00', '22:00'],
    sun: ['06:00', '22:00'],
  },
  closed: {
    zh: '您好，这里是爱车保服务热线。我们的服务时间是{hours}。现在是非服务时间，请在提示音后留言，我们会尽快回复您。',
    en: 'This is the Car Care warranty hotline. We are open {hours}. We are closed now; please leave a message after the tone and we will call you back.',
  },
  closedQueue: 'general',
  announceAgent: true,
  constants: { ucmPhone: '+862164001234' },
  dispositions: [
    { code: 'claim-filed', label: { zh: '已登记理赔', en: 'Claim filed' } },
    { code: 'claim-status', label: { zh: '理赔进度查询', en: 'Claim status given' } },
    { code: 'policy-question', label: { zh: '保单咨询', en: 'Policy question answered' } },
    { code: 'complaint', label: { zh: '投诉已受理', en: 'Complaint taken' } },
    { code: 'used-car-referral', label: { zh: '转介二手车市场', en: 'Referred to the used car market' } },
    ...COMMON_DISPOSITIONS,
  ],
  start: 'identify',
  states: {
    identify: { kind: 'lookup', lookup: 'caller', found: 'greetKnown', notFound: 'greet' },
    greetKnown: {
      kind: 'say',
      say: {
        zh: '{customerName}，您好！欢迎致电爱车保服务热线。',
        en: 'Hello {customerName}, welcome to the Car Care warranty hotline.',
      },
      next: 'mainMenu',
    },
    greet: {
      kind: 'say',
      say: { zh: '您好，欢迎致电爱车保服务热线。', en: 'Welcome to the Car Care warranty hotline.' },
      next: 'chooseLanguage',
    },
    chooseLanguage: {
      kind: 'language',
      prompt: { zh: '普通话服务请按1。', en: 'For English, press 2.' },
      options: { '1': 'zh', '2': 'en' },
      speech: { zh: { zh: ['中文', '普通话'] }, en: { en: ['english'] } },
      next: 'mainMenu',
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'mainMenu',
    },
    mainMenu: {
      kind: 'menu',
      prompt: {
        zh: '理赔报案请按1；投诉请按2；保单信息更正请按3；保修证书遗失请按4；保单转让请按5；取消保单请按6；产品或保单咨询请按7；查询理赔进度请按8；收听延保保障范围请按0。',
        en: 'To report a claim press 1. For a complaint press 2. To correct your policy details press 3. If you lost your warranty schedule press 4. To transfer a policy press 5. To cancel a policy press 6. For product or policy questions press 7. For the status of a claim press 8. To hear what the extended warranty covers press 0.',
      },
      options: {
        '1': 'claimName',
        '2': 'complaintDescribe',
        '3': 'ucmCorrection',
        '4': 'ucmLostSchedule',
        '5': 'ucmTransfer',
        '6': 'ucmCancel',
        '7': 'generalQueue',
        '8': 'statusClaimNumber',
        '0': 'coverageAnswer',
      },
      speech: {
        '1': { zh: ['理赔', '索赔', '报案'], en: ['claim', 'repair'] },
        '2': { zh: ['投诉'], en: ['complaint', 'complain'] },
        '3': { zh: ['更正', '修改'], en: ['correct', 'wrong details', 'amend'] },
        '4': { zh: ['遗失', '丢失', '补打'], en: ['lost', 'schedule'] },
        '5': { zh: ['转让', '过户'], en: ['transfer'] },
        '6': { zh: ['取消', '退保'], en: ['cancel'] },
        '7': { zh: ['咨询', '问题'], en: ['question', 'inquiry', 'general'] },
        '8': { zh: ['进度', '状态'], en: ['claim status', 'status'] },
        '0': { zh: ['保障范围', '保什么'], en: ['coverage', 'what is covered'] },
      },
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'menuFallback',
    },
    menuFallback: {
      kind: 'say',
      say: { zh: '我们将为您转接人工服务。', en: 'Let us put you through to an agent.' },
      next: 'generalQueue',
    },

    // Procedure A: claim notification.
    claimName: {
      kind: 'input',
      prompt: { zh: '请问您叫什么名字？', en: 'May I have your name, please?' },
      into: 'callerName',
      input: 'speech',
      next: 'claimIdent',
      retries: 0,
      fallback: 'claimIdent',
    },
    claimIdent: {
      kind: 'input',
      prompt: {
        zh: '请输入保单号中的10位数字后按井号键，或说出车架号或车牌号。如果没有这些信息，请按星号键。',
        en: 'Please key in the 10 digits of your policy number followed by the pound key, or say your VIN or plate number. If you do not have them, press star.',
      },
      into: 'ident',
      input: 'dtmf speech',
      minDigits: 10,
      maxDigits: 10,
      none: { target: 'claimNoInfo' },
      next: 'claimLookup',
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'claimNoInfo',
      timeout: 10,
    },
    claimLookup: {
      kind: 'lookup',
      lookup: 'policy-or-vehicle',
      from: 'ident',
      prefix: 'EW',
      found: 'claimPolicyExpired',
      notFound: 'claimNotFound',
    },
    // Only a valid policy can carry a claim: an expired or cancelled one is refused, with the reason.
    claimPolicyExpired: {
      kind: 'branch',
      when: { equals: ['policyStatus', 'expired'] },
      // biome-ignore lint/suspicious/noThenProperty: the flow format names a branch's target `then`; a string is never called
      then: 'claimRefusedExpired',
      else: 'claimPolicyCancelled',
    },
    claimPolicyCancelled: {
      kind: 'branch',
      when: { equals: ['policyStatus', 'cancelled'] },
      // biome-ignore lint/suspicious/noThenProperty: the flow format names a branch's target `then`; a string is never called
      then: 'claimRefusedCancelled',
      else: 'claimProblem',
    },
    claimRefusedExpired: {
      kind: 'say',
      say: {
        zh: '很抱歉，您的保单 {policyNumber:spell} 已过期，不在保障期内，我们无法受理这次理赔。如需续保或有疑问，请联系售车的二手车市场，电话是 {ucmPhone:spell}。',
        en: 'We are sorry, your policy {policyNumber:spell} has expired and no longer covers your car, so we cannot take this claim. To renew it or ask about it, please call the used car market at {ucmPhone:spell}.',
      },
      next: 'claimNotFoundSms',
    },
    claimRefusedCancelled: {
      kind: 'say',
      say: {
        zh: '很抱歉，您的保单 {policyNumber:spell} 已被注销，我们无法受理这次理赔。如有疑问，请联系售车的二手车市场，电话是 {ucmPhone:spell}。',
        en: 'We are sorry, your policy {policyNumber:spell} was cancelled, so we cannot take this claim. If you have questions about it, please call the used car market at {ucmPhone:spell}.',
      },
      next: 'claimNotFoundSms',
    },
    claimProblem: {
      kind: 'input',
      prompt: {
        zh: '找到了您的保单 {policyNumber:spell}。请简单描述车辆出现的问题。',
        en: 'We found your policy {policyNumber:spell}. Please describe the problem with your car.',
      },
      into: 'problem',
      input: 'speech',
      next: 'claimTicket',
      retries: 1,
      noInput: SILENCE,
      fallback: 'claimTicket',
      timeout: 10,
    },
    claimTicket: {
      kind: 'ticket',
      type: 'claim',
      priority: 'normal',
      subject: { zh: '电话理赔报案 {policyNumber}', en: 'Claim reported by phone {policyNumber}' },
      description: 'problem',
      next: 'claimTold',
    },
    claimTold: {
      kind: 'say',
      say: {
        zh: '您的理赔已登记，理赔编号是 {ticketNumber:spell}。我们会把编号用短信发给您。',
        en: 'Your claim is logged. Your claim number is {ticketNumber:spell}. We will text it to you.',
      },
      next: 'claimSms',
    },
    claimSms: {
      kind: 'sms',
      text: {
        zh: '【爱车保】您的理赔已登记，理赔编号 {ticketNumber}，保单 {policyNumber}。',
        en: 'Car Care: your claim {ticketNumber} for policy {policyNumber} is logged.',
      },
      next: 'claimQueue',
    },
    claimQueue: {
      kind: 'queue',
      queue: 'claims',
      say: {
        zh: '正在为您转接理赔专员，请稍候。',
        en: 'Connecting you to a claims specialist, please hold.',
      },
    },
    claimNotFound: {
      kind: 'say',
      say: {
        zh: '{callerName}，很抱歉，系统中没有找到您的保单。请核实您的车架号、车牌号或保单号是否正确。如果都正确，请联系二手车市场核实并修正您的保单，电话是 {ucmPhone:spell}，我们也会用短信发给您。',
        en: 'We are sorry {callerName}, your policy is not in our system. Please check your VIN, plate or policy number. If they are correct, please contact the used car market to check and amend your policy, at {ucmPhone:spell}. We will text you the number.',
      },
      next: 'claimNotFoundSms',
    },
    claimNotFoundSms: {
      kind: 'sms',
      text: {
        zh: '【爱车保】二手车市场电话：{ucmPhone}，可为您核实和修正保单信息。',
        en: 'Car Care: the used car market can check and amend your policy at {ucmPhone}.',
      },
      next: 'goodbye',
    },
    claimNoInfo: {
      kind: 'hangup',
      say: {
        zh: '保单号或车辆信息是办理理赔的必要信息。很抱歉，没有这些信息我们无法为您办理理赔。您获得这些信息后，请在{hours}再次拨打我们的服务热线。感谢您的来电，祝您愉快，再见。',
        en: 'We need the policy number or vehicle information to process a claim, and we apologise that we cannot go on without it. Once you have it, please call us again {hours}. Thank you for calling. Have a nice day.',
      },
    },

    // Procedure B: complaint.
    complaintDescribe: {
      kind: 'input',
      prompt: { zh: '请说出您要投诉的内容。', en: 'Please tell us about your complaint.' },
      into: 'problem',
      input: 'speech',
      next: 'complaintTicket',
      retries: 1,
      noInput: SILENCE,
      fallback: 'complaintTicket',
      timeout: 10,
    },
    complaintTicket: {
      kind: 'ticket',
      type: 'complaint',
      priority: 'normal',
      subject: { zh: '电话投诉', en: 'Complaint by phone' },
      description: 'problem',
      next: 'complaintTold',
    },
    complaintTold: {
      kind: 'say',
      say: {
        zh: '您的投诉已记录，编号是 {ticketNumber:spell}。',
        en: 'Your complaint is logged as {ticketNumber:spell}.',
      },
      next: 'complaintQueue',
    },
    complaintQueue: {
      kind: 'queue',
      queue: 'complaints',
      say: { zh: '正在为您转接客服专员，请稍候。', en: 'Connecting you to an agent, please hold.' },
    },

    // Procedures C-F: the used-car market handles these.
    ucmCorrection: {
      kind: 'say',
      say: {
        zh: '保单信息的更正由您购车的二手车市场办理，他们会在系统中修改您的保单。',
        en: 'Corrections to policy details are made by the used car market where you bought the car.',
      },
      next: 'ucmOffer',
    },
    ucmLostSchedule: {
      kind: 'say',
      say: {
        zh: '保修证书遗失，请到二手车市场重新打印。',
        en: 'If you lost your schedule, the used car market will print you another copy.',
      },
      next: 'ucmOffer',
    },
    ucmTransfer: {
      kind: 'say',
      say: {
        zh: '保单转让请到二手车市场办理变更手续。',
        en: 'Policy transfers are processed by the used car market.',
      },
      next: 'ucmOffer',
    },
    ucmCancel: {
      kind: 'say',
      say: {
        zh: '保修服务已包含在车价中。如仍需取消保单，请到二手车市场办理。',
        en: 'The warranty is included in the price of the car. If you still wish to cancel, the used car market will process it.',
      },
      next: 'ucmOffer',
    },
    ucmOffer: {
      kind: 'menu',
      prompt: UCM_OFFER,
      options: { '1': 'policyQueue', '2': 'goodbye' },
      speech: {
        '1': { zh: ['人工', '客服'], en: ['agent'] },
        '2': { zh: ['结束', '不用'], en: ['no', 'bye'] },
      },
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'goodbye',
    },
    policyQueue: {
      kind: 'queue',
      queue: 'policy',
      say: {
        zh: '正在为您转接保单专员，请稍候。',
        en: 'Connecting you to a policy specialist, please hold.',
      },
    },

    // Self-service: the knowledge base's short answer on coverage, read out, then back to the menu.
    coverageAnswer: {
      kind: 'answer',
      article: { zh: 'warranty-coverage', en: 'warranty-coverage-en' },
      missing: {
        zh: '抱歉，暂时无法播报保障范围，请选择其他服务。',
        en: 'Sorry, we cannot read the coverage right now; please choose another option.',
      },
      next: 'mainMenu',
    },

    // Procedure G: general inquiries.
    generalQueue: {
      kind: 'queue',
      queue: 'general',
      say: { zh: '正在为您转接客服专员，请稍候。', en: 'Connecting you to an agent, please hold.' },
    },

    // Self-service claim status, after verifying the caller.
    statusClaimNumber: {
      kind: 'input',
      prompt: {
        zh: '请输入理赔编号中的10位数字，然后按井号键。',
        en: 'Please key in the 10 digits of your claim number, then press pound.',
      },
      into: 'claimNumber',
      input: 'dtmf speech',
      minDigits: 10,
      maxDigits: 10,
      next: 'statusVin',
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'generalQueue',
      timeout: 10,
    },
    statusVin: {
      kind: 'input',
      prompt: {
        zh: '为了核实您的身份，请输入车架号的最后4位。',
        en: 'To verify it is you, please key in the last 4 characters of your VIN.',
      },
      into: 'vinLast4',
      input: 'dtmf speech',
      minDigits: 4,
      maxDigits: 4,
      next: 'statusLookup',
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'generalQueue',
    },
    statusLookup: {
      kind: 'lookup',
      lookup: 'claim-status',
      from: 'claimNumber',
      verify: 'vinLast4',
      prefix: 'CLM',
      found: 'statusTell',
      notFound: 'statusFail',
    },
    statusTell: {
      kind: 'say',
      say: {
        zh: '理赔 {ticketNumber:spell} 的状态是：{ticketStatusText}。',
        en: 'Claim {ticketNumber:spell} is {ticketStatusText}.',
      },
      next: 'anythingElse',
    },
    statusFail: {
      kind: 'say',
      say: {
        zh: '很抱歉，理赔编号与车辆信息不符，无法为您查询。',
        en: 'Sorry, that claim number and vehicle do not match, so we cannot give you its status.',
      },
      next: 'anythingElse',
    },
    anythingElse: {
      kind: 'menu',
      prompt: {
        zh: '返回主菜单请按1，转人工服务请按2，结束通话请按3。',
        en: 'For the main menu press 1, for an agent press 2, to end the call press 3.',
      },
      options: { '1': 'mainMenu', '2': 'generalQueue', '3': 'goodbye' },
      invalid: INVALID,
      noInput: SILENCE,
      fallback: 'goodbye',
    },
    goodbye: { kind: 'hangup', say: GOODBYE },
  },
} as const satisfies Flow;
