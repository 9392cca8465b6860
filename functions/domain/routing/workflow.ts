// Turns routing data into TaskRouter documents: queue target expressions, the workflow configuration
// (owner agent first, then region and language match, overflow), worker attributes from users and task
// attributes from an IVR transfer. Pure, so the validator and the tests read exactly what is provisioned.
import { SKILL_LEVEL, type User } from '../model.js';
import type { QueueDefinition, RoutingConfig } from './types.js';

/** TaskRouter expressions cannot read hyphenated values (docs/twilio-behaviour.md §4.3): `east-china` -> `east_china`. */
export const routingValue = (value: string): string => value.replace(/-/g, '_');

export function regionOf(phone: string, routing: Pick<RoutingConfig, 'regionsByPrefix'>): string | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(routing.regionsByPrefix))
    if (phone.startsWith(prefix) && (!best || prefix.length > best.length)) best = prefix;
  return best ? routing.regionsByPrefix[best] : undefined;
}

export const queueExpression = (queue: QueueDefinition): string => `skills HAS '${queue.name}'`;

export interface WorkflowTarget {
  readonly queue: string;
  readonly expression?: string;
  readonly timeout?: number;
  readonly order_by?: string;
  readonly known_worker_friendly_name?: string;
}
export interface WorkflowFilter {
  readonly filter_friendly_name: string;
  readonly expression: string;
  readonly targets: readonly WorkflowTarget[];
}
export interface WorkflowConfiguration {
  readonly task_routing: {
    readonly filters: readonly WorkflowFilter[];
    readonly default_filter: { readonly queue: string };
  };
}

const LANGUAGE = 'task.language IN worker.languages';
const REGION = `${LANGUAGE} AND (task.has_region == false OR task.region IN worker.regions)`;

/** The worker attribute holding the agent's level in a skill (flat: order_by keys are plain paths). */
export const levelAttribute = (skill: string): string => `level_${routingValue(skill)}`;

/**
 * Who of a queue's free agents is offered a caller first: the most proficient in the queue's skill, then
 * by the queue's strategy (fewest calls today), then, as TaskRouter does on a tie, the longest idle.
 */
function orderOf(queue: QueueDefinition): { order_by: string } {
  const level = `worker.${levelAttribute(queue.name)} DESC`;
  return { order_by: queue.strategy === 'fewest-calls' ? `${level}, worker.calls_today ASC` : level };
}

function groupTargets(
  routing: RoutingConfig,
  queue: QueueDefinition,
  sid: (q: string) => string,
  after: number,
) {
  const order = orderOf(queue);
  const overflow = routing.queues.find((q) => q.name === queue.overflow);
  const regionTimeout = Math.min(routing.regionSeconds, routing.overflowAfterSeconds - after);
  const targets: WorkflowTarget[] = [
    { queue: sid(queue.name), expression: REGION, timeout: regionTimeout, ...order },
    {
      queue: sid(queue.name),
      expression: LANGUAGE,
      ...(overflow ? { timeout: routing.overflowAfterSeconds - after - regionTimeout } : {}),
      ...order,
    },
  ];
  if (overflow) {
    targets.push({ queue: sid(overflow.name), expression: LANGUAGE, ...orderOf(overflow) });
  }
  return targets;
}

/** `sid(name)` gives a queue's SID (or its name, for validation and diagrams). */
export function workflowConfiguration(
  routing: RoutingConfig,
  sid: (queue: string) => string,
): WorkflowConfiguration {
  const filters: WorkflowFilter[] = [];
  // A caller picked from the live queue: the picking agent first, by name, in a queue they belong to
  // (`pick_queue`), for one ring; should that ring go unanswered the caller goes on to that queue's
  // agents. A boolean and a queue name, because filter expressions compare plain attribute values.
  const pickRing = routing.ringSeconds + 5;
  for (const queue of routing.queues)
    filters.push({
      filter_friendly_name: `${queue.name} (picked by an agent)`,
      expression: `picked == true AND pick_queue == '${queue.name}'`,
      targets: [
        { queue: sid(queue.name), known_worker_friendly_name: 'task.picked_by', timeout: pickRing },
        ...groupTargets(routing, queue, sid, pickRing),
      ],
    });
  // A transfer to one agent (Flex's pattern): their worker by SID, in a queue they belong to, for one ring.
  // A warm transfer waits only for them (it is a consult); a cold one then goes to the rest of the queue.
  const transferRing = routing.ringSeconds + 5;
  for (const queue of routing.queues) {
    const colleague = {
      queue: sid(queue.name),
      known_worker_sid: 'task.transferTargetSid',
      timeout: transferRing,
    };
    filters.push(
      {
        filter_friendly_name: `${queue.name} (cold transfer to an agent)`,
        expression: `queue == '${queue.name}' AND transferTargetType == 'worker' AND transfer_mode == 'cold'`,
        targets: [colleague, ...groupTargets(routing, queue, sid, transferRing)],
      },
      {
        filter_friendly_name: `${queue.name} (warm transfer to an agent)`,
        expression: `queue == '${queue.name}' AND transferTargetType == 'worker'`,
        targets: [colleague],
      },
    );
  }
  for (const queue of routing.queues) {
    if (queue.ownerFirst !== false)
      filters.push({
        filter_friendly_name: `${queue.name} (owner agent first)`,
        expression: `queue == '${queue.name}' AND has_owner == true`,
        targets: [
          {
            queue: sid(queue.name),
            known_worker_friendly_name: 'task.owner_agent',
            timeout: routing.ownerAgentSeconds,
          },
          ...groupTargets(routing, queue, sid, routing.ownerAgentSeconds),
        ],
      });
    filters.push({
      filter_friendly_name: queue.name,
      expression: `queue == '${queue.name}'`,
      targets: groupTargets(routing, queue, sid, 0),
    });
  }
  return { task_routing: { filters, default_filter: { queue: sid('general') } } };
}

export interface WorkerAttributes {
  readonly agent_id: string;
  readonly name: string;
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly regions: readonly string[];
  readonly contact_uri: string;
  readonly calls_today: number;
  readonly calls_day: string;
  /** One per skill held ({@link levelAttribute}), the default for a skill never graded. */
  readonly [level: `level_${string}`]: number;
}

export function workerAttributes(user: User, callsToday = 0, day = ''): WorkerAttributes {
  const levels = Object.fromEntries(
    user.skills.map((skill) => [levelAttribute(skill), user.skillLevels?.[skill] ?? SKILL_LEVEL.default]),
  );
  return {
    ...levels,
    agent_id: user.id,
    name: user.name,
    skills: user.skills,
    languages: user.languages,
    regions: user.regions.map(routingValue),
    contact_uri: `client:${user.id}`,
    calls_today: callsToday,
    calls_day: day,
  };
}

/** The session variable that marks a whitelisted caller for the rest of the call (the queue's limit, the pop). */
export const TRUSTED_VAR = 'trusted';

/** The task an IVR transfer creates: priority from VIP tier and the state, attributes for the workflow. */
export function taskFor(
  routing: RoutingConfig,
  input: {
    readonly queue: string;
    readonly flow: string;
    readonly language: string;
    readonly caller: string;
    readonly called: string;
    readonly priority: number;
    readonly vars: Readonly<Record<string, string>>;
    readonly extra?: Readonly<Record<string, string | number | boolean>>;
  },
): { priority: number; attributes: Record<string, string | number | boolean> } {
  const v = input.vars;
  const vip = (v.vip ?? 'none') as keyof RoutingConfig['vipPriority'];
  const region = v.region ?? regionOf(input.caller, routing);
  const attributes: Record<string, string | number | boolean> = {
    type: 'inbound',
    queue: input.queue,
    flow: input.flow,
    language: input.language,
    vip,
    has_owner: Boolean(v.ownerAgent),
    has_region: Boolean(region),
    ...(v.ownerAgent ? { owner_agent: v.ownerAgent } : {}),
    ...(region ? { region: routingValue(region) } : {}),
    ...(v.customerId ? { customer_id: v.customerId } : {}),
    ...(v.customerName ? { customer_name: v.customerName } : {}),
    ...(v.policyNumber ? { policy_number: v.policyNumber } : {}),
    ...(v.ticketNumber ? { ticket_number: v.ticketNumber } : {}),
    // The agent's screen says so: a fleet partner or an emergency contact is never to be turned away.
    ...(v[TRUSTED_VAR] === 'yes' ? { whitelisted: true } : {}),
    ...input.extra,
  };
  return { priority: input.priority + (routing.vipPriority[vip] ?? 0), attributes };
}

/**
 * The customer's number on a task: a campaign contact's `customer_number` or a callback's
 * `callback_number` (on both, `from` is the center's own number calling out), else the caller TaskRouter
 * put on an enqueued call (`from`, or `caller`).
 */
export function customerNumberOf(attributes: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of ['customer_number', 'callback_number', 'from', 'caller']) {
    const value = attributes[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** Estimated wait in whole minutes (at least 1) for the caller at `position`. */
export function estimatedWaitMinutes(position: number, averageHandleSeconds: number): number {
  return Math.max(1, Math.ceil((Math.max(1, position) * averageHandleSeconds) / 60));
}
