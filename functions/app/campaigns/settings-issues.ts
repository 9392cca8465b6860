// What a campaign's settings must meet beyond their shape, each problem a field issue with a stable code and
// the allowed range in its message: names and numbers in range, a caller id the center owns, a queue that
// exists, dispositions with unique codes, a calling window inside the hours the law allows, a message to
// speak when one will be spoken. The range checks are here, not in the request schema, so each comes back
// with a code of its own that the console can say in the user's language.
import { routing } from '../../../flows/routing.js';
import { validateWindow } from '../../domain/campaigns/calling-window.js';
import type { CampaignSettings } from '../../domain/campaigns/campaign.js';
import { validateRetryPolicy } from '../../domain/campaigns/retry.js';
import type { HandlerIssue, HandlerIssueCode } from '../../domain/problems.js';

export const NAME_MAX = 80;
export const PRIORITY_MAX = 100;
export const DISPOSITIONS_MAX = 30;
export const ABANDON_CAP = { min: 0.005, max: 0.1, default: 0.03 } as const;
export const HOLD_SECONDS = { min: 1, max: 30, default: 5 } as const;
const CODE = /^[a-z][a-z0-9-]{0,39}$/;

/** The queues a campaign's answered calls can wait in. */
export const CAMPAIGN_QUEUES: readonly string[] = routing.queues.map((q) => q.name);

export interface SettingsContext {
  /** The numbers the center may show. */
  readonly callerIds: readonly string[];
}

export function settingsIssues(s: CampaignSettings, ctx: SettingsContext): HandlerIssue[] {
  const issues: HandlerIssue[] = [];
  const add = (path: string, code: HandlerIssueCode, message: string) =>
    issues.push({ path: `body.${path}`, code, message });
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

  const name = s.name.trim();
  if (name.length < 1 || name.length > NAME_MAX)
    add('name', 'campaign-name-length', `must be 1 to ${NAME_MAX} characters`);
  if (!ctx.callerIds.includes(s.callerId))
    add(
      'callerId',
      'caller-id-not-ours',
      `"${s.callerId}" is not one of the center's numbers; allowed: ${ctx.callerIds.join(', ')}`,
    );
  if (!CAMPAIGN_QUEUES.includes(s.queue))
    add('queue', 'unknown-queue', `must be one of ${CAMPAIGN_QUEUES.join(', ')}`);
  if (!whole(s.priority, 0, PRIORITY_MAX))
    add('priority', 'priority-range', `must be a whole number from 0 to ${PRIORITY_MAX}`);
  dispositionIssues(s, add);
  windowIssues(s, add);
  retryIssues(s, add);
  if (s.mode === 'broadcast' || s.machine === 'message') {
    const why = s.mode === 'broadcast' ? 'a broadcast speaks it' : 'machines get it';
    if (!s.message?.zh.trim()) add('message.zh', 'required', `is required: ${why}`);
    if (!s.message?.en.trim()) add('message.en', 'required', `is required: ${why}`);
  }
  if (!(s.abandonCap >= ABANDON_CAP.min && s.abandonCap <= ABANDON_CAP.max))
    add(
      'abandonCap',
      'abandon-cap-range',
      `must be from ${ABANDON_CAP.min} to ${ABANDON_CAP.max} (a fraction)`,
    );
  if (!whole(s.maxHoldSeconds, HOLD_SECONDS.min, HOLD_SECONDS.max))
    add(
      'maxHoldSeconds',
      'hold-seconds-range',
      `must be a whole number of seconds from ${HOLD_SECONDS.min} to ${HOLD_SECONDS.max}`,
    );
  if (s.startAt && s.endAt && Date.parse(s.endAt) <= Date.parse(s.startAt))
    add('endAt', 'end-before-start', 'must be after startAt');
  return issues;
}

type Add = (path: string, code: HandlerIssueCode, message: string) => void;

function dispositionIssues(s: CampaignSettings, add: Add): void {
  if (s.dispositions.length < 1 || s.dispositions.length > DISPOSITIONS_MAX)
    add('dispositions', 'dispositions-count', `must list 1 to ${DISPOSITIONS_MAX} dispositions`);
  const seen = new Set<string>();
  s.dispositions.forEach((d, i) => {
    if (!CODE.test(d.code))
      add(
        `dispositions.${i}.code`,
        'disposition-code',
        'must be a lower-case letter, then lower-case letters, digits or hyphens (40 at most)',
      );
    else if (seen.has(d.code)) add(`dispositions.${i}.code`, 'duplicate', `"${d.code}" is used twice`);
    seen.add(d.code);
    for (const lang of ['zh', 'en'] as const) {
      const label = d.label[lang].trim();
      if (label.length < 1 || label.length > 40)
        add(`dispositions.${i}.label.${lang}`, 'label-length', 'needs a name of 1 to 40 characters');
    }
  });
}

/** The calling-window rules are the domain's, legal hours included. */
function windowIssues(s: CampaignSettings, add: Add): void {
  for (const issue of validateWindow(s.window)) add(`window.${issue.field}`, issue.code, issue.message.en);
}

/** The retry rules are the domain's. */
function retryIssues(s: CampaignSettings, add: Add): void {
  for (const issue of validateRetryPolicy(s.retry)) add(`retry.${issue.field}`, issue.code, issue.message.en);
}
