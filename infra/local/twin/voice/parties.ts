// Who answers a dialed `client:<identity>` or number: simulated parties registered with an answer policy (and,
// for scripted callees, who picks up and what they do then), and subscribers told of every ring (the sim API
// and, later, the agent browser link answer or reject through it).
import type { CalleeScript } from './callee-script.js';

export type AnswerPolicy = 'answer' | 'ring' | 'reject' | 'busy' | 'no-answer' | 'fail';

export interface RingEvent {
  readonly callSid: string;
  readonly from: string;
  readonly to: string;
  readonly parentCallSid?: string;
  /** Custom <Parameter>s of a <Client>, as the Voice SDK's call.customParameters. */
  readonly customParameters: Readonly<Record<string, string>>;
  answer(): void;
  reject(): void;
}

export interface PartyOptions {
  readonly policy: AnswerPolicy;
  /** With policy `answer`: ring this long on the clock first. */
  readonly answerAfterMs?: number;
  readonly onRing?: (ring: RingEvent) => void;
  /** A scripted callee (`POST /sim/callees`): who or what picks up, and the keys and hang-up that follow. */
  readonly callee?: CalleeScript;
}

export type PartyEvent =
  | { readonly type: 'ring'; readonly ring: RingEvent }
  | { readonly type: 'ring-ended'; readonly callSid: string; readonly to: string; readonly outcome: string }
  | {
      readonly type: 'connected';
      readonly callSid: string;
      readonly to: string;
      readonly peerCallSid: string;
    }
  | { readonly type: 'ended'; readonly callSid: string; readonly to: string };

export class PartyRegistry {
  private readonly parties = new Map<string, PartyOptions>();
  private readonly listeners = new Set<(e: PartyEvent) => void>();
  /** Legs ringing now, by CallSid, so the sim API or the agent link can answer them. */
  readonly ringing = new Map<string, RingEvent>();

  constructor(
    /** Unregistered numbers answer (a person picks up); unregistered clients have no device, so no one answers. */
    private readonly defaults: { readonly number: AnswerPolicy; readonly client: AnswerPolicy } = {
      number: 'answer',
      client: 'no-answer',
    },
  ) {}

  register(address: string, options: PartyOptions): () => void {
    this.parties.set(address, options);
    return () => {
      if (this.parties.get(address) === options) this.parties.delete(address);
    };
  }

  unregister(address: string): boolean {
    return this.parties.delete(address);
  }

  /** The scripted callees, in the order they were scripted. */
  callees(): CalleeScript[] {
    return [...this.parties.values()].flatMap((p) => (p.callee ? [p.callee] : []));
  }

  /** Forgets every scripted callee (parties registered otherwise stay); returns how many there were. */
  clearCallees(): number {
    let removed = 0;
    for (const [address, p] of this.parties) {
      if (!p.callee) continue;
      this.parties.delete(address);
      removed++;
    }
    return removed;
  }

  lookup(address: string): PartyOptions {
    return (
      this.parties.get(address) ?? {
        policy: address.startsWith('client:') ? this.defaults.client : this.defaults.number,
      }
    );
  }

  subscribe(listener: (e: PartyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PartyEvent): void {
    if (event.type === 'ring') {
      this.ringing.set(event.ring.callSid, event.ring);
      this.lookup(event.ring.to).onRing?.(event.ring);
    }
    if (event.type === 'ring-ended') this.ringing.delete(event.callSid);
    for (const l of this.listeners) l(event);
  }
}
