// The new campaign form's state: every field as typed (numbers as text, the abandon cap in percent), the
// defaults a new campaign starts from, and the settings the server is sent.

import { WEEKDAYS as DAY_NAMES } from '../../../functions/domain/campaigns/calling-window.js';
import {
  type CampaignDisposition,
  DEFAULT_DISPOSITIONS,
  type DialMode,
  RETRYABLE_OUTCOMES,
  type RetryableOutcome,
} from '../../../functions/domain/campaigns/campaign.js';
import type { CampaignChoices, CampaignSettings } from './campaigns-api.js';

export type Machine = CampaignSettings['machine'];

export interface Draft {
  name: string;
  mode: DialMode;
  callerId: string;
  queue: string;
  priority: string;
  language: 'zh' | 'en';
  /** A guided script's name, or '' for the hotline's own. */
  scriptId: string;
  /** A questionnaire's id, or '' for none. */
  questionnaireId: string;
  start: string;
  end: string;
  days: number[];
  maxAttempts: string;
  minutes: Record<RetryableOutcome, string>;
  machine: Machine;
  messageZh: string;
  messageEn: string;
  abandonPercent: string;
  maxHoldSeconds: string;
  dispositions: CampaignDisposition[];
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function blank(choices: CampaignChoices): Draft {
  return {
    name: '',
    mode: 'progressive',
    callerId: choices.callerIds[0] ?? '',
    queue: choices.queues[0] ?? '',
    priority: '0',
    language: 'zh',
    scriptId: '',
    questionnaireId: '',
    start: '09:00',
    end: '20:00',
    days: [1, 2, 3, 4, 5],
    maxAttempts: '3',
    minutes: { busy: '10', 'no-answer': '60', machine: '240', failed: '30' },
    machine: 'retry',
    messageZh: '',
    messageEn: '',
    abandonPercent: '3',
    maxHoldSeconds: '5',
    dispositions: DEFAULT_DISPOSITIONS.map((d) => ({ ...d, label: { ...d.label } })),
  };
}

export function settingsOf(d: Draft): CampaignSettings {
  const message = d.messageZh.trim() || d.messageEn.trim() ? { zh: d.messageZh, en: d.messageEn } : undefined;
  return {
    name: d.name,
    mode: d.mode,
    callerId: d.callerId,
    queue: d.queue,
    priority: Number(d.priority),
    language: d.language,
    ...(d.scriptId ? { scriptId: d.scriptId } : {}),
    ...(d.questionnaireId ? { questionnaireId: d.questionnaireId } : {}),
    // The form numbers days 1 (Monday) to 7; the rules name them.
    window: {
      start: d.start,
      end: d.end,
      weekdays: d.days.map((n) => DAY_NAMES[n - 1]).filter((w) => w !== undefined),
    },
    retry: {
      maxAttempts: Number(d.maxAttempts),
      ...(Object.fromEntries(RETRYABLE_OUTCOMES.map((o) => [o, Number(d.minutes[o])])) as Record<
        RetryableOutcome,
        number
      >),
    },
    machine: d.machine,
    ...(message ? { message } : {}),
    abandonCap: Number(d.abandonPercent) / 100,
    maxHoldSeconds: Number(d.maxHoldSeconds),
    dispositions: d.dispositions,
  };
}
