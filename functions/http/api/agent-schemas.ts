// Request and response shapes of the agent desktop API (/api/agent/*, /api/queue, /api/calls/{sid}/wrap-up,
// /api/blacklist-requests). The browser app codes against these; docs/agent-api.md lists them in prose.
import { z } from '@hono/zod-openapi';

export const AGENT_STATES = ['Available', 'Busy', 'Break', 'Wrap-up', 'Offline'] as const;
export const AgentStateSchema = z.enum(AGENT_STATES).openapi('AgentState');

export const TokenBody = z
  .object({
    ttlSeconds: z
      .number()
      .int()
      .min(60)
      .max(86_400)
      .optional()
      .openapi({ description: 'Token lifetime; default 3600, at most 86400 (Twilio limit).' }),
  })
  .openapi('AgentTokenRequest');

export const TokenSchema = z
  .object({
    token: z
      .string()
      .openapi({ description: 'Twilio Access Token (JWT) with VoiceGrant and TaskRouterGrant.' }),
    identity: z.string().openapi({ description: 'The client identity: calls ring `client:<identity>`.' }),
    expiresAt: z.string(),
    ttlSeconds: z.number().int().openapi({
      description:
        "The token's lifetime: the page times its refresh by it, not by its own clock against expiresAt.",
    }),
    mode: z.enum(['twilio', 'local']),
    linkUrl: z
      .string()
      .optional()
      .openapi({ description: 'Local mode: the agent link WebSocket; connect with `?token=<token>`.' }),
    workerSid: z.string().optional(),
    workspaceSid: z.string().optional(),
  })
  .openapi('AgentToken');

export const ReservationSchema = z
  .object({
    reservationSid: z.string(),
    taskSid: z.string(),
    status: z.string().openapi({ description: 'pending, accepted, wrapping, ...' }),
    queue: z.string().optional(),
    callSid: z.string().optional().openapi({ description: "The customer's call." }),
    from: z.string().optional(),
    vip: z.string().optional(),
    taskAttributes: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: "A pending offer's task attributes: what the IVR found about the caller." }),
  })
  .openapi('AgentReservation');

export const TransferViewSchema = z
  .object({
    taskSid: z.string().openapi({ description: 'The transfer task offered to the colleague or queue.' }),
    role: z
      .enum(['sender', 'receiver'])
      .openapi({ description: 'I started it, or it brought the call to me.' }),
    mode: z.enum(['warm', 'cold']),
    status: z.enum(['offered', 'accepted', 'declined', 'no-answer', 'completed', 'canceled']).openapi({
      description:
        'offered: ringing the colleague; accepted: they joined; declined or no-answer: cancel to take the customer back.',
    }),
    fromAgent: z.string(),
    toAgent: z.string().optional(),
    queue: z.string().optional(),
    notes: z.string().optional().openapi({ description: "The first agent's notes so far." }),
  })
  .openapi('AgentTransfer');

const CallCustomerSchema = z
  .object({
    number: z.string().optional().openapi({ description: "The customer's number, E.164." }),
    customerId: z.string().optional(),
    ticketNumber: z.string().optional().openapi({ description: 'The ticket the call is about.' }),
  })
  .openapi('AgentCallCustomer', { description: 'Who the call is with, as the server knows it.' });

export const CurrentCallSchema = z
  .object({
    taskSid: z.string(),
    callSid: z.string().openapi({ description: "The customer's call." }),
    conferenceSid: z.string().optional(),
    agentCallSid: z.string().optional().openapi({ description: "The agent's own leg in the conference." }),
    connectedAt: z
      .string()
      .optional()
      .openapi({ description: "When the agent's leg was answered: what the desk's call timer counts from." }),
    onHold: z.boolean(),
    muted: z.boolean(),
    participants: z
      .array(
        z.object({
          callSid: z.string(),
          label: z.string().optional(),
          hold: z.boolean(),
          muted: z.boolean(),
        }),
      )
      .readonly()
      .openapi({ description: "The call's parties; a supervisor listening silently is not among them." }),
    supervisor: z
      .object({ id: z.string(), mode: z.enum(['whisper', 'barge']) })
      .optional()
      .openapi({
        description:
          'A supervisor the agent hears: `whisper` speaks to the agent alone, `barge` to everyone on the call.',
      }),
    transfer: TransferViewSchema.optional(),
    customer: CallCustomerSchema.optional(),
  })
  .openapi('AgentCurrentCall');

export const AgentStatusSchema = z
  .object({
    agentId: z.string(),
    workerSid: z.string(),
    state: z.string().openapi({
      description:
        'Derived: `On call` while my call is live (its conference is up), else the TaskRouter activity name: Available, Busy, Break, Wrap-up, Offline.',
    }),
    activity: z.string().optional().openapi({ description: 'The TaskRouter activity name.' }),
    available: z.boolean(),
    breakReason: z.string().optional(),
    since: z.string().optional().openapi({ description: 'When the current state began.' }),
    wrapUpEndsAt: z.string().optional(),
    skills: z
      .array(z.string())
      .readonly()
      .openapi({ description: 'Skill groups the agent is signed in to.' }),
    allSkills: z
      .array(z.string())
      .readonly()
      .openapi({ description: 'Skill groups the agent may sign in to.' }),
    reservations: z.array(ReservationSchema).readonly(),
    call: CurrentCallSchema.optional(),
    taskCall: z
      .object({
        taskSid: z.string(),
        callSid: z
          .string()
          .optional()
          .openapi({ description: "The customer's call the wrap-up is saved on." }),
        customer: CallCustomerSchema.optional(),
      })
      .optional()
      .openapi({
        description:
          "The customer's call of my callback (no conference) or of the task I am wrapping up: what the desk saves on.",
      }),
    internalCall: z
      .object({
        role: z.enum(['caller', 'callee']),
        peer: z.object({ id: z.string(), name: z.string(), number: z.string() }),
        status: z.enum(['ringing', 'in-progress', 'declined', 'no-answer', 'ended', 'failed']),
        since: z.string(),
      })
      .optional()
      .openapi({
        description:
          'My call with a colleague (no customer): live while ringing or in progress, then its outcome for two minutes.',
      }),
    heartbeatExpiresAt: z.string().optional(),
    at: z.string().optional().openapi({ description: "The center's clock when this answer was made." }),
  })
  .openapi('AgentStatus');

export const StateBody = z
  .object({
    state: z.enum(['Available', 'Busy', 'Break', 'Offline']),
    reason: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Break reason (lunch, training, ...).' }),
  })
  .openapi('AgentStateRequest');

export const SkillsBody = z
  .object({ skills: z.array(z.string().min(1).max(40)).max(20) })
  .openapi('AgentSkillsRequest');

export const HeartbeatSchema = z
  .object({
    expiresAt: z.string(),
    state: z.string().optional().openapi({
      description:
        'My activity, sent when the heartbeat before this one had lapsed (the sweep may have moved me).',
    }),
    intervalSeconds: z.number().int(),
  })
  .openapi('AgentHeartbeat');

export const ReservationParam = z.object({
  sid: z
    .string()
    .regex(/^WR[0-9a-f]{32}$/)
    .openapi({ param: { name: 'sid', in: 'path' }, example: `WR${'0'.repeat(32)}` }),
});

export const RejectBody = z.object({ reason: z.string().max(200).optional() }).openapi('RejectRequest');

export const AcceptBody = z
  .object({
    ringAgain: z.boolean().optional().openapi({
      description:
        'The page lost the ring of this offer (it reloaded while the call rang): ring me again if nothing rings me now.',
    }),
  })
  .openapi('AcceptRequest');

export const AcceptSchema = z
  .object({
    reservationSid: z.string(),
    taskSid: z.string(),
    callSid: z.string().optional(),
    conference: z.string().optional().openapi({ description: 'A call: the conference I am joined in.' }),
    work: z
      .object({ channel: z.enum(['sms', 'fax']), phone: z.string().optional() })
      .optional()
      .openapi({ description: 'A text conversation or a fax, mine to answer; nothing rings.' }),
  })
  .openapi('AcceptResult');

export const HoldBody = z.object({ hold: z.boolean() }).openapi('HoldRequest');
export const MuteBody = z.object({ muted: z.boolean() }).openapi('MuteRequest');

export const TransferTarget = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('agent'), agentId: z.string().min(1).max(64) }),
    z.object({ type: z.literal('queue'), queue: z.string().min(1).max(64) }),
    z.object({
      type: z.literal('number'),
      number: z.string().min(3).max(32).openapi({ description: 'Needs the external-transfer permission.' }),
    }),
  ])
  .openapi('TransferTarget');

export const TransferBody = z
  .object({
    mode: z.enum(['cold', 'warm']).openapi({
      description: 'cold: the target is added and you leave; warm: the customer is held while you consult.',
    }),
    target: TransferTarget,
    notes: z
      .string()
      .max(4000)
      .optional()
      .openapi({ description: 'My notes so far, shown to the agent who takes the call.' }),
  })
  .openapi('TransferRequest');

export const ConferenceBody = z.object({ target: TransferTarget }).openapi('ConferenceRequest');

export const CallActionSchema = z
  .object({
    callSid: z.string(),
    conferenceSid: z.string().optional(),
    participantCallSid: z.string().optional().openapi({ description: 'A participant the action added.' }),
    taskSid: z.string().optional(),
    transferTaskSid: z
      .string()
      .optional()
      .openapi({ description: 'The task a transfer to an agent offered them.' }),
  })
  .openapi('CallActionResult');

export const DialBody = z
  .object({
    to: z.string().min(3).max(32),
    callerId: z
      .string()
      .min(3)
      .max(32)
      .optional()
      .openapi({ description: 'One of our numbers; default the first hotline.' }),
  })
  .openapi('DialRequest');

export const InternalCallBody = z
  .object({
    number: z
      .string()
      .trim()
      .regex(/^\d{2,8}$/, '2-8 digits')
      .openapi({ description: "A colleague's agent number: their extension, or their agent id." }),
  })
  .strict()
  .openapi('InternalCallRequest');

export const InternalCallSchema = z
  .object({
    callSid: z.string().openapi({ description: 'My leg, which rings me first.' }),
    agentId: z.string().openapi({ description: 'The colleague the number names.' }),
  })
  .openapi('InternalCallResult');

export const WrapUpBody = z
  .object({
    disposition: z.string().min(1).max(60).optional(),
    notes: z.string().max(4000).optional(),
  })
  // A misspelt field would otherwise be dropped and the save answered as done.
  .strict()
  .openapi('CallWrapUpRequest');

const LabelSchema = z
  .object({ zh: z.string().optional(), en: z.string().optional() })
  .openapi('Label', { description: 'Text in each language of the hotline.' });

export const DispositionSchema = z
  .object({ code: z.string(), label: LabelSchema })
  .openapi('Disposition', { description: 'A wrap-up code and what the agent reads for it.' });

export const CallDispositionsSchema = z
  .object({
    callSid: z.string(),
    hotline: z.string().openapi({ description: 'The center number the call came in on or went out from.' }),
    hotlineName: z.string(),
    flow: z.string(),
    dispositions: z.array(DispositionSchema).readonly(),
  })
  .openapi('CallDispositions');

export const AgentTextSchema = z
  .object({
    phone: z.string(),
    since: z.string().openapi({ description: 'When the conversation became mine.' }),
    customerId: z.string().optional(),
    customerName: z.string().optional(),
  })
  .openapi('AgentText');

export const MissedCallSchema = z
  .object({
    callSid: z.string(),
    taskSid: z.string().optional(),
    from: z.string(),
    at: z.string().openapi({ description: 'When the offer ended (ISO 8601, UTC).' }),
    time: z.string().openapi({ description: "The same, HH:MM:SS in the center's time zone." }),
    reason: z.enum(['timeout', 'declined', 'disconnected']),
    outcome: z.string().openapi({ description: 'The reason again (older clients read this field).' }),
    queue: z.string().optional(),
  })
  .openapi('MissedCall');

export const WaitingCallSchema = z
  .object({
    taskSid: z.string(),
    callSid: z.string().optional(),
    queue: z.string().optional(),
    from: z.string().optional(),
    customerId: z.string().optional(),
    vip: z.string().openapi({ description: 'none, silver, gold, platinum.' }),
    priority: z.number(),
    waitSeconds: z.number(),
    status: z.string().openapi({ description: 'pending (waiting) or reserved (ringing an agent).' }),
    ringingAgentId: z.string().optional(),
    reservationSid: z.string().optional(),
    channel: z.enum(['sms', 'fax']).optional().openapi({
      description: 'A text or fax waiting for an agent, not a caller: it goes to the next one free.',
    }),
  })
  .openapi('WaitingCall');

export const TaskParam = z.object({
  taskSid: z
    .string()
    .regex(/^WT[0-9a-f]{32}$/)
    .openapi({ param: { name: 'taskSid', in: 'path' }, example: `WT${'0'.repeat(32)}` }),
});

export const CallParam = z.object({
  callSid: z
    .string()
    .regex(/^CA[0-9a-f]{32}$/)
    .openapi({ param: { name: 'callSid', in: 'path' }, example: `CA${'0'.repeat(32)}` }),
});

export const BLACKLIST_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const BlacklistRequestBody = z
  .object({
    phone: z.string().min(3).max(32),
    reason: z.string().min(3).max(500),
    callSid: z.string().optional(),
  })
  .openapi('BlacklistRequestCreate');

export const BlacklistRequestSchema = z
  .object({
    id: z.string(),
    phone: z.string(),
    reason: z.string(),
    callSid: z.string().optional(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    status: z.enum(BLACKLIST_REQUEST_STATUSES),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    note: z.string().optional(),
  })
  .openapi('BlacklistRequest');
