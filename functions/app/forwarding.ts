// The forwarding setting (functions/domain/forwarding.ts): read by the IVR after hours and while callers
// wait, replaced by admins on the console (validated, audited with before and after, kept in the setting's
// history for a restore: functions/app/setting-history.ts).
import {
  FORWARDING_SETTING,
  type ForwardingSetting,
  type ForwardRule,
  NO_FORWARDING,
} from '../domain/forwarding.js';
import type { User } from '../domain/model.js';
import { normalisePhone } from '../domain/phone.js';
import type { SettingsRepo } from '../domain/ports.js';
import { type HandlerIssue, ValidationError } from '../domain/problems.js';
import type { CenterPorts } from './center.js';
import { hotlinesOf, unknownHotline } from './hotlines.js';
import { writeSetting } from './setting-history.js';

export async function readForwarding(store: { readonly settings: SettingsRepo }): Promise<ForwardingSetting> {
  return (await store.settings.get<ForwardingSetting>(FORWARDING_SETTING)) ?? NO_FORWARDING;
}

/** The hotline's rule, by its flow's name; undefined when its callers are not forwarded. */
export async function forwardRuleOf(
  store: { readonly settings: SettingsRepo },
  flow: string,
): Promise<ForwardRule | undefined> {
  return (await readForwarding(store)).hotlines[flow];
}

/**
 * Replaces the whole setting. Each hotline must be a flow of the center, and each number a phone number
 * (stored in E.164) that is not one of the center's own hotlines: forwarding a line to itself would loop.
 */
export async function replaceForwarding(
  deps: Pick<CenterPorts, 'store' | 'config' | 'clock'>,
  user: User,
  body: ForwardingSetting,
): Promise<ForwardingSetting> {
  const after = validForwarding(deps, body);
  await writeSetting(deps, user, FORWARDING_SETTING, 'forwarding.replace', after);
  return after;
}

/** The setting as stored (numbers in E.164), or a ValidationError naming each wrong hotline and number. */
export function validForwarding(
  deps: Pick<CenterPorts, 'config'>,
  body: ForwardingSetting,
): ForwardingSetting {
  const issues: HandlerIssue[] = [];
  const own = new Set(hotlinesOf(deps.config).map((h) => h.number));
  const hotlines: Record<string, ForwardRule> = {};
  for (const [flow, rule] of Object.entries(body.hotlines)) {
    const at = `body.hotlines.${flow}`;
    const unknown = unknownHotline(at, flow);
    if (unknown) {
      issues.push(unknown);
      continue;
    }
    const phone = normalisePhone(rule.number, deps.config.defaultPhoneRegion);
    if (!phone.ok) {
      issues.push({ path: `${at}.number`, code: 'invalid-phone', message: 'is not a phone number' });
      continue;
    }
    if (own.has(phone.e164)) {
      issues.push({
        path: `${at}.number`,
        code: 'own-number',
        message: 'is one of the center’s own hotlines',
      });
      continue;
    }
    hotlines[flow] = { ...rule, number: phone.e164 };
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { hotlines };
}
