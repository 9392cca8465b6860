// The TaskRouter port over Twilio's TaskRouter v1 REST API (the twin locally): snake_case JSON in,
// the port's views out; attribute JSON parsed here and nowhere else.
import {
  type Attributes,
  conferenceInstructionFields,
  type QueueStatistics,
  type ReservationStatus,
  type ReservationView,
  type TaskRouterPort,
  type TaskStatus,
  type TaskView,
  type WorkerView,
} from '../../domain/taskrouter-port.js';
import { ProviderError } from '../../domain/telephony-port.js';
import type { Json, RestTransport } from './rest-transport.js';

function parseAttributes(raw: unknown): Attributes {
  if (typeof raw !== 'string' || !raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' ? (v as Attributes) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);
const iso = (v: unknown) => {
  const s = str(v);
  const ms = s ? Date.parse(s) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

function worker(j: Json): WorkerView {
  const since = iso(j.date_status_changed);
  const activitySid = str(j.activity_sid);
  return {
    sid: String(j.sid),
    name: String(j.friendly_name),
    activity: String(j.activity_name ?? ''),
    ...(activitySid ? { activitySid } : {}),
    available: j.available === true,
    ...(since ? { since } : {}),
    attributes: parseAttributes(j.attributes),
  };
}

function reservation(j: Json): ReservationView {
  const workerName = str(j.worker_name);
  const changed = str(j.date_updated);
  const updated = changed && !Number.isNaN(Date.parse(changed)) ? new Date(changed).toISOString() : undefined;
  return {
    sid: String(j.sid),
    taskSid: String(j.task_sid),
    workerSid: String(j.worker_sid),
    ...(workerName ? { workerName } : {}),
    status: String(j.reservation_status) as ReservationStatus,
    ...(updated ? { updatedAt: updated } : {}),
  };
}

function task(j: Json): TaskView {
  const queue = str(j.task_queue_friendly_name);
  const queueSid = str(j.task_queue_sid);
  return {
    sid: String(j.sid),
    status: String(j.assignment_status) as TaskStatus,
    attributes: parseAttributes(j.attributes),
    ...(queue ? { queue } : {}),
    ...(queueSid ? { queueSid } : {}),
    age: num(j.age),
    priority: num(j.priority),
  };
}

const bool = (v: boolean | undefined) => (v === undefined ? undefined : String(v));

export function createTaskRouterRest(rest: RestTransport): TaskRouterPort {
  const ws = (sid: string) => `Workspaces/${sid}`;
  return {
    async worker(workspaceSid, workerSid) {
      try {
        return worker(await rest.taskrouter(`${ws(workspaceSid)}/Workers/${workerSid}`));
      } catch (err) {
        if (err instanceof ProviderError && err.status === 404) return undefined;
        throw err;
      }
    },
    async workers(workspaceSid, filter = {}) {
      const list = await rest.taskrouterList(`${ws(workspaceSid)}/Workers`, 'workers', {
        Available: bool(filter.available),
        TaskQueueSid: filter.queueSid,
      });
      return list.map(worker);
    },
    async updateWorker(workspaceSid, workerSid, update) {
      return worker(
        await rest.taskrouter(`${ws(workspaceSid)}/Workers/${workerSid}`, {
          ActivitySid: update.activitySid,
          Attributes: update.attributes ? JSON.stringify(update.attributes) : undefined,
          RejectPendingReservations: update.rejectPendingReservations ? 'true' : undefined,
        }),
      );
    },
    async reservations(workspaceSid, workerSid, status) {
      const list = await rest.taskrouterList(
        `${ws(workspaceSid)}/Workers/${workerSid}/Reservations`,
        'reservations',
        { ReservationStatus: status },
      );
      return list.map(reservation);
    },
    async reservation(workspaceSid, workerSid, reservationSid) {
      return reservation(
        await rest.taskrouter(`${ws(workspaceSid)}/Workers/${workerSid}/Reservations/${reservationSid}`),
      );
    },
    async updateReservation(workspaceSid, workerSid, reservationSid, update) {
      const path = `${ws(workspaceSid)}/Workers/${workerSid}/Reservations/${reservationSid}`;
      if ('status' in update) {
        await rest.taskrouter(path, { ReservationStatus: update.status });
        return;
      }
      await rest.taskrouter(path, conferenceInstructionFields(update));
    },
    async taskReservations(workspaceSid, taskSid, status) {
      const list = await rest.taskrouterList(
        `${ws(workspaceSid)}/Tasks/${taskSid}/Reservations`,
        'reservations',
        {
          ReservationStatus: status,
        },
      );
      return list.map(reservation);
    },
    async task(workspaceSid, taskSid) {
      try {
        return task(await rest.taskrouter(`${ws(workspaceSid)}/Tasks/${taskSid}`));
      } catch (err) {
        if (err instanceof ProviderError && err.status === 404) return undefined;
        throw err;
      }
    },
    async tasks(workspaceSid, statuses) {
      const list = await rest.taskrouterList(`${ws(workspaceSid)}/Tasks`, 'tasks', {
        AssignmentStatus: statuses,
      });
      return list.map(task);
    },
    async createTask(workspaceSid, input) {
      return task(
        await rest.taskrouter(`${ws(workspaceSid)}/Tasks`, {
          WorkflowSid: input.workflowSid,
          TaskChannel: input.taskChannel,
          Attributes: JSON.stringify(input.attributes),
          Priority: input.priority === undefined ? undefined : String(input.priority),
          Timeout: input.timeoutSeconds === undefined ? undefined : String(input.timeoutSeconds),
          VirtualStartTime: input.virtualStartTime,
        }),
      );
    },
    async updateTask(workspaceSid, taskSid, update) {
      return task(
        await rest.taskrouter(`${ws(workspaceSid)}/Tasks/${taskSid}`, {
          AssignmentStatus: update.assignmentStatus,
          Reason: update.reason,
          Attributes: update.attributes ? JSON.stringify(update.attributes) : undefined,
        }),
      );
    },
    async queueStatistics(workspaceSid, options) {
      const splits = [...new Set(options.splitByWaitTimeSeconds ?? [])];
      const list = await rest.taskrouterList(
        `${ws(workspaceSid)}/TaskQueues/Statistics`,
        'task_queues_statistics',
        {
          StartDate: options.startDate.toISOString(),
          SplitByWaitTime: splits.length ? splits.join(',') : undefined,
        },
      );
      return list.map((s): QueueStatistics => {
        const rt = (s.realtime ?? {}) as Json;
        const cu = (s.cumulative ?? {}) as Json;
        const byStatus = (rt.tasks_by_status ?? {}) as Json;
        // Each split counts reservations accepted and tasks canceled below and above the threshold.
        const split = (cu.split_by_wait_time ?? {}) as Record<string, { below?: Json }>;
        const below = Object.fromEntries(
          splits.map((seconds) => {
            const b = split[String(seconds)]?.below ?? {};
            return [seconds, { accepted: num(b.reservations_accepted), canceled: num(b.tasks_canceled) }];
          }),
        );
        return {
          queueSid: String(s.task_queue_sid),
          // The longest wait is over pending and reserved tasks alike, so both count as waiting.
          waiting: num(byStatus.pending) + num(byStatus.reserved),
          longestWaitSeconds: num(rt.longest_task_waiting_age),
          availableWorkers: num(rt.total_available_workers),
          reservationsAccepted: num(cu.reservations_accepted),
          tasksCanceled: num(cu.tasks_canceled),
          below,
        };
      });
    },
  };
}
