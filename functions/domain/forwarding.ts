// Forwarding a hotline's callers to a duty phone (an on-call engineer's or a supervisor's mobile): after
// hours instead of the voicemail, and when nobody has answered a waiting caller within a set time. Data
// per hotline (by its flow's name), kept in the `forwarding` setting and changed on the console.

export const FORWARDING_SETTING = 'forwarding';

export interface ForwardRule {
  /** E.164: the phone that rings. */
  readonly number: string;
  /** After hours and on holidays, callers ring it instead of hearing the voicemail prompt first. */
  readonly afterHours: boolean;
  /** A caller still waiting this long for an agent leaves the queue and rings it; absent: never. */
  readonly noAgentAfterSeconds?: number;
  /** How long it rings before the caller is offered the voicemail instead. */
  readonly ringSeconds: number;
}

export interface ForwardingSetting {
  readonly hotlines: Readonly<Record<string, ForwardRule>>;
}

export const NO_FORWARDING: ForwardingSetting = { hotlines: {} };

/** Limits the console checks, so a typo cannot make a caller ring for ten minutes. */
export const RING_SECONDS = { min: 5, max: 60 } as const;
export const NO_AGENT_AFTER_SECONDS = { min: 30, max: 3600 } as const;

/** What the caller hears while the duty phone rings, in the flow's languages. */
export const FORWARD_PROMPT = {
  zh: '正在为您转接值班人员，请稍候。',
  en: 'Please hold while we connect you to our duty officer.',
} as const;
