// Blacklist requests used to live in one settings document; the first use after an upgrade copies them
// into their own items under their existing ids (a conditional put, so running it twice changes nothing).
import type { BlacklistRequest } from '../domain/model.js';
import type { Store } from '../domain/ports.js';

export const LEGACY_DOC = 'blacklist-requests';

/**
 * Copies every request of the old document (pending and decided: nothing is dropped), then empties it.
 * The document is emptied only if it is unchanged since it was copied, so a request an older instance
 * appends meanwhile (during a deploy) is copied on the next round rather than lost.
 */
export async function migrateLegacyBlacklistRequests(store: Store): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const legacy = await store.settings.get<BlacklistRequest[]>(LEGACY_DOC);
    if (!legacy?.length) return;
    for (const request of legacy) await store.blacklistRequests.restore(request);
    const now = await store.settings.get<BlacklistRequest[]>(LEGACY_DOC);
    if (JSON.stringify(now) === JSON.stringify(legacy)) {
      await store.settings.put(LEGACY_DOC, []);
      return;
    }
  }
}
