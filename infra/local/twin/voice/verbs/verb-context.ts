// What a verb is given to run: the engine, the call and the document it is part of. A leaf, so the verbs
// need not import the document runner (run-verbs.ts), which imports every verb; a verb that runs a nested
// document (a whisper, queue music) does it through the engine.
import type { Signal } from '../call-control.js';
import type { VoiceEngine } from '../engine.js';
import type { Call, DocMode, Flow, WaitingFor } from '../types.js';
import type { XmlElement } from '../xml.js';

export interface VerbContext {
  readonly engine: VoiceEngine;
  readonly call: Call;
  /** The URL of the running document: base for relative URLs and the default action. */
  readonly docUrl: string | undefined;
  readonly mode: DocMode;
  /** Fires when the state the document serves changed (dequeued, unheld ...): stop at once. */
  readonly until?: Signal;
  /** What the call is waiting for while this document plays (queue music is `queue`). */
  readonly idleKind: WaitingFor;
  /** True for the first verb of the call's first document (Reject then refuses the call). */
  readonly firstVerb: boolean;
}

export type VerbHandler = (ctx: VerbContext, el: XmlElement) => Promise<Flow>;
