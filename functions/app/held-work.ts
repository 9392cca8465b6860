// The work not a call that an agent holds until they finish it (text conversations, faxes): a short list
// per agent in one marker, read by the desk. An item listed again moves to the end.
import type { Store } from '../domain/ports.js';
import type { Center } from './center.js';

/** How long a list outlives its last change: work left open a week is forgotten. */
const KEEP_MS = 7 * 86_400_000;

export interface HeldList<T> {
  list(store: Store, agentId: string): Promise<T[]>;
  /** Lists `item` (again: it moves to the end). */
  add(deps: Pick<Center, 'store' | 'clock'>, agentId: string, item: T): Promise<void>;
  /** True when it was listed. */
  remove(deps: Pick<Center, 'store' | 'clock'>, agentId: string, id: string): Promise<boolean>;
}

export function heldList<T>(kind: 'agent-texts' | 'agent-faxes', idOf: (item: T) => string): HeldList<T> {
  const keyOf = (agentId: string) => ({ kind, agentId }) as const;
  const list = async (store: Store, agentId: string): Promise<T[]> => {
    const stored = await store.keys.get(keyOf(agentId));
    if (!stored || typeof stored.value !== 'string') return [];
    try {
      const parsed: unknown = JSON.parse(stored.value);
      return Array.isArray(parsed) ? (parsed as T[]) : [];
    } catch {
      return [];
    }
  };
  const save = async (deps: Pick<Center, 'store' | 'clock'>, agentId: string, items: readonly T[]) => {
    if (items.length === 0) return deps.store.keys.delete(keyOf(agentId));
    await deps.store.keys.put(
      keyOf(agentId),
      JSON.stringify(items),
      new Date(deps.clock.now() + KEEP_MS).toISOString(),
    );
  };
  return {
    list,
    async add(deps, agentId, item) {
      const others = (await list(deps.store, agentId)).filter((x) => idOf(x) !== idOf(item));
      await save(deps, agentId, [...others, item]);
    },
    async remove(deps, agentId, id) {
      const held = await list(deps.store, agentId);
      if (!held.some((x) => idOf(x) === id)) return false;
      await save(
        deps,
        agentId,
        held.filter((x) => idOf(x) !== id),
      );
      return true;
    },
  };
}
