// Provisions routing (flows/routing.ts) into TaskRouter through the official client, idempotently:
// the workspace (posting only the events the app consumes), activities, one queue per skill, the
// workflow generated from the routing rules and a worker per agent. The workspace is found by the SID
// stored when it was created, never by name (two deployments may share an account and a workspace name);
// inside it, resources are found by name and updated only where they differ, so a re-run changes nothing.
// Returns the SIDs the
// app needs, which the caller stores as the `taskrouter` setting. The twin at local start and the CDK
// provisioning custom resource run this same function.
import { isDeepStrictEqual } from 'node:util';
import type { User } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../domain/routing/provisioned.js';
import type { RoutingConfig } from '../../domain/routing/types.js';
import { queueExpression, workerAttributes, workflowConfiguration } from '../../domain/routing/workflow.js';
import { isConsumedEventsFilter, TASKROUTER_EVENTS_FILTER } from '../../domain/taskrouter-events.js';
import type { AgentWorkerSync } from '../../domain/taskrouter-port.js';
import type { TwilioClient } from './client.js';

export interface ProvisionTaskRouterInput {
  readonly routing: RoutingConfig;
  /** Users with the agent role become workers (friendly name = user id). */
  readonly agents: readonly User[];
  /** Where TaskRouter reaches the app, e.g. https://cc.example.com. */
  readonly webhookBaseUrl: string;
  /** The workspace made by an earlier run; absent, or gone from the account, means a new one. */
  readonly workspaceSid?: string;
}

type WorkspaceInstance = Awaited<
  ReturnType<ReturnType<TwilioClient['taskrouter']['v1']['workspaces']>['fetch']>
>;

async function fetchWorkspace(
  client: TwilioClient,
  sid: string | undefined,
): Promise<WorkspaceInstance | undefined> {
  if (!sid) return undefined;
  try {
    return await client.taskrouter.v1.workspaces(sid).fetch();
  } catch (err) {
    if ((err as { status?: unknown } | null)?.status === 404) return undefined;
    throw err;
  }
}

export async function provisionTaskRouter(
  client: TwilioClient,
  input: ProvisionTaskRouterInput,
): Promise<ProvisionedRouting> {
  const { routing, webhookBaseUrl } = input;
  const tr = client.taskrouter.v1;
  const eventCallbackUrl = `${webhookBaseUrl}/twilio/taskrouter/events`;
  const found = await fetchWorkspace(client, input.workspaceSid);
  const workspace =
    found ??
    (await tr.workspaces.create({
      friendlyName: routing.workspace,
      eventCallbackUrl,
      eventsFilter: TASKROUTER_EVENTS_FILTER,
      multiTaskEnabled: true,
      prioritizeQueueOrder: 'FIFO',
    }));
  const ws = tr.workspaces(workspace.sid);

  const activities: Record<string, string> = {};
  const existing = await ws.activities.list();
  for (const a of routing.activities) {
    const have = existing.find((e) => e.friendlyName === a.name);
    activities[a.name] = have
      ? have.sid
      : (await ws.activities.create({ friendlyName: a.name, available: a.available })).sid;
  }
  const offline = activities[routing.roles.offline];
  // A reservation nobody answers moves its agent to Missed (unavailable), so the caller goes to the
  // next agent and is not offered again and again to an empty chair.
  const timedOut = activities[routing.roles.missed] ?? offline;
  const workspaceSet =
    workspace.eventCallbackUrl === eventCallbackUrl &&
    isConsumedEventsFilter(workspace.eventsFilter) &&
    (!offline || workspace.defaultActivitySid === offline) &&
    (!timedOut || workspace.timeoutActivitySid === timedOut);
  if (!workspaceSet) {
    await ws.update({
      eventCallbackUrl,
      // Only the events the center acts on: the rest would be posted and answered for nothing.
      eventsFilter: TASKROUTER_EVENTS_FILTER,
      ...(offline ? { defaultActivitySid: offline } : {}),
      ...(timedOut ? { timeoutActivitySid: timedOut } : {}),
    });
  }

  const queues: Record<string, string> = {};
  const existingQueues = await ws.taskQueues.list();
  for (const q of routing.queues) {
    const targetWorkers = queueExpression(q);
    const have = existingQueues.find((e) => e.friendlyName === q.name);
    if (!have) queues[q.name] = (await ws.taskQueues.create({ friendlyName: q.name, targetWorkers })).sid;
    else {
      if (have.targetWorkers !== targetWorkers) await ws.taskQueues(have.sid).update({ targetWorkers });
      queues[q.name] = have.sid;
    }
  }

  const configuration = JSON.stringify(
    workflowConfiguration(routing, (name) => {
      const sid = queues[name];
      if (!sid) throw new Error(`routing names unknown queue ${name}`);
      return sid;
    }),
  );
  const workflowSettings = {
    configuration,
    assignmentCallbackUrl: `${webhookBaseUrl}/twilio/taskrouter/assignment`,
    taskReservationTimeout: routing.ringSeconds,
  };
  const [flowFound] = await ws.workflows.list({ friendlyName: routing.workflow, limit: 1 });
  const flowSet =
    flowFound !== undefined &&
    flowFound.assignmentCallbackUrl === workflowSettings.assignmentCallbackUrl &&
    flowFound.taskReservationTimeout === workflowSettings.taskReservationTimeout &&
    sameJson(flowFound.configuration, configuration);
  const workflow = flowFound
    ? flowSet
      ? flowFound
      : await ws.workflows(flowFound.sid).update(workflowSettings)
    : await ws.workflows.create({ friendlyName: routing.workflow, ...workflowSettings });

  const workers: Record<string, string> = {};
  for (const agent of input.agents) workers[agent.id] = await upsertWorker(ws, agent, offline);
  return { workspaceSid: workspace.sid, workflowSid: workflow.sid, activities, queues, workers };
}

type Workspace = ReturnType<TwilioClient['taskrouter']['v1']['workspaces']>;

/** The agent's worker (friendly name = user id), created Offline or brought up to date; its SID. */
async function upsertWorker(ws: Workspace, agent: User, offline: string | undefined): Promise<string> {
  const [have] = await ws.workers.list({ friendlyName: agent.id, limit: 1 });
  if (!have) {
    const created = await ws.workers.create({
      friendlyName: agent.id,
      attributes: JSON.stringify(workerAttributes(agent)),
      ...(offline ? { activitySid: offline } : {}),
    });
    return created.sid;
  }
  // A list result carries no attributes (docs/twilio-behaviour.md §4.3): fetch, keep today's call count.
  const current = JSON.parse((await ws.workers(have.sid).fetch()).attributes || '{}') as {
    calls_today?: number;
    calls_day?: string;
  };
  const attributes = JSON.stringify(
    workerAttributes(agent, current.calls_today ?? 0, current.calls_day ?? ''),
  );
  if (!sameJson(JSON.stringify(current), attributes)) await ws.workers(have.sid).update({ attributes });
  return have.sid;
}

/**
 * A user was created or changed through the API: an active agent gets their worker at once (created
 * Offline, or their skills, languages and regions updated), without waiting for the next provisioning run;
 * a disabled user, or one no longer an agent, is set Offline (pending offers rejected) and keeps the
 * worker, so their history stays. The SID joins the `taskrouter` setting in a conditional change, so
 * agents added at the same moment do not drop one another's. Returns the worker's SID, if any.
 */
export async function syncAgentWorker(
  client: TwilioClient,
  store: Store,
  routing: RoutingConfig,
  user: User,
): Promise<string | undefined> {
  const provisioned = await store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
  if (!provisioned?.workspaceSid) return undefined; // nothing provisioned yet: the first run creates it
  const ws = client.taskrouter.v1.workspaces(provisioned.workspaceSid);
  const offline = provisioned.activities[routing.roles.offline];
  if (!user.roles.includes('agent') || user.disabled) {
    const [have] = await ws.workers.list({ friendlyName: user.id, limit: 1 });
    if (have && offline && have.activitySid !== offline)
      await ws.workers(have.sid).update({ activitySid: offline, rejectPendingReservations: true });
    return have?.sid;
  }
  const sid = await upsertWorker(ws, user, offline);
  await store.settings.change<ProvisionedRouting>(ROUTING_SETTING, (latest) =>
    !latest || latest.workers[user.id] === sid
      ? undefined
      : { ...latest, workers: { ...latest.workers, [user.id]: sid } },
  );
  return sid;
}

/** Twilio may re-serialize JSON it stores (key order, spacing); compare values, not text. */
function sameJson(a: string | undefined, b: string): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(a ?? 'null'), JSON.parse(b));
  } catch {
    return false;
  }
}

/**
 * Provisions the shipped routing for the store's active agents and saves the SIDs as the `taskrouter`
 * setting. The workspace is the one that setting names (`workspaceSid` overrides it; null forces a new one).
 */
export async function provisionRouting(
  client: TwilioClient,
  store: Store,
  routing: RoutingConfig,
  webhookBaseUrl: string,
  workspaceSid?: string | null,
): Promise<ProvisionedRouting> {
  const known =
    workspaceSid === undefined
      ? (await store.settings.get<ProvisionedRouting>(ROUTING_SETTING))?.workspaceSid
      : (workspaceSid ?? undefined);
  const agents: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    agents.push(...page.items.filter((u) => u.roles.includes('agent') && !u.disabled));
    cursor = page.cursor;
  } while (cursor);
  const result = await provisionTaskRouter(client, {
    routing,
    agents,
    webhookBaseUrl,
    ...(known ? { workspaceSid: known } : {}),
  });
  await store.settings.put(ROUTING_SETTING, result);
  return result;
}

/** The agent-worker port over the official client: the API's user routes keep workers in step. */
export function twilioAgentWorkers(
  client: TwilioClient,
  store: Store,
  routing: RoutingConfig,
): AgentWorkerSync {
  return { sync: (user) => syncAgentWorker(client, store, routing, user) };
}
