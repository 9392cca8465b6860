// The search index a warm container keeps in memory, built from the published articles and rebuilt when
// the knowledge base's stamp (one item, bumped by every write) has moved. The stamp is read at most once
// a second, so a burst of searches costs one GetItem; a write through this container rebuilds at once.
import type { KbRepo } from '../domain/kb/ports.js';
import { buildKbIndex, type KbIndex } from '../domain/kb/search.js';

export interface KbSearcher {
  /** The index for the current stamp, built if the stamp moved. */
  index(): Promise<KbIndex>;
  /** Forget the stamp read, so the next search reads it (after a write through this container). */
  invalidate(): void;
}

const STAMP_CHECK_MS = 1_000;

export function createKbSearcher(repo: KbRepo, now: () => number = Date.now): KbSearcher {
  let built: { stamp: number; index: KbIndex } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let building: Promise<KbIndex> | undefined;

  async function rebuild(): Promise<KbIndex> {
    const stamp = await repo.stamp();
    checkedAt = now();
    if (built && built.stamp === stamp) return built.index;
    // Articles written after the stamp was read are picked up by the next stamp, never lost.
    const index = buildKbIndex(await repo.listPublished());
    built = { stamp, index };
    return index;
  }

  return {
    async index() {
      if (built && now() - checkedAt < STAMP_CHECK_MS) return built.index;
      // Concurrent requests share one read (and one build).
      building ??= rebuild().finally(() => {
        building = undefined;
      });
      return building;
    },
    invalidate() {
      checkedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
