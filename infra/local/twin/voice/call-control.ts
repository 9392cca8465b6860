// The pause points of a running call. A verb waits (on the clock, for caller input, or for a signal such as
// "dequeued" or "conference started"); hang-up and redirect interrupt any wait so the interpreter can react,
// as Twilio's media server does when a REST update lands mid-verb.
import type { TimerClock } from '../../../../functions/domain/manual-clock.js';
import type { Navigation, WaitingFor } from './navigation.js';

export type CallInput = { readonly digits: string } | { readonly speech: string };

export type Interruption =
  | { readonly type: 'hangup' }
  | { readonly type: 'redirect'; readonly nav: Navigation };

export type WaitOutcome =
  | { readonly type: 'timeout' }
  | { readonly type: 'input'; readonly input: CallInput }
  | { readonly type: 'signal' }
  | { readonly type: 'interrupted' };

/** A one-shot notification; state loops make a fresh one after each firing. */
export class Signal {
  fired = false;
  private resolveFn!: () => void;
  readonly promise = new Promise<void>((resolve) => {
    this.resolveFn = resolve;
  });
  fire(): void {
    this.fired = true;
    this.resolveFn();
  }
}

/**
 * Audio a call is playing: a `prompt` of its own document, or `music`, the prompts of a queue, hold or
 * conference wait document, which the caller waits through rather than listens to.
 */
export interface PlayingAudio {
  readonly kind: 'prompt' | 'music';
  readonly endsAt: number;
}

export interface WaitOptions {
  readonly ms?: number;
  readonly input?: boolean;
  readonly until?: Signal;
  /** The wait is audio playing (Say, Play, Pause): the sim can let a frozen clock play it out. */
  readonly audio?: 'prompt' | 'music';
}

export class CallControl {
  private waiter:
    | {
        readonly acceptsInput: boolean;
        readonly audio: PlayingAudio | undefined;
        resolve(o: WaitOutcome): void;
      }
    | undefined;
  /** Hang-up never clears; a redirect is taken by the runner. */
  interruption: Interruption | undefined;

  constructor(
    private readonly clock: TimerClock,
    private readonly setWaiting: (w: WaitingFor) => void,
  ) {}

  wait(kind: WaitingFor, options: WaitOptions = {}): Promise<WaitOutcome> {
    if (this.interruption) return Promise.resolve({ type: 'interrupted' });
    if (options.until?.fired) return Promise.resolve({ type: 'signal' });
    return new Promise((resolve) => {
      const { ms, until } = options;
      const timer =
        ms === undefined
          ? undefined
          : this.clock.at(this.clock.now() + ms, () => {
              finish({ type: 'timeout' });
              // A manual clock awaits its timer before moving on: one turn of the event loop lets the runner
              // reach its next pause point (or a tracked webhook) at this time, not after the clock moved on.
              return new Promise<void>((turn) => setImmediate(turn));
            });
      const finish = (o: WaitOutcome) => {
        if (this.waiter !== waiter) return;
        this.waiter = undefined;
        timer?.cancel();
        this.setWaiting('nothing');
        resolve(o);
      };
      const waiter = {
        acceptsInput: options.input ?? false,
        audio:
          options.audio && ms !== undefined
            ? { kind: options.audio, endsAt: this.clock.now() + ms }
            : undefined,
        resolve: finish,
      };
      this.waiter = waiter;
      this.setWaiting(kind);
      until?.promise.then(() => finish({ type: 'signal' }));
    });
  }

  /** Delivers caller input to a waiting Gather or Record; false when nothing is listening. */
  input(input: CallInput): boolean {
    if (!this.waiter?.acceptsInput) return false;
    this.waiter.resolve({ type: 'input', input });
    return true;
  }

  /** The audio the call is playing now, if it is waiting for audio to end. */
  get audio(): PlayingAudio | undefined {
    return this.waiter?.audio;
  }

  /** Whether caller input would be taken now (a Gather or Record is listening). */
  get listening(): boolean {
    return this.waiter?.acceptsInput ?? false;
  }

  interrupt(i: Interruption): void {
    if (this.interruption?.type === 'hangup') return;
    this.interruption = i;
    this.waiter?.resolve({ type: 'interrupted' });
  }

  takeRedirect(): Navigation | undefined {
    const i = this.interruption;
    if (i?.type !== 'redirect') return undefined;
    this.interruption = undefined;
    return i.nav;
  }

  get hungUp(): boolean {
    return this.interruption?.type === 'hangup';
  }
}
