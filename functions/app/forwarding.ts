// The forwarding setting (functions/domain/forwarding.ts): read by the IVR after hours and while callers
// wait, replaced by admins on the console (validated, audited with before and after).
import { flows } from '../../flows/index.js';
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
import { hotlinesOf } from './hotlines.js';

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
  deps: Pick<CenterPorts, 'store' | 'config'>,
  user: User,
  body: ForwardingSetting,
): Promise<ForwardingSetting> {
  const issues: HandlerIssue[] = [];
  const own = new Set(hotlinesOf(deps.config).map((h) => h.number));
  const hotlines: Record<string, ForwardRule> = {};
  for (const [flow, rule] of Object.entries(body.hotlines)) {
    const at = `body.hotlines.${flow}`;
    if (!flows[flow]) {
      issues.push({
        path: at,
        code: 'unknown-hotline',
        message: `is not a hotline; known: ${Object.keys(flows).join(', ')}`,
      });
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
  const before = await deps.store.settings.get<ForwardingSetting>(FORWARDING_SETTING);
  const after: ForwardingSetting = { hotlines };
  await deps.store.settings.put(FORWARDING_SETTING, after);
  await deps.store.audit.append({
    actor: user.id,
    action: 'forwarding.replace',
    target: FORWARDING_SETTING,
    detail: { before: before ?? 'none', after },
  });
  return after;
}
