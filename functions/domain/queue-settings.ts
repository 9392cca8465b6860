// Per-queue settings admins keep on the console: the service-level threshold the wallboard measures each
// queue against, and how many callers may wait in it before the next is turned away. A queue the stored
// setting leaves out keeps the built-in values (flows/routing.ts and the wallboard's default).
import { type ServiceLevelSetting, thresholdSeconds } from './wallboard-rules.js';

/** The settings document; it replaces `service-levels` (SERVICE_LEVEL_SETTING), read until the first save. */
export const QUEUES_SETTING = 'queues';

/** A threshold a caller can feel: one second up to an hour. */
export const SERVICE_LEVEL_SECONDS = { min: 1, max: 3600 } as const;
/**
 * Callers allowed to wait in one queue. At least one, so a lone caller never needs the setting read (the
 * IVR answers them without it); at most what Twilio's queue holds comfortably.
 */
export const WAITING_LIMIT = { min: 1, max: 1000 } as const;

export interface QueueRule {
  readonly serviceLevelSeconds: number;
  readonly maxWaiting: number;
}

export interface QueuesSetting {
  readonly queues: Readonly<Record<string, QueueRule>>;
}

/**
 * The queue's rule in force: the console's when it names the queue; otherwise the built-in one, whose
 * threshold the older `service-levels` document may still set.
 */
export function queueRuleOf(
  setting: QueuesSetting | null | undefined,
  legacy: ServiceLevelSetting | null | undefined,
  queue: string,
  builtInMaxWaiting: number,
): QueueRule {
  const own = setting?.queues[queue];
  if (own) return own;
  return {
    serviceLevelSeconds: thresholdSeconds(setting ? undefined : (legacy ?? undefined), queue),
    maxWaiting: builtInMaxWaiting,
  };
}
