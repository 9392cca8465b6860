// `npm start`'s entry (tsx infra/local/main.ts, without the web build) as a real child process, for tests
// that drive the local stack from outside as a user would: its output, when it printed a line, its exit.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StartedMain {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  /** Resolves once stdout contains `text`; rejects if the process exits first. */
  printed(text: string): Promise<void>;
  output(): { stdout: string; stderr: string };
}

export function startMain(env: Readonly<Record<string, string>>): StartedMain {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (stdout.includes(text)) {
          clearInterval(timer);
          resolve();
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`exited ${child.exitCode} before printing "${text}":\n${stdout}\n${stderr}`));
        }
      }, 50);
    });
  return { child, exited, printed, output: () => ({ stdout, stderr }) };
}
