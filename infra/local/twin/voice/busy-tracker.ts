// Counts work in flight (webhook requests, runners between waits) per call, so the sim API and tests can wait
// until the twin has nothing left to do before they look, instead of sleeping for a guessed time.
// Notifications (status callbacks, whose answers Twilio ignores) are counted apart: a REST request may come
// from the very webhook a notification is waiting on, so REST handlers wait only for the rest of the work.
export class BusyTracker {
  private readonly counts = new Map<string, number>();
  private readonly notificationCounts = new Map<string, number>();
  private total = 0;
  private notifications = 0;

  async track<T>(id: string, work: Promise<T>, kind: 'work' | 'notification' = 'work'): Promise<T> {
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    this.total++;
    if (kind === 'notification') {
      this.notifications++;
      this.notificationCounts.set(id, (this.notificationCounts.get(id) ?? 0) + 1);
    }
    try {
      return await work;
    } finally {
      const left = (this.counts.get(id) ?? 1) - 1;
      if (left) this.counts.set(id, left);
      else this.counts.delete(id);
      this.total--;
      if (kind === 'notification') {
        this.notifications--;
        const n = (this.notificationCounts.get(id) ?? 1) - 1;
        if (n) this.notificationCounts.set(id, n);
        else this.notificationCounts.delete(id);
      }
    }
  }

  isBusy(id?: string): boolean {
    return id === undefined ? this.total > 0 : this.counts.has(id);
  }

  /** Resolves when nothing (or nothing for `id`) is in flight over a few turns of the event loop. */
  async idle(id?: string, maxMs = 20_000): Promise<void> {
    await this.until(() => !this.isBusy(id), maxMs);
  }

  /** Resolves when nothing but notifications is in flight (for `id`, or at all). */
  async idleButNotifications(id?: string, maxMs = 20_000): Promise<void> {
    await this.until(
      () =>
        id === undefined
          ? this.total - this.notifications === 0
          : (this.counts.get(id) ?? 0) - (this.notificationCounts.get(id) ?? 0) === 0,
      maxMs,
    );
  }

  private async until(quietNow: () => boolean, maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    let quiet = 0;
    while (quiet < 3 && Date.now() < deadline) {
      await new Promise((r) => setImmediate(r));
      quiet = quietNow() ? quiet + 1 : 0;
    }
  }
}
