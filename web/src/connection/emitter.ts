// A minimal listener set shared by both connection implementations.
import type { ConnectionEvent, ConnectionListener } from './types.js';

export function createEmitter() {
  const listeners = new Set<ConnectionListener>();
  return {
    on(listener: ConnectionListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: ConnectionEvent): void {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // One faulty listener must not starve the others (a missed ring is the worst outcome here).
          console.error('connection listener failed', error);
        }
      }
    },
  };
}
