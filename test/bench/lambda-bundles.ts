// Lambda bundle benchmark: bundles each function with esbuild exactly as the CDK function construct does
// (infra/aws/constructs/bundling.ts), then reports size (raw and zipped) and cold module-load time, the
// median of 10 fresh Node processes, beside a webhook bundle that imports all of `twilio`.
// Writes bench-results/lambda-bundles.json. Runs alone with `npx tsx test/bench/lambda-bundles.ts`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';
import { LAMBDA_BUNDLE, WEBHOOK_ALIASES } from '../../infra/aws/constructs/bundling.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository so the runtime-provided externals (@aws-sdk/*) resolve from node_modules.
const OUT = join(ROOT, 'node_modules/.cache/lambda-bundles');
const RESULTS = join(ROOT, 'bench-results/lambda-bundles.json');
const RUNS = 10;
const TARGET = { webhookKiB: 250, webhookLoadMs: 25 };

/** What the handlers need at module load; inline secrets, so nothing reaches the network. */
const LAMBDA_ENV = {
  PUBLIC_BASE_URL: 'https://cc.example.com',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'bench-token',
  SESSION_KEY: 'bench-session-key',
  TABLE_NAME: 'bench',
  BUCKET_NAME: 'bench',
  AWS_REGION: 'us-east-1',
  NODE_NO_WARNINGS: '1',
};

interface Subject {
  readonly name: string;
  readonly what: string;
  readonly options: BuildOptions;
  /** Environment beyond LAMBDA_ENV the handler needs at module load. */
  readonly env?: Readonly<Record<string, string>>;
}

const handler = (file: string) => join(ROOT, 'functions/handlers', file);

const SUBJECTS: Subject[] = [
  {
    name: 'webhooks',
    what: 'functions/handlers/twilio-webhooks.ts, libphonenumber min metadata (as deployed)',
    options: { entryPoints: [handler('twilio-webhooks.ts')], alias: { ...WEBHOOK_ALIASES } },
  },
  {
    name: 'api',
    what: 'functions/handlers/api.ts (REST API, zod/OpenAPI, libphonenumber max)',
    options: { entryPoints: [handler('api.ts')] },
  },
  {
    name: 'worker',
    what: 'functions/handlers/jobs-worker.ts (SQS job worker: recordings, SMS, mail; builds its clients at load)',
    options: { entryPoints: [handler('jobs-worker.ts')] },
    env: {
      JOBS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
      JOBS_DEAD_LETTER_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs-dead',
    },
  },
  {
    name: 'scheduled-jobs',
    what: 'functions/handlers/scheduled-jobs.ts (every minute from EventBridge Scheduler: periodic jobs, sweeps queued; builds its clients at load)',
    options: { entryPoints: [handler('scheduled-jobs.ts')] },
    env: {
      JOBS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
      JOBS_DEAD_LETTER_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs-dead',
    },
  },
  {
    name: 'provision-twilio',
    what: 'functions/handlers/provision-twilio.ts (custom resource onEvent: full twilio client, flows; clients built on the first event)',
    options: { entryPoints: [handler('provision-twilio.ts')] },
  },
  {
    name: 'webhooks-all-twilio',
    what: 'the webhooks bundle plus `import twilio from "twilio"` (the whole SDK), for comparison',
    options: {
      stdin: {
        contents:
          "import twilio from 'twilio';\nexport { handler } from './twilio-webhooks.ts';\nexport const sdk = twilio;\n",
        resolveDir: join(ROOT, 'functions/handlers'),
        loader: 'ts',
        sourcefile: 'webhooks-all-twilio.ts',
      },
      alias: { ...WEBHOOK_ALIASES },
    },
  },
  {
    name: 'twilio-parts-only',
    what: 'calibration: only twilio/lib/twiml/VoiceResponse and twilio/lib/webhooks/webhooks (measured once at 104 KB and 7 ms)',
    options: {
      stdin: {
        contents:
          "export { default as VoiceResponse } from 'twilio/lib/twiml/VoiceResponse.js';\nexport { validateRequest } from 'twilio/lib/webhooks/webhooks.js';\n",
        resolveDir: join(ROOT, 'functions/handlers'),
        loader: 'ts',
        sourcefile: 'twilio-parts-only.ts',
      },
    },
  },
];

/** Builds the bundle; returns its path and the external packages it imports (runtime-provided). */
async function bundle(subject: Subject): Promise<{ file: string; externals: string[] }> {
  const outfile = join(OUT, subject.name, 'index.mjs');
  const { metafile } = await build({
    ...subject.options,
    bundle: true,
    outfile,
    format: LAMBDA_BUNDLE.format,
    platform: LAMBDA_BUNDLE.platform,
    target: LAMBDA_BUNDLE.target,
    minify: LAMBDA_BUNDLE.minify,
    sourcemap: LAMBDA_BUNDLE.sourcemap,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    banner: { js: LAMBDA_BUNDLE.banner },
    external: [...LAMBDA_BUNDLE.external],
    logLevel: 'error',
    metafile: true,
  });
  const externals = Object.values(metafile.outputs).flatMap((o) =>
    o.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path),
  );
  return { file: outfile, externals: [...new Set(externals)].sort() };
}

// Runs in a fresh process: optionally loads the runtime-provided SDK first (outside the timer), then
// times the import of the bundle, including its top-level init (config, clients, inline secrets).
const PROBE = `
const [bundle, ...preload] = process.argv.slice(1);
for (const name of preload) await import(name);
const t0 = performance.now();
await import(bundle);
process.stdout.write(String(performance.now() - t0));
`;

function loadMs(
  file: string,
  preload: readonly string[],
  env: Readonly<Record<string, string>> = {},
): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', PROBE, pathToFileURL(file).href, ...preload],
      { cwd: ROOT, env: { ...process.env, ...LAMBDA_ENV, ...env }, encoding: 'utf8' },
    );
    samples.push(Number(out));
  }
  return samples;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const ms = (v: number) => Math.round(v * 10) / 10;

export async function run() {
  const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const rows = [];
  for (const subject of SUBJECTS) {
    const { file, externals } = await bundle(subject);
    const js = readFileSync(file);
    const map = readFileSync(`${file}.map`);
    const ownLoad = loadMs(file, externals, subject.env);
    const withSdk = loadMs(file, [], subject.env);
    rows.push({
      name: subject.name,
      what: subject.what,
      js_bytes: js.length,
      js_kib: kib(js.length),
      js_zipped_kib: kib(deflateRawSync(js, { level: 9 }).length),
      sourcemap_kib: kib(map.length),
      package_zipped_kib: kib(
        deflateRawSync(js, { level: 9 }).length + deflateRawSync(map, { level: 9 }).length,
      ),
      runtime_provided: externals,
      load_ms_median: ms(median(ownLoad)),
      load_with_sdk_ms_median: ms(median(withSdk)),
      load_ms_samples: ownLoad.map(ms),
    });
  }
  const webhooks = rows.find((r) => r.name === 'webhooks');
  const result = {
    benchmark: 'lambda-bundles',
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
    method:
      'esbuild with the CDK construct settings (ESM, node22, minify, external source map, createRequire banner, @aws-sdk/* external). ' +
      `Load: median of ${RUNS} fresh Node processes timing import() of the bundle, top-level init included. ` +
      'load_ms imports the runtime-provided packages (runtime_provided) before the timer, so it is the bundle’s own cost; load_with_sdk_ms does not. ' +
      'Zipped: raw deflate level 9, as in a Lambda zip. KiB = 1024 bytes.',
    // Other work on the machine inflates load times; compare rows of one run, not runs.
    load_average_1m: { before: loadBefore, after: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
    target: TARGET,
    webhook_meets_target: webhooks
      ? { size: webhooks.js_kib < TARGET.webhookKiB, load: webhooks.load_ms_median < TARGET.webhookLoadMs }
      : undefined,
    bundles: rows,
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  console.table(rows.map(({ load_ms_samples: _, what: __, ...row }) => row));
  console.log(`Wrote ${RESULTS}`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
