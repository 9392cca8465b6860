// Workflow routing in the TaskRouter twin: filters, targets, timeouts, skip_if, known worker, order_by,
// priorities and queue order, each against the reference section it follows.
import { describe, expect, it } from 'vitest';
import { bench, reservedTo } from './support.js';

describe('workflow filters', () => {
  it('takes the first matching filter, top to bottom, and default_filter when none matches', () => {
    // docs/twilio-behaviour.md §4.5: filters are evaluated top to bottom and the first match wins; else default_filter
    const b = bench();
    const zh = b.queue('zh', "languages HAS 'zh'");
    const billing = b.queue('billing', "skills HAS 'billing'");
    const everyone = b.queue('everyone');
    b.workflow({
      filters: [
        { filter_friendly_name: 'zh', expression: "language == 'zh'", targets: [{ queue: zh.sid }] },
        {
          filter_friendly_name: 'billing',
          expression: "ivr_choice == 'billing'",
          targets: [{ queue: billing.sid }],
        },
      ],
      default_filter: { queue: everyone.sid },
    });
    const both = b.task({ language: 'zh', ivr_choice: 'billing' });
    const onlyBilling = b.task({ language: 'en', ivr_choice: 'billing' });
    const neither = b.task({ language: 'en' });
    expect(both.routing?.queue).toBe(zh);
    expect(onlyBilling.routing?.queue).toBe(billing);
    expect(neither.routing?.queue).toBe(everyone);
    expect(neither.routing?.filterIndex).toBe(-1);
  });

  it('re-routes a pending task whose attributes change', () => {
    // docs/twilio-behaviour.md §4.7 (Update: Attributes) with §4.5 filters
    const b = bench();
    const vip = b.queue('vip');
    const normal = b.queue('normal');
    b.workflow({
      filters: [{ expression: 'vip == true', targets: [{ queue: vip.sid }] }],
      default_filter: { queue: normal.sid },
    });
    const task = b.task({ vip: false });
    expect(task.routing?.queue).toBe(normal);
    b.engine.updateTask(b.ws, task.sid, { attributes: JSON.stringify({ vip: true }) });
    expect(task.routing?.queue).toBe(vip);
  });
});

describe('workflow updates', () => {
  it('ReEvaluateTasks sends waiting tasks through the new configuration', () => {
    // docs/twilio-behaviour.md §4.5: ReEvaluateTasks=true reruns pending Tasks through the new configuration
    const b = bench();
    const [oldQ, newQ] = [b.queue('old'), b.queue('new')];
    const wf = b.workflow({ filters: [], default_filter: { queue: oldQ.sid } });
    const task = b.task();
    const config = JSON.stringify({ task_routing: { filters: [], default_filter: { queue: newQ.sid } } });
    b.engine.updateWorkflow(b.ws, wf.sid, { configuration: config });
    expect(task.routing?.queue).toBe(oldQ);
    b.engine.updateWorkflow(b.ws, wf.sid, { configuration: config, reEvaluateTasks: true });
    expect(task.routing?.queue).toBe(newQ);
  });

  it('rejects a configuration naming an unknown queue or a malformed expression', () => {
    // docs/twilio-behaviour.md §4.5 (queue values must be real WQ SIDs) and §4.6 (clear parse errors)
    const b = bench();
    const q = b.queue('q');
    expect(() => b.workflow({ filters: [{ expression: '1==1', targets: [{ queue: 'WQnope' }] }] })).toThrow(
      /not a TaskQueue/,
    );
    expect(() =>
      b.workflow({ filters: [{ expression: "lang == 'zh' AND", targets: [{ queue: q.sid }] }] }),
    ).toThrow(/Invalid filter expression/);
  });
});

describe('targets', () => {
  it('measures target timeouts cumulatively from the task age', async () => {
    // docs/twilio-behaviour.md §4.5: targets Q1(10), Q2(10), Q3(10): the task leaves Q2 once its age reaches 20 s
    const b = bench();
    const [q1, q2, q3] = [b.queue('q1'), b.queue('q2'), b.queue('q3')];
    b.workflow({
      filters: [
        {
          expression: '1==1',
          targets: [
            { queue: q1.sid, timeout: 10 },
            { queue: q2.sid, timeout: 10 },
            { queue: q3.sid, timeout: 10 },
          ],
        },
      ],
    });
    const task = b.task();
    expect(task.routing?.queue).toBe(q1);
    await b.clock.advance(9_999);
    expect(task.routing?.queue).toBe(q1);
    await b.clock.advance(1);
    expect(task.routing?.queue).toBe(q2);
    await b.clock.advance(9_999);
    expect(task.routing?.queue).toBe(q2);
    await b.clock.advance(1);
    expect(task.routing?.queue).toBe(q3);
    // The last target's timeout takes the task out of the workflow.
    await b.clock.advance(10_000);
    expect(task.status).toBe('canceled');
    expect(b.events()).toContain('workflow.timeout');
    expect(b.events().filter((e) => e === 'task-queue.timeout')).toHaveLength(3);
  });

  it('does not move a task while a reservation is pending, and moves it when the reservation ends', async () => {
    // docs/twilio-behaviour.md §4.5 with §4.7: reservation timer restarts from zero; target age keeps counting
    const b = bench();
    const [q1, q2] = [b.queue('q1'), b.queue('q2')];
    b.workflow(
      { filters: [{ expression: '1==1', targets: [{ queue: q1.sid, timeout: 10 }, { queue: q2.sid }] }] },
      { taskReservationTimeout: 30 },
    );
    b.worker('alice');
    const task = b.task();
    expect(task.status).toBe('reserved');
    await b.clock.advance(15_000);
    expect(task.routing?.queue).toBe(q1);
    const r = task.reservations[0];
    if (!r) throw new Error('no reservation');
    await b.engine.instruct(b.ws, r.sid, { kind: 'reject' });
    expect(task.routing?.queue).toBe(q2);
  });

  it('checks skip_if only when no reservation is made on entering the step', () => {
    // docs/twilio-behaviour.md §4.5: skip_if is checked only if no Reservation is created immediately
    const b = bench();
    const [sales, overflow] = [b.queue('sales', "team == 'sales'"), b.queue('overflow')];
    b.workflow({
      filters: [
        {
          expression: '1==1',
          targets: [
            { queue: sales.sid, timeout: 60, skip_if: 'workers.available == 0' },
            { queue: overflow.sid },
          ],
        },
      ],
    });
    b.worker('sales-off', { team: 'sales' }, false);
    const skipped = b.task();
    expect(skipped.routing?.queue).toBe(overflow);
    b.worker('bob', { team: 'sales' });
    // Bob takes the waiting overflow task at once, so the next task gets no reservation on entering
    // sales; skip_if is then checked but is false (Bob's activity is available), so it stays.
    expect(reservedTo(skipped)).toEqual(['bob']);
    const kept = b.task();
    expect(kept.status).toBe('pending');
    expect(kept.routing?.queue).toBe(sales);
  });

  it('skip_if on the last step takes the task out of the workflow', () => {
    // docs/twilio-behaviour.md §4.5: a skip_if firing on the final step removes the task (workflow.skipped)
    const b = bench();
    const q = b.queue('q');
    b.workflow({
      filters: [{ expression: '1==1', targets: [{ queue: q.sid, skip_if: 'workers.available == 0' }] }],
    });
    const task = b.task();
    expect(task.status).toBe('canceled');
    expect(b.events()).toContain('workflow.skipped');
  });

  it('routes to the known worker named by known_worker_sid and no one else', () => {
    // docs/twilio-behaviour.md §4.5: known_worker_sid resolves to a Worker SID from the task
    const b = bench();
    const q = b.queue('q');
    b.workflow({
      filters: [{ expression: '1==1', targets: [{ queue: q.sid, known_worker_sid: 'task.preferred' }] }],
    });
    b.worker('alice');
    const bob = b.worker('bob');
    const task = b.task({ preferred: bob.sid });
    expect(reservedTo(task)).toEqual(['bob']);
  });

  it('waits for the target timeout when the known worker is not free, then moves on', async () => {
    // docs/twilio-behaviour.md §4.5: known_worker_sid target with a timeout, then the next target
    const b = bench();
    const q = b.queue('q');
    b.workflow({
      filters: [
        {
          expression: '1==1',
          targets: [{ queue: q.sid, known_worker_sid: 'task.preferred', timeout: 20 }, { queue: q.sid }],
        },
      ],
    });
    const bob = b.worker('bob', {}, false);
    b.worker('alice', {}, false);
    const task = b.task({ preferred: bob.sid });
    await b.clock.advance(20_000);
    expect(task.routing?.targetIndex).toBe(1);
    b.setAvailable(b.engine.workspace(b.ws).workersByName.get('alice') ?? bob, true);
    expect(reservedTo(task)).toEqual(['alice']);
  });

  it('known_worker_friendly_name matches the name case-insensitively', () => {
    // docs/twilio-behaviour.md §4.5 known_worker_friendly_name with §4.3 (names unique case-insensitively)
    const b = bench();
    const q = b.queue('q');
    b.workflow({
      filters: [
        { expression: '1==1', targets: [{ queue: q.sid, known_worker_friendly_name: 'task.agent' }] },
      ],
    });
    b.worker('Alice');
    b.worker('Bob');
    expect(reservedTo(b.task({ agent: 'bob' }))).toEqual(['Bob']);
  });

  it('orders candidate workers by order_by, then longest idle', async () => {
    // docs/twilio-behaviour.md §4.5: order_by e.g. worker.level DESC
    const b = bench();
    const q = b.queue('q');
    b.workflow({
      filters: [{ expression: '1==1', targets: [{ queue: q.sid, order_by: 'worker.level DESC' }] }],
    });
    b.worker('junior', { level: 1 });
    await b.clock.advance(1000);
    b.worker('senior', { level: 5 });
    b.worker('mid', { level: 3 });
    expect(reservedTo(b.task())).toEqual(['senior']);
    expect(reservedTo(b.task())).toEqual(['mid']);
  });

  it('applies the target expression between task and worker', () => {
    // docs/twilio-behaviour.md §4.6: target expressions prefix keys with task. or worker.
    const b = bench();
    const q = b.queue('q');
    b.workflow({
      filters: [
        { expression: '1==1', targets: [{ queue: q.sid, expression: 'task.language IN worker.languages' }] },
      ],
    });
    b.worker('en', { languages: ['en'] });
    b.worker('zh', { languages: ['zh', 'en'] });
    expect(reservedTo(b.task({ language: 'zh' }))).toEqual(['zh']);
  });

  it('target priority overrides the task priority while in that target', () => {
    // docs/twilio-behaviour.md §4.5: priority overrides the Task's priority in this target
    const b = bench();
    const q = b.queue('q');
    b.workflow({ filters: [{ expression: '1==1', targets: [{ queue: q.sid, priority: 50 }] }] });
    const task = b.task({}, { priority: 1 });
    expect(task.routing?.priority).toBe(50);
  });
});

describe('ordering', () => {
  function orderBench(taskOrder: 'FIFO' | 'LIFO') {
    const b = bench();
    const q = b.queue('q', undefined, { taskOrder });
    b.workflow({ filters: [], default_filter: { queue: q.sid } });
    return b;
  }

  it('gives a freed worker the highest priority task first, then the oldest (FIFO)', async () => {
    // docs/twilio-behaviour.md §4.4: task_order FIFO default; priority first
    const b = orderBench('FIFO');
    const alice = b.worker('alice', {}, false);
    const old = b.task({ n: 1 }, { priority: 1 });
    await b.clock.advance(1000);
    b.task({ n: 2 }, { priority: 1 });
    await b.clock.advance(1000);
    const urgent = b.task({ n: 3 }, { priority: 9 });
    b.setAvailable(alice, true);
    expect(reservedTo(urgent)).toEqual(['alice']);
    const r = urgent.reservations[0];
    if (!r) throw new Error('no reservation');
    await b.engine.instruct(b.ws, r.sid, { kind: 'accept' });
    b.engine.updateTask(b.ws, urgent.sid, { assignmentStatus: 'completed', reason: 'done' });
    expect(reservedTo(old)).toEqual(['alice']);
  });

  it('takes the newest task first in a LIFO queue', async () => {
    // docs/twilio-behaviour.md §4.4: task_order LIFO
    const b = orderBench('LIFO');
    const alice = b.worker('alice', {}, false);
    b.task({ n: 1 });
    await b.clock.advance(1000);
    const newest = b.task({ n: 2 });
    b.setAvailable(alice, true);
    expect(reservedTo(newest)).toEqual(['alice']);
  });

  it('offers a new task to the longest idle of the free workers', async () => {
    // docs/twilio-behaviour.md §4.10: channel_optimized_routing/longest idle; [K] for the exact idle clock
    const b = orderBench('FIFO');
    const first = b.worker('first', {}, false);
    const second = b.worker('second', {}, false);
    b.setAvailable(second, true);
    await b.clock.advance(5000);
    b.setAvailable(first, true);
    expect(reservedTo(b.task())).toEqual(['second']);
  });
});
