// One tab of the browser owns the phone link; the others show the desk read-only. Two tabs that both
// connected would both ring and both try to answer, so the tabs elect an owner with the Web Locks API: the
// tab holding the lock connects, the others wait in the lock's queue (and inherit it when the owner
// closes), and "use here" steals the lock, which tells the old owner to let go.

export type PhoneRole = 'owner' | 'standby';

/** The part of `navigator.locks` used here. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

export interface PhoneOwnership {
  /** Makes this tab the owner now; the tab that owned the phone becomes read-only. */
  takeOver(): void;
  /** Lets go for good (sign-out, page unload). */
  stop(): void;
}

export const PHONE_LOCK = 'cc-desk-phone';

export function electPhoneOwner(
  onRole: (role: PhoneRole) => void,
  locks: LockManagerLike | undefined = globalThis.navigator?.locks as LockManagerLike | undefined,
  name = PHONE_LOCK,
): PhoneOwnership {
  // Without Web Locks (an old browser, an insecure origin) every tab owns its link, as before.
  if (!locks) {
    onRole('owner');
    return { takeOver() {}, stop() {} };
  }
  let stopped = false;
  /** Each request gets a number; the outcome of a superseded one is ignored. */
  let generation = 0;
  let release: (() => void) | undefined;
  let waiting: AbortController | undefined;

  function letGo(): void {
    release?.();
    release = undefined;
    waiting?.abort();
    waiting = undefined;
  }

  function ask(mode: 'first' | 'queue' | 'steal'): void {
    const mine = ++generation;
    const current = () => mine === generation && !stopped;
    if (mode === 'queue') waiting = new AbortController();
    const options =
      mode === 'first'
        ? { ifAvailable: true }
        : mode === 'steal'
          ? { steal: true }
          : { signal: (waiting as AbortController).signal };
    locks
      ?.request(name, options, async (lock) => {
        if (!current()) return;
        if (!lock) {
          // Another tab holds the phone: read-only, and next in line when it closes.
          onRole('standby');
          ask('queue');
          return;
        }
        waiting = undefined;
        onRole('owner');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      })
      .catch(() => {
        // Stolen by another tab's "use here", or our own wait aborted by a take-over or stop.
        if (!current()) return;
        release?.();
        release = undefined;
        onRole('standby');
        ask('queue');
      });
  }

  ask('first');
  return {
    takeOver() {
      if (stopped) return;
      letGo();
      ask('steal');
    },
    stop() {
      stopped = true;
      generation++;
      letGo();
    },
  };
}
