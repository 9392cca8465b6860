// The settings the console keeps a history of, by the name the API and the page use: how a stored
// version is checked again before a restore, and the audit action its changes carry.
import { FORWARDING_SETTING, type ForwardingSetting } from '../domain/forwarding.js';
import { calendarSetting, type HolidayCalendar } from '../domain/holiday-calendar.js';
import type { User } from '../domain/model.js';
import { NotFoundError } from '../domain/problems.js';
import { PROMPT_ASSIGNMENTS_SETTING, type PromptAssignments } from '../domain/prompts/prompt-library.js';
import { QUEUES_SETTING, type QueuesSetting } from '../domain/queue-settings.js';
import { SMS_TEMPLATES_SETTING, type SmsTemplatesSetting } from '../domain/sms-templates.js';
import { SURVEYS_SETTING, type SurveysSetting } from '../domain/surveys.js';
import { WRAP_UP_SETTING, type WrapUpSetting } from '../domain/wrap-up-settings.js';
import type { CenterPorts } from './center.js';
import { validForwarding } from './forwarding.js';
import { CALENDAR_ACTION, calendarNames, validCalendar } from './holiday-calendars.js';
import { validAssignments } from './prompt-assignments.js';
import { QUEUES_ACTION, validQueues } from './queue-settings.js';
import { type SettingVersion, settingHistory, versionToRestore, writeSetting } from './setting-history.js';
import { SMS_TEMPLATES_ACTION, validSmsTemplates } from './sms-templates.js';
import { validSurveys } from './surveys.js';
import { validWrapUp, WRAP_UP_ACTION } from './wrap-up-settings.js';

type Deps = Pick<CenterPorts, 'store' | 'config' | 'clock'>;

interface AdminSetting {
  /** The settings document's name. */
  readonly document: string;
  /** The audit action of a change; a restore is audited as `<action>.restore`. */
  readonly action: string;
  /** The value as it would be stored today, or a ValidationError: the center may have changed since. */
  check(deps: Deps, value: unknown): Promise<unknown> | unknown;
}

const ADMIN_SETTINGS: Readonly<Record<string, AdminSetting>> = {
  forwarding: {
    document: FORWARDING_SETTING,
    action: 'forwarding.replace',
    check: (deps, value) => validForwarding(deps, value as ForwardingSetting),
  },
  surveys: {
    document: SURVEYS_SETTING,
    action: 'surveys.replace',
    check: (_deps, value) => validSurveys(value as SurveysSetting),
  },
  // One per holiday calendar the flows name, by its document's name (`calendar:cn`).
  ...Object.fromEntries(
    calendarNames().map((name): [string, AdminSetting] => [
      calendarSetting(name),
      {
        document: calendarSetting(name),
        action: CALENDAR_ACTION,
        check: (_deps, value) => validCalendar(value as HolidayCalendar),
      },
    ]),
  ),
  // A restore is checked against today's queues and flows: a queue or hotline gone since is refused.
  queues: {
    document: QUEUES_SETTING,
    action: QUEUES_ACTION,
    check: (_deps, value) => validQueues(value as QueuesSetting),
  },
  'wrap-up': {
    document: WRAP_UP_SETTING,
    action: WRAP_UP_ACTION,
    check: (_deps, value) => validWrapUp(value as WrapUpSetting),
  },
  // A restore is refused when a recording it names has since left the library or the flow changed.
  'prompt-assignments': {
    document: PROMPT_ASSIGNMENTS_SETTING,
    action: 'prompt-assignments.replace',
    check: (deps, value) => validAssignments(deps, value as PromptAssignments),
  },
  // Checked again: the variables the desk fills may have changed since the version was saved.
  'sms-templates': {
    document: SMS_TEMPLATES_SETTING,
    action: SMS_TEMPLATES_ACTION,
    check: (_deps, value) => validSmsTemplates(value as SmsTemplatesSetting),
  },
};

export const adminSettingNames = (): string[] => Object.keys(ADMIN_SETTINGS);

function settingNamed(name: string): AdminSetting {
  const setting = ADMIN_SETTINGS[name];
  if (!setting) throw new NotFoundError('Setting', name);
  return setting;
}

export function adminSettingHistory(deps: Deps, name: string): Promise<SettingVersion<unknown>[]> {
  return settingHistory(deps, settingNamed(name).document);
}

/** Brings back what an earlier version held (checked again as if typed today); audited and kept as a new version. */
export async function restoreAdminSetting(
  deps: Deps,
  user: User,
  name: string,
  version: number,
): Promise<SettingVersion<unknown>> {
  const setting = settingNamed(name);
  const earlier = await versionToRestore(deps, setting.document, version);
  const value = earlier.value === null ? null : await setting.check(deps, earlier.value);
  return writeSetting(deps, user, setting.document, `${setting.action}.restore`, value, version);
}
