// Request and response shapes of the supervisor console API (/api/supervisor/*).
import { z } from '@hono/zod-openapi';
import { AGENT_STATES } from '../../domain/wallboard-rules.js';

export const QueueBoardSchema = z
  .object({
    queue: z.string(),
    waiting: z.number().int(),
    longestWaitSeconds: z.number(),
    availableAgents: z.number().int(),
    answeredToday: z.number().int(),
    abandonedToday: z.number().int(),
    missedToday: z.number().int().openapi({
      description: "Today's offers in this queue that rang out or were declined (the caller went on).",
    }),
    serviceLevelSeconds: z.number().int().openapi({
      description: "The queue's service-level threshold (setting `service-levels`, default 20 s).",
    }),
    serviceLevelToday: z.number().nullable().openapi({
      description:
        "Share of today's offered calls accepted within the threshold; callers who hung up before it do not count as offered. Null before any.",
    }),
  })
  .openapi('QueueBoard');

export const AgentBoardSchema = z
  .object({
    agentId: z.string(),
    name: z.string().optional(),
    workerSid: z.string(),
    state: z.string().openapi({
      description:
        'On the wallboard, one of ' +
        AGENT_STATES.join(', ') +
        '; from the activity and the reservations held: Ringing (an offer), On call (accepted), Wrap-up, Missed (an offer timed out and moved them Offline), Away (Busy, Break), Offline, Available.',
    }),
    activity: z.string().optional().openapi({ description: 'The TaskRouter activity name.' }),
    since: z.string().optional(),
    secondsInState: z.number().optional(),
    breakReason: z.string().optional(),
    online: z.boolean().openapi({ description: 'A heartbeat arrived within the last 30 s.' }),
    missedToday: z.number().int().optional().openapi({
      description:
        "On the wallboard: today's offers this agent let ring out, declined or lost with the page.",
    }),
    call: z
      .object({
        taskSid: z.string(),
        status: z.enum(['live', 'ringing', 'wrapping']).openapi({
          description: 'Whether the call is live, still ringing the agent, or in their wrap-up.',
        }),
        direct: z.boolean().optional().openapi({
          description:
            'A callback or previewed campaign call: the agent is bridged straight to the customer, with no conference to listen to.',
        }),
        callSid: z.string().optional(),
        from: z.string().optional(),
        queue: z.string().optional(),
      })
      .optional(),
  })
  .openapi('AgentBoard');

export const WallboardSchema = z
  .object({
    at: z.string(),
    queues: z.array(QueueBoardSchema).readonly(),
    agents: z.array(AgentBoardSchema).readonly(),
    cached: z
      .boolean()
      .openapi({ description: 'Served from the few-second cache shared by all supervisors.' }),
  })
  .openapi('Wallboard');

export const MonitorBody = z
  .object({
    mode: z.enum(['monitor', 'whisper', 'barge']).openapi({
      description: 'monitor: listen muted; whisper: only the agent hears you; barge: everyone hears you.',
    }),
  })
  .openapi('MonitorRequest');

export const SupervisorCallSchema = z
  .object({
    callSid: z.string(),
    conferenceSid: z.string(),
    supervisorCallSid: z
      .string()
      .optional()
      .openapi({ description: "The supervisor's own leg (client:<id>)." }),
    mode: z.string(),
  })
  .openapi('SupervisorCallResult');

export const ForceStateBody = z
  .object({ state: z.enum(['Available', 'Busy', 'Offline']), reason: z.string().max(200).optional() })
  .openapi('ForceStateRequest');

export const AgentParam = z.object({
  agentId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'agentId', in: 'path' }, example: '1001' }),
});

export const RequestIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const DecisionBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    note: z.string().max(500).optional(),
    action: z.enum(['message', 'reject']).optional(),
  })
  .openapi('BlacklistDecision');
