// What a scripted callee is (`POST /sim/callees`): a leaf of plain types, so the party registry can hold
// scripts without importing the engine that acts them out (callees.ts).
export const CALLEE_ANSWERS = ['human', 'machine', 'fax', 'busy', 'no-answer', 'fail'] as const;
export type CalleeAnswer = (typeof CALLEE_ANSWERS)[number];
/** Who or what picks up a call that is answered. */
export type Answerer = Extract<CalleeAnswer, 'human' | 'machine' | 'fax'>;

export const CALLEE_DEFAULTS = { afterSeconds: 1, greetingSeconds: 8, digitsAfterSeconds: 1 } as const;

export interface CalleeScript {
  readonly number: string;
  readonly answer: CalleeAnswer;
  /** Ring time before answering. */
  readonly afterSeconds: number;
  /** A machine's greeting, from answer to the beep. */
  readonly greetingSeconds?: number;
  /** Keys pressed once the call runs TwiML, `digitsAfterSeconds` after it starts. */
  readonly digits?: string;
  readonly digitsAfterSeconds?: number;
  /** The callee hangs up this long after answering. */
  readonly hangUpAfterSeconds?: number;
}
