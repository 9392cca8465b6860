// Benchmark of the TaskRouter twin's matching: 10,000 pending tasks and 1,000 workers across 20 queues on
// a manual clock. Prints median/p99 to place a task and to react to a worker becoming available, and
// writes bench-results/taskrouter-engine.json. Run alone with `npx tsx test/bench/taskrouter-engine.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createTaskRouterEngine } from '../../infra/local/twin/taskrouter/engine.js';
import type { Worker } from '../../infra/local/twin/taskrouter/model.js';
import { benchManualClock } from './bench-clock.js';

const QUEUES = 20;
const WORKERS = 1_000;
const PENDING = 10_000;
const SAMPLES = 2_000;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    samples: s.length,
    median_ms: r(quantile(s, 0.5)),
    p99_ms: r(quantile(s, 0.99)),
    max_ms: r(s[s.length - 1] ?? 0),
  };
}

export async function run() {
  const clock = benchManualClock();
  const webhooks = { send: async () => ({ ok: true, status: 204, contentType: '', body: '' }) };
  const engine = createTaskRouterEngine({
    account: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'x' },
    clock,
    webhooks,
  });
  const ws = engine.createWorkspace({ friendlyName: 'bench' }).sid;
  const available = engine.activityNamed(ws, 'Available').sid;
  const offline = engine.activityNamed(ws, 'Offline').sid;
  const queues = Array.from({ length: QUEUES }, (_, i) =>
    engine.createQueue(ws, { friendlyName: `q${i}`, targetWorkers: `skills HAS 'sk${i}'` }),
  );
  const filters = queues.map((q, i) => ({
    expression: `skill == 'sk${i}'`,
    targets: [{ queue: q.sid, order_by: 'worker.level DESC' }],
  }));
  const wf = engine.createWorkflow(ws, {
    friendlyName: 'bench',
    configuration: JSON.stringify({ task_routing: { filters, default_filter: { queue: queues[0]?.sid } } }),
  });
  // Each worker is in two queues, so each queue has 100 eligible workers.
  const workers: Worker[] = [];
  for (let i = 0; i < WORKERS; i++)
    workers.push(
      engine.createWorker(ws, {
        friendlyName: `agent${i}`,
        attributes: JSON.stringify({ skills: [`sk${i % QUEUES}`, `sk${(i + 7) % QUEUES}`], level: i % 5 }),
        activitySid: available,
      }),
    );
  let n = 0;
  const newTask = (priority = n % 3) =>
    engine.createTask(ws, {
      workflowSid: wf.sid,
      attributes: JSON.stringify({ skill: `sk${n++ % QUEUES}`, customer: n }),
      priority,
    });
  const acceptAll = async (worker: Worker) => {
    for (const r of [...worker.active])
      if (r.status === 'pending') await engine.instruct(ws, r.sid, { kind: 'accept' });
  };
  // Fill every worker (accepting as we go), then 10,000 more tasks wait with nobody free to take them.
  for (let i = 0; i < WORKERS + PENDING; i++) {
    newTask();
    if (i % 1000 === 0) await clock.advance(1000);
  }
  for (const w of workers) await acceptAll(w);
  const pendingAtStart = [...engine.workspace(ws).tasks.values()].filter(
    (t) => t.status === 'pending',
  ).length;

  const place: number[] = [];
  const react: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    // A worker finishes and steps away (untimed), then comes back: time its pick among 10,000 tasks.
    const worker = workers[(i * 37) % WORKERS] as Worker;
    const held = [...worker.active][0];
    if (held) engine.updateTask(ws, held.task.sid, { assignmentStatus: 'completed', reason: 'done' });
    engine.updateWorker(ws, worker.sid, { activitySid: offline });
    let t0 = performance.now();
    engine.updateWorker(ws, worker.sid, { activitySid: available });
    react.push(performance.now() - t0);
    if (worker.active.size !== 1) throw new Error('the worker did not get a task');
    await acceptAll(worker);
    // Keep 10,000 waiting: place one more task, timed.
    t0 = performance.now();
    newTask();
    place.push(performance.now() - t0);
  }
  const result = {
    benchmark: 'taskrouter-engine',
    date: new Date().toISOString(),
    node: process.version,
    setup: { queues: QUEUES, workers: WORKERS, pending_tasks: pendingAtStart, queues_per_worker: 2 },
    place_task: summary(place),
    worker_available: summary(react),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/taskrouter-engine.json', `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
