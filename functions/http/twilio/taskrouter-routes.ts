// TaskRouter's callbacks: the assignment callback answers each reservation with an instruction (voice
// calls are dequeued to the agent's client, wrap-up activity after; callbacks make TaskRouter call the
// agent and then dial the customer), and the event callback is acknowledged as TaskRouter asks (204).
import { Hono } from 'hono';
import { routing } from '../../../flows/routing.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import type { IvrServices } from './ivr/ivr-services.js';
import { optionalParam, requiredParam } from './params.js';

function json(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function createTaskRouterApp(deps: WebhookDeps, services: IvrServices): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  const base = deps.config.publicBaseUrl;

  app.post('/assignment', async (c) => {
    const p = c.var.twilioParams;
    const taskSid = requiredParam(p, 'TaskSid');
    const workerSid = requiredParam(p, 'WorkerSid');
    const task = json(optionalParam(p, 'TaskAttributes'));
    const worker = json(optionalParam(p, 'WorkerAttributes'));
    const to = String(worker.contact_uri ?? '');
    const provisioned = await services.provisioned();
    if (task.type === 'callback') {
      const q = new URLSearchParams({
        to: String(task.callback_number ?? ''),
        from: String(task.from ?? ''),
      });
      return c.json({
        instruction: 'call',
        accept: true,
        from: String(task.from ?? ''),
        to,
        url: `${base}/twilio/ivr/callback-connect?${q.toString()}`,
      });
    }
    const callSid = typeof task.call_sid === 'string' ? task.call_sid : undefined;
    if (callSid) {
      const expires = new Date(deps.clock.now() + 24 * 3600_000).toISOString();
      await deps.store.keys.delete(`call-task#${callSid}`);
      await deps.store.keys.putIfAbsent(
        `call-task#${callSid}`,
        JSON.stringify({ taskSid, workerSid }),
        expires,
      );
      const agentId = typeof worker.agent_id === 'string' ? worker.agent_id : undefined;
      await deps.store.calls.update(callSid, {
        ...(agentId ? { agentId } : {}),
        ...(typeof task.queue === 'string' ? { queue: task.queue } : {}),
      });
    }
    const wrapUp = provisioned.activities[routing.roles.wrapUp];
    return c.json({
      instruction: 'dequeue',
      from: String(task.called ?? task.to ?? ''),
      to,
      timeout: String(routing.ringSeconds),
      ...(wrapUp ? { post_work_activity_sid: wrapUp } : {}),
    });
  });

  app.post('/events', (c) => c.body(null, 204, { 'Content-Type': 'application/json' }));

  return app;
}
