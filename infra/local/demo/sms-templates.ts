// The SMS templates the demo center starts with, drawn from the care and reminder texts of the
// requirement documents: a claim received, a follow-up after a repair, service and annual inspection
// reminders, a holiday greeting. Admins change them on the console (/admin/sms-templates).
import type { SmsTemplatesSetting } from '../../../functions/domain/sms-templates.js';

export const DEMO_SMS_TEMPLATES: SmsTemplatesSetting = {
  templates: [
    {
      id: 'claim-received',
      name: { zh: '理赔已受理', en: 'Claim received' },
      text: {
        zh: '{name}您好，您的理赔申请 {claimNumber} 已受理，我们将尽快与您联系。如有疑问请致电 {hotline}。客服 {agentName}',
        en: 'Dear {name}, your claim {claimNumber} has been received and we will be in touch soon. Questions? Call {hotline}. {agentName}',
      },
    },
    {
      id: 'repair-follow-up',
      name: { zh: '维修回访', en: 'After the repair' },
      text: {
        zh: '{name}您好，您的车辆已维修完毕。请问对本次维修是否满意？如有问题请致电 {hotline}。客服 {agentName}',
        en: 'Dear {name}, your car has been repaired. Are you happy with the work? If anything is wrong, call {hotline}. {agentName}',
      },
    },
    {
      id: 'service-reminder',
      name: { zh: '保养提醒', en: 'Service reminder' },
      text: {
        zh: '{name}您好，您的爱车即将到达保养里程，请提前预约保养，预约电话 {hotline}。',
        en: 'Dear {name}, your car is nearly due for its service. Book it on {hotline}.',
      },
    },
    {
      id: 'inspection-reminder',
      name: { zh: '年审提醒', en: 'Annual inspection reminder' },
      text: {
        zh: '{name}您好，您的车辆年审即将到期，请及时办理，以免影响正常使用。咨询电话 {hotline}。',
        en: "Dear {name}, your car's annual inspection is due soon. Questions? Call {hotline}.",
      },
    },
    {
      id: 'holiday-greeting',
      name: { zh: '节日问候', en: 'Holiday greeting' },
      text: {
        zh: '{name}您好，节日快乐！出行前请检查车况，如需道路救援请拨打 {hotline}，24 小时为您服务。',
        en: 'Happy holidays, {name}! Check your car before you travel; for roadside help call {hotline}, day and night.',
      },
    },
  ],
};
