// Counts work in flight (webhook requests, runners between waits) per call, so the sim API and tests can wait
// until the twin has nothing left to do before they look, instead of sleeping for a guessed time.
export class BusyTracker {
  private readonly counts = new Map<string, number>();
  private total = 0;

  async track<T>(id: string, work: Promise<T>): Promise<T> {
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    this.total++;
    try {
      return await work;
    } finally {
      const left = (this.counts.get(id) ?? 1) - 1;
      if (left) this.counts.set(id, left);
      else this.counts.delete(id);
      this.total--;
    }
  }

  isBusy(id?: string): boolean {
    return id === undefined ? this.total > 0 : this.counts.has(id);
  }

  /** Resolves when nothing (or nothing for `id`) is in flight over a few turns of the event loop. */
  async idle(id?: string, maxMs = 20_000): Promise<void> {
    const deadline = Date.now() + maxMs;
    let quiet = 0;
    while (quiet < 3 && Date.now() < deadline) {
      await new Promise((r) => setImmediate(r));
      quiet = this.isBusy(id) ? 0 : quiet + 1;
    }
  }
}
