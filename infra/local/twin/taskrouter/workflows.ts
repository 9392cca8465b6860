// Workflows (docs/twilio-behaviour.md §4.5): the configuration is compiled on create/update; ReEvaluateTasks sends the
// waiting tasks through the new configuration.
import { newSid } from '../rest-common.js';
import { type Core, invalidParam, now, type Workspace } from './core.js';
import { emit } from './event-record.js';
import type { Workflow } from './model.js';
import { routeTask } from './routing.js';
import { compileWorkflowConfig } from './workflow-config.js';

export interface WorkflowInput {
  readonly friendlyName?: string;
  readonly configuration?: string;
  readonly assignmentCallbackUrl?: string;
  readonly fallbackAssignmentCallbackUrl?: string;
  readonly taskReservationTimeout?: number;
  readonly reEvaluateTasks?: boolean;
}

function checkTimeout(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 86_400)
    throw invalidParam('TaskReservationTimeout must be from 1 to 86400');
  return n;
}

function workflowEvent(core: Core, ws: Workspace, wf: Workflow, type: string, description: string): void {
  emit(core, ws, {
    type,
    description,
    resourceType: 'Workflow',
    resourceSid: wf.sid,
    fields: { WorkflowSid: wf.sid, WorkflowName: wf.friendlyName },
  });
}

export function createWorkflow(
  core: Core,
  ws: Workspace,
  input: WorkflowInput & { readonly friendlyName: string; readonly configuration: string },
): Workflow {
  const config = compileWorkflowConfig(input.configuration, (sid) => ws.queues.has(sid));
  const t = now(core);
  const wf: Workflow = {
    sid: newSid('WW'),
    workspaceSid: ws.sid,
    friendlyName: input.friendlyName,
    configurationJson: input.configuration,
    config,
    assignmentCallbackUrl: input.assignmentCallbackUrl || undefined,
    fallbackAssignmentCallbackUrl: input.fallbackAssignmentCallbackUrl || undefined,
    taskReservationTimeout: checkTimeout(input.taskReservationTimeout ?? 120),
    dateCreated: t,
    dateUpdated: t,
  };
  ws.workflows.set(wf.sid, wf);
  workflowEvent(core, ws, wf, 'workflow.created', `Workflow ${wf.friendlyName} created`);
  return wf;
}

export function updateWorkflow(core: Core, ws: Workspace, wf: Workflow, input: WorkflowInput): Workflow {
  const config = input.configuration
    ? compileWorkflowConfig(input.configuration, (sid) => ws.queues.has(sid))
    : undefined;
  const timeout =
    input.taskReservationTimeout !== undefined ? checkTimeout(input.taskReservationTimeout) : undefined;
  if (input.friendlyName !== undefined) wf.friendlyName = input.friendlyName;
  if (config && input.configuration) {
    wf.config = config;
    wf.configurationJson = input.configuration;
  }
  if (input.assignmentCallbackUrl !== undefined)
    wf.assignmentCallbackUrl = input.assignmentCallbackUrl || undefined;
  if (input.fallbackAssignmentCallbackUrl !== undefined)
    wf.fallbackAssignmentCallbackUrl = input.fallbackAssignmentCallbackUrl || undefined;
  if (timeout !== undefined) wf.taskReservationTimeout = timeout;
  wf.dateUpdated = now(core);
  workflowEvent(core, ws, wf, 'workflow.updated', `Workflow ${wf.friendlyName} updated`);
  if (input.reEvaluateTasks)
    for (const task of [...ws.tasks.values()])
      if (task.workflow === wf && task.status === 'pending') routeTask(core, ws, task);
  return wf;
}

export function deleteWorkflow(core: Core, ws: Workspace, wf: Workflow): void {
  for (const t of ws.tasks.values())
    if (t.workflow === wf && (t.status === 'pending' || t.status === 'reserved'))
      throw invalidParam(`Workflow ${wf.sid} still has waiting tasks`);
  ws.workflows.delete(wf.sid);
  workflowEvent(core, ws, wf, 'workflow.deleted', `Workflow ${wf.friendlyName} deleted`);
}
