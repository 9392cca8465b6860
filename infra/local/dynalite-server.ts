// dynalite in this process: DynamoDB's API over HTTP on a random local port, in memory or on disk.
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import dynalite from 'dynalite';
import {
  type DynaliteAnswer,
  dynaliteInProcess,
  exchangeRequestHandler,
  type InProcessRequestHandler,
} from './dynalite-in-process.js';

export interface EmbeddedServer {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export interface DynaliteServer extends EmbeddedServer {
  /** A DynamoDBClient `requestHandler` reaching this dynalite without its socket. */
  readonly inProcess: InProcessRequestHandler;
}

/** `path` keeps the data in a LevelDB folder; absent means in memory, gone on stop. */
export async function startDynalite(path?: string): Promise<DynaliteServer> {
  // Tables become ACTIVE at once: the 500 ms default only slows every start for nothing.
  const server = dynalite({
    ...(path ? { path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
    // Node closes an idle kept-alive socket after 5 s, and a client reusing it at that moment reads
    // ECONNRESET: the SDK's sockets are kept alive, so the server keeps them longer than it does.
    server.keepAliveTimeout = 120_000;
  });
  const { port } = server.address() as AddressInfo;
  let open = true;
  const unanswered = gateRequests(server, () => open);
  const inProcess = dynaliteInProcess(server, () => open);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    inProcess,
    stop: async () => {
      open = false;
      await inProcess.settled();
      await unanswered.settled();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/**
 * dynalite's close waits for the database operations under way, but a request between two of its
 * operations (the item written, its index entries not yet) has none, and one whose client hung up has no
 * connection for the HTTP server's close to wait on: its next write then finds the database closed and
 * throws from a callback. So every request, over the socket or handed over in process, is counted until
 * dynalite answers it, and stopping waits for the count to reach zero; a request after stop is dropped as a
 * closed port would.
 */
function gateRequests(server: Server, open: () => boolean): { settled(): Promise<void> } {
  const listeners = server.listeners('request') as ((req: unknown, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  let count = 0;
  let idle: (() => void) | undefined;
  server.on('request', (req, res: ServerResponse) => {
    if (!open()) {
      res.socket?.destroy();
      return;
    }
    count += 1;
    const end = res.end;
    let answered = false;
    res.end = function (this: ServerResponse, ...args: Parameters<ServerResponse['end']>) {
      if (!answered) {
        answered = true;
        count -= 1;
        if (count === 0) idle?.();
      }
      return end.apply(this, args);
    } as ServerResponse['end'];
    for (const listener of listeners) listener(req, res);
  });
  return {
    settled: () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve))),
  };
}

/**
 * dynalite on a worker thread (dynalite-thread.mjs), for the in-process stack under load: the same HTTP
 * endpoint, and `inProcess` hands each request to the thread as a message instead of to a listener here.
 */
export async function startDynaliteThread(path?: string): Promise<DynaliteServer> {
  const worker = new Worker(new URL('./dynalite-thread.mjs', import.meta.url), { workerData: { path } });
  const waiting = new Map<number, (answer: DynaliteAnswer) => void>();
  let stopped: (() => void) | undefined;
  type Message = DynaliteAnswer & { id?: number; ready?: boolean; port?: number; stopped?: boolean };
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: Message) => {
      if (m.ready) resolve(m.port as number);
      else if (m.stopped) stopped?.();
      else if (m.id !== undefined) waiting.get(m.id)?.(m);
    });
  });
  // A thread that dies answers nothing more: every request waiting fails rather than hangs.
  worker.on('exit', () => {
    for (const answer of waiting.values()) answer({ refused: true });
  });
  let open = true;
  let next = 0;
  const handler = exchangeRequestHandler(
    (request) =>
      new Promise<DynaliteAnswer>((resolve) => {
        const id = next++;
        waiting.set(id, (answer) => {
          waiting.delete(id);
          resolve(answer);
        });
        worker.postMessage({ id, ...request });
      }),
    () => open,
  );
  return {
    endpoint: `http://127.0.0.1:${port}`,
    inProcess: handler,
    stop: async () => {
      open = false;
      await handler.settled();
      await new Promise<void>((resolve) => {
        stopped = resolve;
        worker.postMessage({ stop: true });
      });
      await worker.terminate();
    },
  };
}
