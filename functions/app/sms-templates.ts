// The SMS templates setting (functions/domain/sms-templates.ts): everyone reads it (agents pick from it on
// the desk), admins replace it on the console (validated, audited with before and after, kept in the
// setting's history for a restore: functions/app/setting-history.ts).
import type { User } from '../domain/model.js';
import type { SettingsRepo } from '../domain/ports.js';
import { ValidationError } from '../domain/problems.js';
import {
  NO_TEMPLATES,
  SMS_TEMPLATES_SETTING,
  type SmsTemplatesSetting,
  templatesIssues,
} from '../domain/sms-templates.js';
import type { CenterPorts } from './center.js';
import { writeSetting } from './setting-history.js';

export const SMS_TEMPLATES_ACTION = 'sms-templates.replace';

export async function readSmsTemplates(store: {
  readonly settings: SettingsRepo;
}): Promise<SmsTemplatesSetting> {
  return (await store.settings.get<SmsTemplatesSetting>(SMS_TEMPLATES_SETTING)) ?? NO_TEMPLATES;
}

/** The setting as stored, or a ValidationError naming each unknown variable, stray brace and long text. */
export function validSmsTemplates(body: SmsTemplatesSetting): SmsTemplatesSetting {
  const issues = templatesIssues(body);
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    templates: body.templates.map((t) => ({
      id: t.id,
      name: { zh: t.name.zh.trim(), en: t.name.en.trim() },
      text: { zh: t.text.zh.trim(), en: t.text.en.trim() },
    })),
  };
}

export async function replaceSmsTemplates(
  deps: Pick<CenterPorts, 'store' | 'clock'>,
  user: User,
  body: SmsTemplatesSetting,
): Promise<SmsTemplatesSetting> {
  const after = validSmsTemplates(body);
  await writeSetting(deps, user, SMS_TEMPLATES_SETTING, SMS_TEMPLATES_ACTION, after);
  return after;
}
