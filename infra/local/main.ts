// `npm start`: boots the local stack on PORT (default 3000), on the clock SIM_CLOCK names (default the
// system clock), prints the URLs and demo logins, and shuts everything down cleanly on Ctrl-C or SIGTERM.
// Exit code 1 with a clear message on failure.
import { ConfigError, type LocalOptions, loadLocalOptions } from '../../functions/config.js';
import { clockMode, createSimClock, type SimClock } from '../../functions/domain/manual-clock.js';
import { formatBanner } from './banner.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { loadSimClock, type SimClockSetting } from './local-config.js';
import { PortInUseError, reportTimerError, startLocalStack } from './start-local-stack.js';

function fail(message: string): never {
  console.error(`\nCannot start: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const began = performance.now();
  let options: LocalOptions;
  let simClock: SimClockSetting;
  try {
    options = loadLocalOptions();
    simClock = loadSimClock();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  console.log(`Starting the contact center on ${options.host}:${options.port} ...`);
  const clock = createClock(simClock);
  const stack = await startLocalStack({
    port: options.port,
    host: options.host,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    // A sim clock runs the periodic jobs on its timers too, so moving it sweeps and dispatches.
    ...(clock ? { clock, periodicJobs: true } : {}),
    demoData: true,
    demoHistory: options.demoHistory,
    log: (line) => console.log(`  ${line}`),
  }).catch((error: unknown) => {
    if (error instanceof PortInUseError || error instanceof DataDirLockedError) fail(error.message);
    throw error;
  });
  console.log(
    `\n${formatBanner({
      url: stack.url,
      startedInMs: performance.now() - began,
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      clock: { mode: clockMode(stack.clock), nowMs: stack.clock.now(), timeZone: stack.config.timeZone },
    })}`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    // A second Ctrl-C means "now": do not wait for a slow close.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping ...`);
    stack.stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

function createClock(setting: SimClockSetting): SimClock | undefined {
  if (setting.mode === 'system') return undefined;
  return createSimClock({
    startMs: setting.mode === 'running' ? setting.startMs : Date.now(),
    running: setting.mode === 'running',
    onTimerError: reportTimerError,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
