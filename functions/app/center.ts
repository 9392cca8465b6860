// What every use case works with: configuration, storage, the clock, the outside systems as ports, the
// wrap-up timer, and the provisioned TaskRouter SIDs (cached per container: they change only when
// provisioning runs again). Built once per door from the composition root's dependencies.
import type { AppConfig } from '../config.js';
import type { MediaStore } from '../domain/channel-ports.js';
import type { EventArchive } from '../domain/history/ports.js';
import type { JobQueue } from '../domain/jobs.js';
import type { Logger } from '../domain/logger.js';
import type { MessagingPort } from '../domain/messaging-port.js';
import { type Clock, type Store, systemClock } from '../domain/ports.js';
import { NotProvisionedError } from '../domain/problems.js';
import type { PushTransport } from '../domain/push.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../domain/routing/provisioned.js';
import {
  createClockScheduler,
  createQueueScheduler,
  isTimerClock,
  type ScheduledJob,
  type Scheduler,
} from '../domain/scheduler.js';
import type { TaskRouterPort } from '../domain/taskrouter-port.js';
import type { TelephonyPort } from '../domain/telephony-port.js';
import { createHistory, type History } from './history/history.js';
import { intervalArchiver } from './history-archive.js';
import { hotlinesOf, lineOf } from './hotlines.js';
import { createPublisher, type Publish } from './push.js';
import { createSingleFlight, type SingleFlight } from './single-flight.js';

/** The ports a composition root wires in (adapters for Twilio's REST API, or the twin's locally). */
export interface CenterPorts {
  readonly config: AppConfig;
  readonly store: Store;
  readonly clock: Clock;
  readonly taskrouter: TaskRouterPort;
  readonly telephony: TelephonyPort;
  readonly messaging: MessagingPort;
  readonly logger: Logger;
  /**
   * The job queue: recordings, SMS and, without a timer clock (AWS), the wrap-up timer; without it the
   * recording and SMS-status webhooks are not mounted.
   */
  readonly jobs?: JobQueue;
  /** Sends to the push channel's open pages (functions/app/push.ts); absent, pages poll. */
  readonly push?: PushTransport;
  /** Where ended intervals' raw events are archived for SQL; absent, nothing is archived. */
  readonly eventArchive?: EventArchive;
  /** The media bucket, read by the IVR for recorded prompts and hold music; absent, prompts are spoken. */
  readonly media?: MediaStore;
  /**
   * The clock of the caches bounded in real time (the provisioned SIDs, the push audience), whatever a
   * simulated clock does; default the system's. A test that counts the work of a call pins it, so a slow
   * machine does not turn a warm container's cache cold halfway through.
   */
  readonly cacheClock?: Clock;
}

/** What use cases that touch no outside system need. */
export type CenterBasics = Pick<CenterPorts, 'config' | 'store' | 'clock' | 'logger'>;

export interface Center extends CenterPorts {
  readonly scheduler: Scheduler;
  /** The provisioned SIDs, cached for a minute (webhooks); 409 not-provisioned before provisioning ran. */
  provisioned(): Promise<ProvisionedRouting>;
  /**
   * The same for the desk, at most a few seconds old, and read afresh when it lacks `agentId`'s worker:
   * the desk must see an agent added a moment ago, and every desk request needs the SIDs.
   */
  routing(agentId?: string): Promise<ProvisionedRouting>;
  /** Tells open pages what changed (functions/app/push.ts); does nothing without a push transport. */
  readonly publish: Publish;
  /** The event history: facts recorded as events, rollups, reports (functions/app/history). */
  readonly history: History;
  /**
   * Conferences whose call this container is moving or has moved to wrap-up: the customer's leave and
   * the conference's end both report the call over, and only the first does the work.
   */
  readonly conferencesOver: SingleFlight;
}

const CACHE_MS = 60_000;
const DESK_CACHE_MS = 5_000;
/** Longer than the events of one conference's end take to arrive. */
const CONFERENCE_OVER_MS = 60_000;

/**
 * `runJob` runs a due wrap-up timer on a timer clock (locally); in AWS the delayed job reaches the job
 * worker instead. Without either, wrap-up ends when the agent ends it.
 */
export function createCenter(
  ports: CenterPorts,
  runJob: (center: Center, job: ScheduledJob) => Promise<void>,
): Center {
  let cached: { at: number; value: ProvisionedRouting } | undefined;
  const wall = ports.cacheClock ?? systemClock;
  const read = async () => {
    const value = await ports.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!value?.workspaceSid) throw new NotProvisionedError('TaskRouter routing');
    // A cache on the wall clock: it bounds staleness in real time, whatever a simulated clock does.
    cached = { at: wall.now(), value };
    return value;
  };
  const fresh = (ms: number) => (cached && wall.now() - cached.at < ms ? cached.value : undefined);
  const provisioned = async () => fresh(CACHE_MS) ?? read();
  const routing = async (agentId?: string) => {
    const value = fresh(DESK_CACHE_MS);
    return value && (!agentId || value.workers[agentId]) ? value : read();
  };
  const publish = createPublisher(ports);
  const history = createHistory({
    store: ports.store,
    clock: ports.clock,
    timeZone: ports.config.timeZone,
    logger: ports.logger,
    ...(ports.eventArchive
      ? { archive: intervalArchiver({ log: ports.store.events, archive: ports.eventArchive }) }
      : {}),
  });
  const center: Center = {
    ...ports,
    // A worker's activity or attributes changed: their pages show it, so they hear of it.
    taskrouter: ports.push ? tellWorkerPages(ports.taskrouter, provisioned, publish) : ports.taskrouter,
    provisioned,
    routing,
    publish,
    history,
    conferencesOver: createSingleFlight(wall, CONFERENCE_OVER_MS),
    scheduler: isTimerClock(ports.clock)
      ? createClockScheduler(ports.clock, (job) => runJob(center, job), ports.logger)
      : ports.jobs
        ? createQueueScheduler(ports.jobs, ports.clock)
        : {
            async schedule(job) {
              ports.logger.warn('no scheduler; wrap-up ends when the agent ends it', { job });
            },
          },
  };
  return center;
}

function tellWorkerPages(
  taskrouter: TaskRouterPort,
  provisioned: () => Promise<ProvisionedRouting>,
  publish: Publish,
): TaskRouterPort {
  return {
    ...taskrouter,
    async updateWorker(...args: Parameters<TaskRouterPort['updateWorker']>) {
      const updated = await taskrouter.updateWorker(...args);
      const [, workerSid] = args;
      const p = await provisioned().catch(() => undefined);
      const agentId = p && Object.entries(p.workers).find(([, sid]) => sid === workerSid)?.[0];
      if (agentId) await publish({ agentId }, ['me']);
      return updated;
    },
  };
}

/** The worker SID of an agent, or 409 not-provisioned. */
export function workerSidOf(sids: ProvisionedRouting, agentId: string): string {
  const sid = sids.workers[agentId];
  if (!sid) throw new NotProvisionedError(`A TaskRouter worker for "${agentId}"`);
  return sid;
}

/** The SID of an activity by name, or 409 not-provisioned. */
export function activitySid(sids: ProvisionedRouting, name: string): string {
  const sid = sids.activities[name];
  if (!sid) throw new NotProvisionedError(`The "${name}" activity`);
  return sid;
}

/**
 * The caller id the center shows when a call has no number of its own to show (an agent dialled into a
 * call whose record is gone): the configured SMS sender, else the first hotline.
 */
export function centerNumber(center: Pick<Center, 'config'>): string {
  return center.config.channels?.smsFrom ?? lineOf(hotlinesOf(center.config), undefined).number;
}
