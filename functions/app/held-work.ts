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

/** Changes racing on one agent's list (two texts assigned at once) retry on what the other wrote. */
const ATTEMPTS = 8;

export function heldList<T>(kind: 'agent-texts' | 'agent-faxes', idOf: (item: T) => string): HeldList<T> {
  const keyOf = (agentId: string) => ({ kind, agentId }) as const;
  const read = async (store: Store, agentId: string) => {
    const stored = await store.keys.get(keyOf(agentId));
    const raw = stored && typeof stored.value === 'string' ? stored.value : undefined;
    return { raw, items: parse<T>(raw) };
  };
  /**
   * Applies `change` to the list in one conditional write on what was read, again on a fresher read when
   * another change landed between (without it, of two changes at once one would be lost). Returns what
   * `change` said of the list it applied to.
   */
  const update = async <R>(
    deps: Pick<Center, 'store' | 'clock'>,
    agentId: string,
    change: (items: readonly T[]) => { readonly items: readonly T[]; readonly result: R },
  ): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      const { raw, items } = await read(deps.store, agentId);
      const next = change(items);
      const value = next.items.length > 0 ? JSON.stringify(next.items) : undefined;
      if (value === raw) return next.result;
      const expiresAt = new Date(deps.clock.now() + KEEP_MS).toISOString();
      if (await deps.store.keys.replace(keyOf(agentId), raw, value, expiresAt)) return next.result;
      if (attempt >= ATTEMPTS) throw new Error(`${kind} of ${agentId}: changed under ${ATTEMPTS} attempts`);
      // Spread the writers that collided, so the next round is not the same collision again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  };
  return {
    list: async (store, agentId) => (await read(store, agentId)).items,
    add: (deps, agentId, item) =>
      update(deps, agentId, (items) => ({
        items: [...items.filter((x) => idOf(x) !== idOf(item)), item],
        result: undefined,
      })),
    remove: (deps, agentId, id) =>
      update(deps, agentId, (items) => ({
        items: items.filter((x) => idOf(x) !== id),
        result: items.some((x) => idOf(x) === id),
      })),
  };
}

function parse<T>(raw: string | undefined): T[] {
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}
