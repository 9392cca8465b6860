// The push channel on the local stack: a WebSocket server on the app's own HTTP server at PUSH_PATH, doing
// what API Gateway's WebSocket API does in AWS (functions/handlers/push.ts): the connect, keep-alive and
// disconnect steps run the same use cases, and the connections live in the same table; only sending
// differs, which here is writing to the socket this process holds.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  connectPush,
  disconnectPush,
  keepPushAlive,
  type PushDeps,
  sessionRevokedIn,
} from '../../functions/app/push.js';
import { PUSH_KEEPALIVE, type PushTransport } from '../../functions/domain/push.js';

export const PUSH_PATH = '/push';

/** Close code for a refused connect (the HTTP 401 API Gateway answers): the page asks for a new ticket. */
export const PUSH_REFUSED = 4401;

export interface LocalPush {
  readonly transport: PushTransport;
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Open connections, for tests and the benchmark. */
  readonly open: () => number;
  close(): Promise<void>;
}

export function createLocalPush(deps: Omit<PushDeps, 'push'> & { readonly sessionKey: string }): LocalPush {
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Map<string, WebSocket>();
  const pending = new Set<Promise<unknown>>();
  let closing = false;
  // Steps run after their socket events; stopping waits for them so none reaches closed storage.
  const track = (step: Promise<unknown>) => {
    const p = step.catch((error: unknown) =>
      deps.logger.warn('push step failed', { error: (error as Error).message }),
    );
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const transport: PushTransport = {
    async send(connectionId, message) {
      const socket = sockets.get(connectionId);
      if (!socket || socket.readyState !== socket.OPEN) return 'gone';
      socket.send(JSON.stringify(message));
      return 'sent';
    },
  };

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const connectionId = randomUUID();
    // Messages that arrive before the connect step finished wait for it, as API Gateway holds them.
    const connected = connectPush(
      { ...deps, sessionRevoked: sessionRevokedIn(deps.store) },
      { connectionId, ticket: query.get('ticket') ?? undefined, phone: query.get('phone') === '1' },
    ).then((outcome) => {
      if ('refused' in outcome) {
        socket.close(PUSH_REFUSED, outcome.refused.slice(0, 120));
        return false;
      }
      sockets.set(connectionId, socket);
      return true;
    });
    track(connected);
    socket.on('message', (data) => {
      track(
        connected.then(async (ok) => {
          if (!ok) return;
          if (data.toString() === PUSH_KEEPALIVE) await keepPushAlive(deps, connectionId);
          else socket.close(1003, `Only '${PUSH_KEEPALIVE}' may be sent on the push channel.`);
        }),
      );
    });
    socket.on('close', () => {
      track(
        connected.then(async (ok) => {
          sockets.delete(connectionId);
          // Stopping the stack: the stored connections expire on their own; storage is closing.
          if (ok && !closing) await disconnectPush(deps, connectionId);
        }),
      );
    });
  });

  return {
    transport,
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    open: () => sockets.size,
    async close() {
      closing = true;
      for (const socket of wss.clients) socket.terminate();
      await Promise.all([...pending]);
      await new Promise<void>((done) => wss.close(() => done()));
    },
  };
}
