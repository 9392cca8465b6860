// Texts from the desk: the SMS templates (everyone reads them; admins replace them whole, their versions
// and restore in admin/settings-api.ts) and an agent's text to a customer's phone.
import type { SmsTemplate, SmsTemplatesSetting } from '../../functions/domain/sms-templates.js';
import { call } from './api.js';

export type { SmsTemplate, SmsTemplatesSetting };

export const smsApi = {
  templates: () => call<SmsTemplatesSetting>('GET', '/sms/templates'),
  replaceTemplates: (setting: SmsTemplatesSetting) =>
    call<SmsTemplatesSetting>('PUT', '/admin/sms-templates', setting),
  reply: (phone: string, body: string) =>
    call<{ sid: string }>('POST', `/sms/threads/${encodeURIComponent(phone)}/reply`, { body }),
};
