// One bundle in a process of its own (lambda-runner.mjs), as one Lambda container: the environment is the
// process's, init runs once at start, and each invoke sends an event and waits for the handler's answer.
// The container's stdout (the function's JSON log lines) is kept for tests to read, not printed.
import { type ChildProcess, fork } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeployedFunction } from './deployed-function.js';
import { type LambdaContext, lambdaContext } from './lambda-events.js';

const RUNNER = fileURLToPath(new URL('./lambda-runner.mjs', import.meta.url));
const AWS_SDK = fileURLToPath(new URL('../../../node_modules/@aws-sdk', import.meta.url));

/**
 * The function's code as Lambda unpacks it, in a folder of its own, beside which only the AWS SDK can be
 * found: the one package the bundles leave out because the Node.js runtime provides it. Any other package
 * the bundle failed to include fails to load here as it would in AWS.
 */
function taskDirectory(fn: DeployedFunction): { dir: string; entry: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-task-'));
  for (const file of [fn.entry, `${fn.entry}.map`]) copyFileSync(file, join(dir, basename(file)));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(AWS_SDK, join(dir, 'node_modules', '@aws-sdk'), 'dir');
  return { dir, entry: join(dir, basename(fn.entry)) };
}

export interface LambdaContainer {
  /** Wall time of the bundle's import: module load plus its top-level await (secrets, clients). */
  readonly initMs: number;
  /** Runs one event; rejects with the handler's error, as Lambda reports a failed invocation. */
  invoke<R>(event: unknown, context?: LambdaContext): Promise<R>;
  /** Lines the function wrote to stdout and stderr so far. */
  readonly logs: string[];
  /** Those lines that are JSON log records (the runtime's own warnings are not). */
  jsonLogs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

type FromRunner =
  | { type: 'ready'; initMs: number }
  | { type: 'init-error'; error: { message: string; stack?: string } }
  | { type: 'result'; id: number; result?: unknown; error?: { name: string; message: string } };

export async function startContainer(
  fn: DeployedFunction,
  env: Readonly<Record<string, string>>,
): Promise<LambdaContainer> {
  const [, exported = 'handler'] = fn.handler.split('.');
  const task = taskDirectory(fn);
  // Only the function's environment and PATH: nothing of the test process's leaks in.
  const child: ChildProcess = fork(RUNNER, [task.entry, exported], {
    env: { PATH: process.env.PATH ?? '', ...env },
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const logs: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      logs.push(...lines.filter((l) => l.trim() !== ''));
    });
  }
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;

  const initMs = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${fn.logicalId} exited during init (${code}):\n${logs.join('\n')}`)),
    );
    child.on('message', (message: FromRunner) => {
      if (message.type === 'ready') resolve(message.initMs);
      else if (message.type === 'init-error')
        reject(new Error(`${fn.logicalId} init failed: ${message.error.stack ?? message.error.message}`));
      else {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error)
          call?.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
        else call?.resolve(message.result);
      }
    });
  }).catch((err: unknown) => {
    rmSync(task.dir, { recursive: true, force: true });
    throw err;
  });
  child.removeAllListeners('exit');
  child.once('exit', (code) => {
    for (const call of pending.values()) call.reject(new Error(`${fn.logicalId} exited (${code})`));
    pending.clear();
  });

  return {
    initMs,
    logs,
    jsonLogs: () =>
      logs.flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as Record<string, unknown>] : [])),
    invoke<R>(event: unknown, context = lambdaContext(fn.logicalId)): Promise<R> {
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, event, context });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill();
        await exited;
      }
      rmSync(task.dir, { recursive: true, force: true });
    },
  };
}
