// Routing as data (flows/routing.ts): skills and queues, worker activities, and the rules the workflow
// is generated from (owner agent first, region and language match, overflow, VIP and rescue priority).
import type { Language, VipTier } from '../model.js';

export type Strategy = 'longest-idle' | 'fewest-calls';

export interface QueueDefinition {
  /** Also the skill workers need (`skills HAS '<name>'`). */
  readonly name: string;
  readonly description: string;
  /** Who gets the next task among matching free workers; default longest idle. */
  readonly strategy?: Strategy;
  /** Offer the customer's own agent first for `ownerAgentSeconds`; default true (not for emergencies). */
  readonly ownerFirst?: boolean;
  /** Queue a task moves to after `overflowAfterSeconds`. */
  readonly overflow?: string;
}

export interface ActivityDefinition {
  readonly name: string;
  readonly available: boolean;
}

export interface RoutingConfig {
  /** TaskRouter workspace friendly name. */
  readonly workspace: string;
  readonly workflow: string;
  readonly languages: readonly Language[];
  readonly activities: readonly ActivityDefinition[];
  /** Activity names with a job in the routing: where agents start, go for wrap-up, come back to. */
  readonly roles: {
    readonly available: string;
    readonly wrapUp: string;
    readonly offline: string;
    /** TaskRouter's timeout activity: an agent who missed an offer waits here until they clear it. */
    readonly missed: string;
  };
  readonly queues: readonly QueueDefinition[];
  /** Task priority added per VIP tier; rescue states add their own. */
  readonly vipPriority: Readonly<Record<VipTier, number>>;
  readonly ownerAgentSeconds: number;
  /** Time in the region-matched group before any language-matched worker may take it. */
  readonly regionSeconds: number;
  readonly overflowAfterSeconds: number;
  /** After this wait the caller is offered a callback or voicemail, and leaves the queue. */
  readonly maxWaitSeconds: number;
  /**
   * Callers beyond this many waiting get "all lines busy" and voicemail. Only callers left waiting count:
   * not those whose call is ringing a free agent (functions/domain/routing/queue-limit.ts).
   */
  readonly maxQueueLength: number;
  readonly wrapUpSeconds: number;
  /**
   * Seconds an offer waits for the agent: the workflow's reservation timeout, after which TaskRouter
   * moves the agent to the `missed` activity and offers the caller to the next agent.
   */
  readonly ringSeconds: number;
  /** A callback the customer did not answer is tried again this many minutes later, up to its maxAttempts. */
  readonly callbackRetryMinutes: number;
  /** Average handling time, for the estimated wait announced to callers. */
  readonly averageHandleSeconds: number;
  /** Seconds between position/estimated-wait announcements. */
  readonly announceEverySeconds: number;
  readonly holdMusicUrl: string;
  /** Caller region from the number: longest matching E.164 prefix wins. */
  readonly regionsByPrefix: Readonly<Record<string, string>>;
}
