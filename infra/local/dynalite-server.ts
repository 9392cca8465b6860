// dynalite in this process: DynamoDB's API over HTTP on a random local port, in memory or on disk.
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { dynaliteInProcess, type InProcessRequestHandler } from './dynalite-in-process.js';

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
  });
  const { port } = server.address() as AddressInfo;
  let open = true;
  const inProcess = dynaliteInProcess(server, () => open);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    inProcess,
    stop: async () => {
      open = false;
      await inProcess.settled();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
