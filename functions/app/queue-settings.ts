// The queues setting (functions/domain/queue-settings.ts): read by the IVR as a caller joins a queue and by
// the wallboard, replaced by admins on the console (validated, audited, kept in the setting's history).
// Until the first save the older `service-levels` document still sets the thresholds; the first save
// carries its values over and removes it, so one document holds the queues from then on.
import { routing } from '../../flows/routing.js';
import type { User } from '../domain/model.js';
import type { Clock, SettingsRepo } from '../domain/ports.js';
import { type HandlerIssue, ValidationError } from '../domain/problems.js';
import {
  QUEUES_SETTING,
  type QueueRule,
  type QueuesSetting,
  queueRuleOf,
  SERVICE_LEVEL_SECONDS,
  WAITING_LIMIT,
} from '../domain/queue-settings.js';
import { SERVICE_LEVEL_SETTING, type ServiceLevelSetting } from '../domain/wallboard-rules.js';
import { cachedSetting, type SettingPorts, writeSetting } from './setting-history.js';

type Settings = { readonly store: { readonly settings: SettingsRepo }; readonly clock: Clock };

export const QUEUES_ACTION = 'queues.replace';
export const queueNames = (): string[] => routing.queues.map((q) => q.name);

export interface QueuesView {
  /** Every queue's rule in force. */
  readonly queues: Readonly<Record<string, QueueRule>>;
  /** What a queue the setting leaves out gets. */
  readonly builtIn: { readonly maxWaiting: number };
  readonly source: 'console' | 'built-in';
}

async function stored(deps: Pick<Settings, 'store'>) {
  const [setting, legacy] = await Promise.all([
    deps.store.settings.get<QueuesSetting | null>(QUEUES_SETTING),
    deps.store.settings.get<ServiceLevelSetting | null>(SERVICE_LEVEL_SETTING),
  ]);
  return { setting, legacy };
}

/** Every queue's rule as it applies now, for the console. */
export async function readQueues(deps: Pick<Settings, 'store'>): Promise<QueuesView> {
  const { setting, legacy } = await stored(deps);
  return {
    queues: Object.fromEntries(
      queueNames().map((q) => [q, queueRuleOf(setting, legacy, q, routing.maxQueueLength)]),
    ),
    builtIn: { maxWaiting: routing.maxQueueLength },
    source: setting ? 'console' : 'built-in',
  };
}

/** How many callers may wait in the queue, a few seconds old at most (the IVR asks as a caller joins). */
export async function waitingLimitOf(deps: Settings, queue: string): Promise<number> {
  const setting = await cachedSetting<QueuesSetting | null>(deps, QUEUES_SETTING);
  return setting?.queues[queue]?.maxWaiting ?? routing.maxQueueLength;
}

/** Each queue's service-level threshold, for the wallboard (a few seconds old at most). */
export async function serviceLevelThresholds(deps: Settings): Promise<(queue: string) => number> {
  const setting = await cachedSetting<QueuesSetting | null>(deps, QUEUES_SETTING);
  const legacy = setting
    ? undefined
    : await cachedSetting<ServiceLevelSetting | null>(deps, SERVICE_LEVEL_SETTING);
  return (queue) => queueRuleOf(setting, legacy, queue, routing.maxQueueLength).serviceLevelSeconds;
}

/**
 * Replaces the whole setting. A queue left out keeps the built-in rule; on the first save, the threshold
 * the older document gave it is written out, so nothing an admin set before is lost.
 */
export async function replaceQueues(
  deps: SettingPorts,
  user: User,
  body: QueuesSetting,
): Promise<QueuesView> {
  const checked = validQueues(body);
  const { setting, legacy } = await stored(deps);
  const carried: QueuesSetting =
    !setting && legacy
      ? {
          queues: Object.fromEntries(
            queueNames().map((q) => [
              q,
              checked.queues[q] ?? queueRuleOf(undefined, legacy, q, routing.maxQueueLength),
            ]),
          ),
        }
      : checked;
  await writeSetting(deps, user, QUEUES_SETTING, QUEUES_ACTION, carried);
  if (legacy) await deps.store.settings.put(SERVICE_LEVEL_SETTING, null);
  return readQueues(deps);
}

const inRange = (n: number, range: { readonly min: number; readonly max: number }) =>
  Number.isInteger(n) && n >= range.min && n <= range.max;

/** The setting as stored, or a ValidationError naming each unknown queue and each value out of range. */
export function validQueues(body: QueuesSetting): QueuesSetting {
  const issues: HandlerIssue[] = [];
  const known = queueNames();
  for (const [queue, rule] of Object.entries(body.queues)) {
    const at = `body.queues.${queue}`;
    if (!known.includes(queue)) {
      issues.push({ path: at, code: 'unknown-queue', message: `is not a queue; known: ${known.join(', ')}` });
      continue;
    }
    if (!inRange(rule.serviceLevelSeconds, SERVICE_LEVEL_SECONDS))
      issues.push({
        path: `${at}.serviceLevelSeconds`,
        code: 'service-level-range',
        message: `must be a whole number of seconds from ${SERVICE_LEVEL_SECONDS.min} to ${SERVICE_LEVEL_SECONDS.max}`,
      });
    if (!inRange(rule.maxWaiting, WAITING_LIMIT))
      issues.push({
        path: `${at}.maxWaiting`,
        code: 'waiting-limit-range',
        message: `must be a whole number of callers from ${WAITING_LIMIT.min} to ${WAITING_LIMIT.max}`,
      });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    queues: Object.fromEntries(
      Object.entries(body.queues).map(([q, r]) => [
        q,
        { serviceLevelSeconds: r.serviceLevelSeconds, maxWaiting: r.maxWaiting },
      ]),
    ),
  };
}
