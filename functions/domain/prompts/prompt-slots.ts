// The spoken prompts of a flow a recording may replace: one per state that speaks (a say, the question of
// a menu, input or language choice, the words before a queue, a voicemail or a hang-up). Prompts that read
// values aloud ({customerName}, a ticket number) change per call, so no recording can stand in for them.

import { placeholders } from '../ivr/template.js';
import type { Flow, FlowState, Text } from '../ivr/types.js';
import type { Language } from '../model.js';

export interface PromptSlot {
  readonly flow: string;
  readonly state: string;
  readonly kind: FlowState['kind'];
  /** The text-to-speech the caller hears when no recording is assigned. */
  readonly text: Text;
  /** Values the text reads aloud; a slot that reads any cannot take a recording. */
  readonly reads: readonly string[];
}

/** The state's own prompt: what a recording assigned to the state replaces. */
export function spokenText(state: FlowState): Text | undefined {
  switch (state.kind) {
    case 'say':
      return state.say;
    case 'language':
    case 'menu':
    case 'input':
    case 'voicemail':
      return state.prompt;
    case 'queue':
    case 'hangup':
      return state.say;
    default:
      return undefined;
  }
}

export function promptSlots(flow: Flow): PromptSlot[] {
  return Object.entries(flow.states).flatMap(([state, s]) => {
    const text = spokenText(s);
    if (!text) return [];
    const reads = [...new Set(Object.values(text).flatMap((t) => (t ? placeholders(t) : [])))];
    return [{ flow: flow.name, state, kind: s.kind, text, reads }];
  });
}

/** Languages a slot speaks in: those its text has. */
export const slotLanguages = (slot: PromptSlot): Language[] =>
  (Object.keys(slot.text) as Language[]).filter((l) => slot.text[l]);
